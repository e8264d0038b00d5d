import type { Metadata } from 'next';
import BaseBoundExplorer from '@/components/demos/BaseBoundExplorer';
import Cite, { Simplification } from '@/components/demos/Cite';
import ContextExtension from '@/components/demos/ContextExtension';
import PublishedBasesTable from '@/components/demos/PublishedBasesTable';
import RopeBasics from '@/components/demos/RopeBasics';
import RopeBetaBase from '@/components/demos/RopeBetaBase';

export const metadata: Metadata = { title: 'RoPE explorer' };

export default function RopeDemo() {
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">RoPE explorer</h1>
        <p className="text-sm leading-relaxed">
          Rotary position embedding rotates the i-th pair of query/key coordinates by the angle n·θ_i with θ_i
          = b^(−2i/d) and b = 10,000, so attention depends on the relative distance only.
          <Cite ids={['roformer', 'rope-su']} />
        </p>
      </header>
      <section aria-labelledby="frequencies" className="flex flex-col gap-3">
        <h2 id="frequencies" className="text-xl font-semibold">
          Frequencies and long-range decay
        </h2>
        <p className="text-sm leading-relaxed">
          RoFormer bounds the attention score at relative distance m by Abel summation; the bound is
          proportional to (1/(d/2))·Σⱼ |Σ_{'{'}i&lt;j{'}'} e^(i·m·θ_i)|, which starts at (d/2 + 1)/2 and
          decays, though not monotonically.
          <Cite ids={['roformer', 'rope-su']} />
        </p>
        <RopeBasics />
        <Simplification>
          d = 128 by default, the head size the references compute with; the distance range is our choice.
        </Simplification>
      </section>
      <section aria-labelledby="beta-base-title" id="beta-base" className="flex flex-col gap-3">
        <h2 id="beta-base-title" className="text-xl font-semibold">
          RoPE as a β-base number system
        </h2>
        <RopeBetaBase />
      </section>
      <section aria-labelledby="base-bound-title" id="base-bound" className="flex flex-col gap-3">
        <h2 id="base-bound-title" className="text-xl font-semibold">
          The base bounds the context length
        </h2>
        <p className="text-sm leading-relaxed">
          Men et al. ask that similar tokens keep more attention than random ones at every distance, which
          needs B_m = Σ_{'{'}i=0{'}'}^{'{'}d/2−1{'}'} cos(m·θ_i) ≥ 0 for all m &lt; L.
          <Cite ids={['base-bound-paper']} /> The admissible bases are not an interval: a base above the
          smallest one can fail again, so bisection does not find the minimum.
          <Cite ids={['base-bound-su']} /> The explorer computes it exactly: a sweep upward in ln b that jumps
          past a base only when a second-order bound on some B_m proves it negative over the whole jump, and
          stops at the first base where a scan of every m &lt; L finds no negative value (values within 10⁻⁹
          of zero count as zero).
        </p>
        <PublishedBasesTable />
        <BaseBoundExplorer />
      </section>
      <section
        aria-labelledby="context-extension-title"
        id="context-extension"
        className="flex flex-col gap-3"
      >
        <h2 id="context-extension-title" className="text-xl font-semibold">
          Context extension
        </h2>
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm leading-relaxed">
          <li>
            Extrapolation keeps the angles. A frequency whose wavelength 2π/θ_i is shorter than the training
            length has turned fully in training and seen every angle, so it extrapolates safely; only the
            slower ones meet unseen angles.
            <Cite ids={['beta-base-su']} />
          </li>
          <li>
            Position interpolation divides every position by s.
            <Cite ids={['pi-paper']} />
          </li>
          <li>
            NTK-aware scaling raises the base to b·s^(d/(d−2)): the fastest frequency is untouched and the
            slowest is interpolated by exactly s.
            <Cite ids={['ntk-bloc97', 'beta-base-su']} />
          </li>
          <li>
            The mixed base divides digit m by λ₁⋯λₘ = exp(a·m^b) with a·(d/2)^b = ln s; b = 1 is NTK-fixed, b
            = 0.625 did best in Su&apos;s tests.
            <Cite ids={['mixed-su', 'ntk-patch']} />
          </li>
          <li>
            ReRoPE caps the relative position at w; Leaky ReRoPE continues with slope 1/k. The log-n scale
            multiplies queries by max(1, log n / log L_train).
            <Cite ids={['rerope-su', 'rerope-code']} />
          </li>
        </ul>
        <ContextExtension />
        <Simplification>
          Training length 4096 and window w = 512 are rerope_patch.py&apos;s defaults, s = 8 is the factor of
          Su&apos;s experiments; Leaky ReRoPE&apos;s k = 16 is our choice. The chart compares angle ranges
          only; whether a model copes with a method is an empirical question the posts answer with
          experiments.
        </Simplification>
      </section>
    </div>
  );
}
