import type { Metadata } from 'next';
import Cite, { Simplification } from '@/components/demos/Cite';
import LandscapePlayground from '@/components/demos/LandscapePlayground';
import MlpPlayground from '@/components/demos/MlpPlayground';
import MuonScale from '@/components/demos/MuonScale';
import NewtonSchulzView from '@/components/demos/NewtonSchulzView';

export const metadata: Metadata = { title: 'Optimizer playground' };

export default function OptimizersDemo() {
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">Optimizer playground</h1>
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm leading-relaxed">
          <li>
            SGD with heavy-ball momentum: buf ← μ·buf + g, θ ← θ − η·buf, with μ = 0.9, the usual choice
            (torch&apos;s default is 0).
            <Cite ids={['torch-sgd']} />
          </li>
          <li>
            Adam: bias-corrected moments with β = (0.9, 0.999), ε = 10⁻⁸; weight decay, if any, as an L2 term
            in the gradient, as torch&apos;s Adam does.
            <Cite ids={['adam-paper', 'torch-adam']} />
          </li>
          <li>
            AdamW: the same step plus decoupled decay θ ← θ(1 − ηλ); λ = 0.01 is torch&apos;s default.
            <Cite ids={['adamw-paper', 'torch-adamw']} />
          </li>
          <li>
            Signum: θ ← θ − η·sign(m) with m an EMA of gradients, β = 0.9, no weight decay.
            <Cite ids={['signum-paper']} />
          </li>
          <li>
            Lion: θ ← θ − η·(sign(β1·m + (1−β1)·g) + λθ), then m ← β2·m + (1−β2)·g, with β = (0.9, 0.99); its
            lr should be 3–10× smaller and its λ 3–10× larger than AdamW&apos;s.
            <Cite ids={['lion-paper', 'lion-code']} />
          </li>
          <li>
            Tiger: Lion with β1 = β2 = β, i.e. Signum with weight decay; β = 0.945 for vision and 0.965 for
            language (the means of Lion&apos;s two β pairs). Its reference code scales the lr of every weight
            tensor by RMS(θ) and gives biases lr/2 without decay; with that switched off Tiger is Lion with β1
            = β2.
            <Cite ids={['tiger-post', 'tiger-code']} />
          </li>
          <li>
            Muon: momentum 0.95 with Nesterov, Frobenius normalisation G/(‖G‖_F + 10⁻⁷), five Newton–Schulz
            steps with (a, b, c) = (3.4445, −4.7750, 2.0315), transposed when rows &gt; cols, scaled by
            √max(1, rows/cols), lr 0.02, weight decay 0; only 2-D hidden weights, every other tensor goes to
            AdamW with lr 3·10⁻⁴, β = (0.9, 0.95), ε = 10⁻¹⁰, λ = 0.
            <Cite ids={['muon-code']} />
          </li>
        </ul>
      </header>
      <section aria-labelledby="landscapes" className="flex flex-col gap-3">
        <h2 id="landscapes" className="text-xl font-semibold">
          2-D landscapes
        </h2>
        <p className="text-sm">
          Sign-based methods move every coordinate by the full learning rate, which is why Lion&apos;s authors
          advise a 3–10× smaller learning rate and 3–10× larger weight decay than AdamW&apos;s.
          <Cite ids={['lion-code']} /> The table says which lr, β and λ each optimizer runs with.
        </p>
        <LandscapePlayground />
        <Simplification>
          The landscapes are standard test functions, not from the posts. The lr values, k = 3 and λ = 0 are
          this demo&apos;s choice (decay would pull θ towards 0, away from the minima); every β is the
          published one. θ = (x, y) is one weight tensor, so Tiger&apos;s relative lr is lr × RMS(x, y). Muon
          is left out: on a single 2-vector its orthogonalisation is just normalisation. A run whose
          coordinates pass 10⁶ or become infinite is marked diverged.
        </Simplification>
      </section>
      <section aria-labelledby="classifier" className="flex flex-col gap-3">
        <h2 id="classifier" className="text-xl font-semibold">
          A small classifier (trained in a Web Worker)
        </h2>
        <p className="text-sm">
          Three interleaved spirals, an MLP 2 → 16 → 16 → 3 with tanh, full-batch cross-entropy, identical
          data and initial weights for every optimizer. Muon takes the 16×16 hidden matrix W2; W1, W3 and the
          biases go to AdamW, as Muon&apos;s reference code splits a network.
          <Cite ids={['muon-code']} />
        </p>
        <MlpPlayground />
        <Simplification>
          Full-batch gradients and a network far smaller than the posts&apos; experiments; the lr of 10⁻² is
          10× Adam&apos;s published 10⁻³ so that a few hundred steps suffice, and the SGD lr of 0.3 is our
          choice. Lion and Tiger take AdamW&apos;s λ × k as Lion&apos;s README advises, not tiger.py&apos;s
          default 0.01, and Tiger&apos;s relative lr is AdamW&apos;s lr ÷ k, not the README&apos;s 1.76·10⁻³.
          Results on such a toy say nothing general about which optimizer is better.
        </Simplification>
      </section>
      <section aria-labelledby="newton-schulz-title" id="newton-schulz" className="flex flex-col gap-3">
        <h2 id="newton-schulz-title" className="text-xl font-semibold">
          Muon&apos;s Newton–Schulz iteration
        </h2>
        <p className="text-sm">
          Each step maps every singular value σ of X through p(σ) = aσ + bσ³ + cσ⁵ (the singular vectors stay
          put). The coefficients maximise the slope at 0 instead of converging to 1, so values are pushed up
          from near 0 and, once in the band [0.68, 1.20] between the quintic&apos;s local minimum and maximum,
          stay there.
          <Cite ids={['muon-code', 'muon-blog', 'muon-su']} /> How many steps that takes depends on how small
          a singular value starts: after Frobenius normalisation, a value of 10⁻² reaches the band in 4 steps,
          10⁻³ needs 6, so a square matrix, whose smallest singular values are close to 0, can still have
          values below the band after muon.py&apos;s 5 steps (try 128 × 128).
        </p>
        <NewtonSchulzView />
        <Simplification>
          The iteration runs in float64 here; the reference runs it in bfloat16, which moves the result
          slightly (on a seeded 64 × 32 Gaussian matrix, σ ∈ [0.6820, 1.1098] in float64 and [0.6788, 1.1084]
          in emulated bfloat16, by our numpy reference script). The random matrices are Gaussian, not real
          gradients.
        </Simplification>
      </section>
      <section aria-labelledby="muon-scale-title" id="muon-scale" className="flex flex-col gap-3">
        <h2 id="muon-scale-title" className="text-xl font-semibold">
          Muon at scale: matching AdamW&apos;s update RMS
        </h2>
        <p className="text-sm">
          An orthogonal update U·Vᵀ of an n × m matrix has RMS 1/√max(n, m), so Muon&apos;s step size depends
          on the layer&apos;s shape. Moonlight scales it by 0.2·√max(n, m), which gives an RMS of about 0.2,
          in the 0.2–0.4 range of AdamW&apos;s updates, so Muon can reuse AdamW&apos;s learning rate and
          weight decay. Weight decay is what keeps Muon&apos;s weights bounded: with unit-norm updates, ‖W_t‖₂
          ≤ max(‖W₀‖₂, 1/λ).
          <Cite ids={['moonlight-su', 'moonlight-paper']} /> Below, AdamW and Muon update the same layer from
          the same gradients.
        </p>
        <MuonScale />
      </section>
    </div>
  );
}
