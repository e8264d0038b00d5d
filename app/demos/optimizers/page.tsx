import type { Metadata } from 'next';
import LandscapePlayground from '@/components/demos/LandscapePlayground';
import MlpPlayground from '@/components/demos/MlpPlayground';
import NewtonSchulzView from '@/components/demos/NewtonSchulzView';

export const metadata: Metadata = { title: 'Optimizer playground' };

export default function OptimizersDemo() {
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">Optimizer playground</h1>
        <p className="text-sm leading-relaxed">
          Update rules as published: SGD with momentum; Adam (weight decay as an L2 term); AdamW (decoupled decay θ ← θ(1 − ηλ)); Signum (sign of an EMA of
          gradients); Lion (θ ← θ − η·sign(β1·m + (1−β1)·g), then m ← β2·m + (1−β2)·g, defaults β = (0.9, 0.99)); Tiger (Lion with β1 = β2 = β, β = 0.945 or
          0.965, optionally lr × RMS(θ) per matrix); Muon (momentum 0.95 with Nesterov, Frobenius normalisation, five Newton–Schulz steps with (a, b, c) = (3.4445,
          −4.7750, 2.0315), transposed when rows &gt; cols, scaled by √max(1, rows/cols); only 2-D hidden weights, the rest AdamW).
        </p>
      </header>
      <section aria-labelledby="landscapes" className="flex flex-col gap-3">
        <h2 id="landscapes" className="text-xl font-semibold">
          2-D landscapes
        </h2>
        <p className="text-sm">
          Sign-based methods move every coordinate by the full learning rate, which is why they escape the saddle at once and why Lion&apos;s authors advise a
          3–10× smaller learning rate and 3–10× larger weight decay than AdamW. Muon is left out here: on a single 2-vector its orthogonalisation is just
          normalisation.
        </p>
        <LandscapePlayground />
      </section>
      <section aria-labelledby="classifier" className="flex flex-col gap-3">
        <h2 id="classifier" className="text-xl font-semibold">
          A small classifier (trained in a Web Worker)
        </h2>
        <p className="text-sm">Three interleaved spirals, an MLP 2 → 16 → 16 → 3 with tanh, full-batch cross-entropy, identical data and initial weights for every optimizer.</p>
        <MlpPlayground />
      </section>
      <section aria-labelledby="newton-schulz" id="newton-schulz" className="flex flex-col gap-3">
        <h2 id="newton-schulz-title" className="text-xl font-semibold">
          Muon&apos;s Newton–Schulz iteration
        </h2>
        <p className="text-sm">
          Each step maps every singular value σ of X through p(σ) = aσ + bσ³ + cσ⁵ (the singular vectors stay put). The coefficients trade exactness for speed:
          instead of converging to 1, values are pushed from near 0 into a band around 1 and then stay in it.
        </p>
        <NewtonSchulzView />
      </section>
    </div>
  );
}
