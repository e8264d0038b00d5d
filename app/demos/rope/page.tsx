import type { Metadata } from 'next';
import BaseBoundExplorer from '@/components/demos/BaseBoundExplorer';
import ContextExtension from '@/components/demos/ContextExtension';
import RopeBasics from '@/components/demos/RopeBasics';

export const metadata: Metadata = { title: 'RoPE explorer' };

export default function RopeDemo() {
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">RoPE explorer</h1>
        <p className="text-sm leading-relaxed">
          Rotary position embedding rotates the i-th pair of query/key coordinates by the angle n·θ_i with θ_i = b^(−2i/d), so attention depends on the relative
          distance only.
        </p>
      </header>
      <section aria-labelledby="frequencies" className="flex flex-col gap-3">
        <h2 id="frequencies" className="text-xl font-semibold">
          Frequencies and long-range decay
        </h2>
        <RopeBasics />
      </section>
      <section aria-labelledby="base-bound-title" id="base-bound" className="flex flex-col gap-3">
        <h2 id="base-bound-title" className="text-xl font-semibold">
          The base bounds the context length
        </h2>
        <p className="text-sm leading-relaxed">
          Men et al. (arXiv:2405.14591) ask that similar tokens keep more attention than random ones at every distance, which needs B_m = Σ_{'{'}i=0{'}'}^{'{'}d/2−1{'}'}{' '}
          cos(m·θ_i) ≥ 0 for all m &lt; L. The smallest such b is computed here exactly: a sweep upward in ln b that jumps past a base only when a second-order
          bound on some B_m proves it negative over the whole jump, and stops at the first base where a scan of every m &lt; L finds no negative value (values
          within 10⁻⁹ of zero count as zero). No bisection: larger bases can fail again, as the profile below shows.
        </p>
        <p className="text-sm leading-relaxed">
          The paper&apos;s Table 1: we could not find its values in any public text we can search, so it is not reproduced here and nothing is compared against
          it. Only values computed on this page are shown. <code>npm run demos:table</code> prints the full table for d = 128, L = 2^10 … 2^20.
        </p>
        <BaseBoundExplorer />
      </section>
      <section aria-labelledby="context-extension-title" id="context-extension" className="flex flex-col gap-3">
        <h2 id="context-extension-title" className="text-xl font-semibold">
          Context extension
        </h2>
        <p className="text-sm leading-relaxed">
          Extrapolation keeps the angles and meets rotations never seen in training at the slow frequencies. Position interpolation divides every position by s;
          NTK-aware scaling raises the base to b·s^(d/(d−2)) so the fastest frequency is untouched and the slowest is interpolated by exactly s; the mixed-base
          view writes the per-frequency divisor as λ₁⋯λᵢ = exp(a·i^β) (β = 1 is NTK). ReRoPE caps the relative position at w; Leaky ReRoPE continues with slope
          1/k. The log-n scale multiplies queries by max(1, log n / log L_train).
        </p>
        <ContextExtension />
      </section>
    </div>
  );
}
