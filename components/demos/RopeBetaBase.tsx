'use client';
// RoPE as a β-base number system (Su, kexue 9675/9706/10122): the digit view, the per-digit
// divisors of NTK-aware, NTK-fixed and mixed-base scaling, and the largest context a base admits.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  mixedBaseA,
  mixedBaseDivisors,
  ntkAwareDivisors,
  ntkFixedDivisors,
} from '@/lib/demos/contextExtension';
import { betaDigits, ciFirstZero, ropeBeta } from '@/lib/demos/ropeBase';
import type { BaseBoundJob, BaseBoundMessage } from './baseBound.worker';
import Cite from './Cite';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';
import { useWorkerJob } from './useWorkerJob';

const createWorker = () => new Worker(new URL('./baseBound.worker.ts', import.meta.url), { type: 'module' });
const D = 128;
/** b = 10^3 … 10^8 in quarter decades: the curve of the largest admitted L. */
const GRID = Array.from({ length: 21 }, (_, k) => 10 ** (3 + k / 4));

function Dial({ angle, label, detail }: { angle: number; label: string; detail: string }) {
  // Angle 0 points right, counter-clockwise like the unit circle.
  const x = 20 + 16 * Math.cos(angle);
  const y = 20 - 16 * Math.sin(angle);
  return (
    <figure className="flex w-20 flex-col items-center text-center text-xs">
      <svg viewBox="0 0 40 40" className="h-12 w-12" aria-hidden>
        <circle cx="20" cy="20" r="18" fill="none" stroke="currentColor" strokeOpacity="0.4" />
        <line x1="20" y1="20" x2={x} y2={y} stroke={color(0)} strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <figcaption>
        <div className="font-semibold">{label}</div>
        <div className="font-mono">{detail}</div>
      </figcaption>
    </figure>
  );
}

export default function RopeBetaBase() {
  const [position, setPosition] = useState(2024);
  const [digitD, setDigitD] = useState(8);
  const [scale, setScale] = useState(8);
  const [mixedB, setMixedB] = useState(0.625);
  const [logBase, setLogBase] = useState(4);
  const [largest, setLargest] = useState<Map<number, number>>(new Map());

  const beta = ropeBeta(1e4, digitD);
  const digits = betaDigits(position, beta, digitD / 2);

  const divisors = useMemo(() => {
    const m = Float64Array.from({ length: D / 2 }, (_, i) => i + 1);
    return [
      m,
      m.map(() => scale),
      ntkAwareDivisors(D, scale),
      ntkFixedDivisors(D, scale),
      mixedBaseDivisors(D, scale, mixedB),
    ] as [Float64Array, ...Float64Array[]];
  }, [scale, mixedB]);
  const mixed = divisors[4]!;

  const job = useWorkerJob<BaseBoundJob, BaseBoundMessage>(createWorker, (m) => {
    if (m.type === 'largest') setLargest((prev) => new Map(prev).set(m.base, m.length));
  });
  const base = 10 ** logBase;
  // The scans (about a second of CPU for the grid) start only once this part is on screen.
  const largestRoot = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setVisible(true),
      { rootMargin: '200px' },
    );
    if (largestRoot.current) observer.observe(largestRoot.current);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!visible) return;
    // The chosen base first, then the grid (cached results are kept across slider moves).
    const todo = [base, ...GRID].filter((b) => !largest.has(b));
    if (todo.length) job.start({ kind: 'largest', d: D, bases: todo });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- largest is the cache the job fills: scanning again when it grows would loop
  }, [base, visible]);
  const x0 = ciFirstZero();
  const curve = useMemo(() => {
    const known = [...new Set([...GRID, base])].filter((b) => largest.has(b)).sort((p, q) => p - q);
    if (known.length < 2) return null;
    const b = Float64Array.from(known);
    const marker = b.map((v) => (v === base ? largest.get(v)! : NaN));
    return [b, b.map((v) => largest.get(v)!), marker, b.map((v) => v), b.map((v) => x0 * v)] as [
      Float64Array,
      ...Float64Array[],
    ];
  }, [largest, x0, base]);
  const chosen = largest.get(base);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h3 className="font-semibold">Digits and dials</h3>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Slider
            label="Position n"
            testId="digits-position"
            value={position}
            min={0}
            max={9999}
            step={1}
            onChange={setPosition}
          />
          <Slider
            label="Head dimension d (b = 10⁴)"
            value={digitD}
            min={4}
            max={24}
            step={4}
            format={(v) => `${v} → β = ${ropeBeta(1e4, v).toPrecision(4)}`}
            onChange={setDigitD}
          />
        </div>
        <p className="text-sm">
          Pair m − 1 turns by n/β^(m−1) radians; the m-th β-ary digit of n is ⌊n/β^(m−1)⌋ mod β. RoPE is this
          number system without the floor, with 2π in place of β as the period.
          <Cite ids={['beta-base-su']} /> With d = 8 and b = 10⁴, β = 10 and the digits are n&apos;s decimal
          digits (our choice for the picture).
        </p>
        <div data-testid="digit-dials" className="flex flex-wrap gap-2">
          {digits.map((g, k) => (
            <Dial
              key={k}
              angle={g.angle}
              label={`m = ${k + 1}`}
              detail={`digit ${Number(g.digit.toFixed(2))}`}
            />
          ))}
        </div>
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="font-semibold">Changing the base to reach s× the context (d = 128)</h3>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Slider
            label="Scale s (target / training length)"
            testId="mixed-scale"
            value={scale}
            min={2}
            max={64}
            step={1}
            onChange={setScale}
          />
          <Slider
            label="Mixed base exponent b (Su's best: 0.625)"
            testId="mixed-b"
            value={mixedB}
            min={0}
            max={1}
            step={0.025}
            onChange={setMixedB}
          />
        </div>
        <p className="text-sm">
          Every method divides digit m&apos;s angle by some λ₁⋯λₘ. NTK-aware raises the base to b·s^(d/(d−2)),
          leaving digit 1 untouched and dividing the last by s.
          <Cite ids={['ntk-bloc97', 'beta-base-su']} /> NTK-fixed also scales the mod period, dividing digit m
          by λ^m with λ = s^(2/d). The mixed base takes λ₁⋯λₘ = exp(a·m^b) with a·(d/2)^b = ln s: b = 1 is
          NTK-fixed, b → 0 is position interpolation.
          <Cite ids={['mixed-su', 'ntk-patch']} />
        </p>
        <p data-testid="mixed-summary" className="text-sm text-neutral-600 dark:text-neutral-400">
          s = {scale}, b = {mixedB}: a = {mixedBaseA(D, scale, mixedB).toFixed(6)}; mixed divisor at m = 1,
          16, 32, 64: {[0, 15, 31, 63].map((i) => mixed[i]!.toFixed(4)).join(', ')} · NTK-fixed λ ={' '}
          {Math.pow(scale, 2 / D).toFixed(6)}
        </p>
        <UPlotChart
          testId="mixed-divisor-chart"
          title="Divisor of each digit's angle, λ₁⋯λₘ"
          xLabel="digit m (pair m − 1)"
          yLabel="divisor"
          yLog
          series={[
            { label: 'PI (s)', stroke: color(1) },
            { label: 'NTK-aware', stroke: color(2) },
            { label: 'NTK-fixed (b = 1)', stroke: color(4), dash: [5, 3] },
            { label: `mixed, b = ${mixedB}`, stroke: color(3) },
          ]}
          data={divisors}
          height={260}
        />
      </div>

      <div ref={largestRoot} className="flex flex-col gap-3">
        <h3 className="font-semibold">The largest context a base admits (d = 128)</h3>
        <p className="text-sm">
          The inverse of the base bound: for a base b, the largest L with B_m = Σᵢ cos(m·θᵢ) ≥ 0 for every m
          &lt; L is the first m where B_m turns negative. The authors of the bound computed it this way round.
          <Cite ids={['base-bound-paper', 'base-bound-su']} /> The β-base view asks b ≥ L;
          <Cite ids={['beta-base-su']} /> as d → ∞, B_m ≈ (d/2)[Ci(m) − Ci(m/b)]/ln b, which needs b ≥ L/x₀
          with x₀ = {x0.toFixed(6)} the first zero of Ci.
          <Cite ids={['base-bound-su']} />
        </p>
        <Slider
          label="Base b"
          testId="largest-base"
          value={logBase}
          min={3}
          max={8}
          step={0.05}
          format={(v) => (10 ** v).toExponential(2)}
          onChange={setLogBase}
        />
        <p data-testid="largest-summary" className="text-sm">
          b = {base.toExponential(3)} admits contexts up to L ={' '}
          {chosen === undefined ? '…' : chosen.toLocaleString('en')} (B_L is the first negative value) · b/L ={' '}
          {chosen === undefined ? '…' : (base / chosen).toFixed(2)}
        </p>
        {curve && (
          <UPlotChart
            testId="largest-chart"
            title="Largest admitted context L against the base b"
            xLabel="base b"
            yLabel="L"
            xLog
            yLog
            series={[
              { label: 'first m with B_m < 0', stroke: color(0), points: true },
              { label: 'chosen b', stroke: color(4), points: true },
              { label: 'L = b (β-base)', stroke: color(1), dash: [4, 4] },
              { label: `L = ${x0.toFixed(4)}·b (d → ∞)`, stroke: color(2), dash: [2, 3] },
            ]}
            data={curve}
            height={260}
          />
        )}
      </div>
    </div>
  );
}
