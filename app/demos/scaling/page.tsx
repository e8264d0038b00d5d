import type { Metadata } from 'next';
import AdamEpsilon from '@/components/demos/AdamEpsilon';
import BatchSizeLr from '@/components/demos/BatchSizeLr';
import Cite, { Simplification } from '@/components/demos/Cite';

export const metadata: Metadata = { title: 'Learning rate and batch size' };

export default function ScalingDemo() {
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">Learning rate and batch size</h1>
        <p className="text-sm leading-relaxed">
          Take one step θ → θ − η·u on a loss expanded to second order, with u built from a mini-batch
          gradient of B samples. The best step size is then η* = E[u]ᵀg / Tr(E[uuᵀ]·H), where g is the full
          gradient and H the Hessian; how η* grows with B depends on what u is.
          <Cite ids={['batch-su', 'openai-batch']} />
        </p>
      </header>
      <section aria-labelledby="batch-title" id="batch-size" className="flex flex-col gap-3">
        <h2 id="batch-title" className="text-xl font-semibold">
          Batch size against learning rate
        </h2>
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm leading-relaxed">
          <li>
            Keeping SGD&apos;s noise η²Σ/B fixed gives the square-root rule η ∝ √B; the SDE view gives the
            linear rule η ∝ B.
            <Cite ids={['batch-su']} />
          </li>
          <li>
            For SGD, η*(B) = η_max/(1 + B_noise/B): linear while B ≪ B_noise, then saturating at η_max.
            <Cite ids={['openai-batch', 'batch-su']} />
          </li>
          <li>
            Adam&apos;s first step is exactly sign(g), and Adam with β1 = β2 = 0 is SignSGD, so Su studies
            Adam through SignSGD: its η* grows like √B while B is small, peaks, and then falls towards a lower
            limit, the surge phenomenon. Su&apos;s mean-field approximation puts the peak at B = πκ²β²/(2(1 −
            β²)) with β = β_noise; there is no surge when β_noise ≥ 1.
            <Cite ids={['batch-su', 'surge-paper']} />
          </li>
        </ul>
        <BatchSizeLr />
        <Simplification>
          A toy of our choice (the one our numpy reference script uses, so every closed form can be checked by
          hand): n coordinates with |gᵢ| = 1, independent Gaussian noise of standard deviation κ/√B on each,
          and H = I + c·s·sᵀ with s = sign(g), off-diagonal curvature aligned with the gradient&apos;s signs.
          &quot;Exact&quot; means the expectations are computed exactly for this model (erf for the sign,
          quadrature for softsign); the second-order expansion itself is Su&apos;s approximation. The dashed
          rules are drawn through each curve&apos;s value at B = 1.
        </Simplification>
      </section>
      <section aria-labelledby="eps-title" id="adam-epsilon" className="flex flex-col gap-3">
        <h2 id="eps-title" className="text-xl font-semibold">
          Adam&apos;s ε and the scaling law
        </h2>
        <p className="text-sm leading-relaxed">
          Su models Adam with ε as softsign(x, ε) = x/√(x² + ε²). What matters is ε relative to the
          gradient&apos;s scale: ε ≪ |g| gives SignSGD, while ε ≫ |g| gives ε·softsign(x, ε) → x, i.e. SGD
          with learning rate η/ε. A larger ε makes the surge less likely, and it disappears as ε → ∞.
          <Cite ids={['eps-su']} /> Su&apos;s closed form is a mean-field approximation: on this toy it is
          within 1% for ε = 0 but runs low as ε grows (at B = 16, by 7% at ε = 0.3|g| and 24% at ε = 3|g|),
          and its ε → ∞ limit has noise πσ²/2B where the exact limit is SGD&apos;s σ²/B (our numpy check).
        </p>
        <AdamEpsilon />
        <Simplification>
          The same toy with n = 100, c = 0.1, κ = 10; the gradient scale |g| is 1, so ε/|g| is ε.
        </Simplification>
      </section>
    </div>
  );
}
