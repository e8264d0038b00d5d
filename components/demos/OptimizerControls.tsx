'use client';
// The controls both optimizer playgrounds share, and the table that says what each optimizer
// actually runs with (lr, β, decay), where those values come from, and how it did.
import type { ReactNode } from 'react';
import {
  type ElementwiseKind,
  OPTIMIZER_LABELS,
  OPTIMIZER_SOURCES,
  type OptimizerSettings,
  type PlaygroundControls,
} from '@/lib/demos/optimizerSettings';
import Cite from './Cite';
import { color } from './colors';
import Slider from './Slider';

const fmt = (v: number) =>
  v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(1) : String(Number(v.toPrecision(2)));

export function OptimizerControls({
  controls: c,
  onChange,
  lrRange,
  testIdPrefix,
  children,
}: {
  controls: PlaygroundControls;
  /** Prefix of the controls' test ids, so two playgrounds on one page stay distinct. */
  testIdPrefix: string;
  onChange: (next: PlaygroundControls) => void;
  /** log10 range of the Adam lr slider. */
  lrRange: [number, number];
  children?: ReactNode;
}) {
  const set =
    <K extends keyof PlaygroundControls>(key: K) =>
    (value: PlaygroundControls[K]) =>
      onChange({ ...c, [key]: value });
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {children}
      <Slider
        label="Adam/AdamW lr"
        testId={`${testIdPrefix}-adam-lr`}
        value={Math.log10(c.adamLr)}
        min={lrRange[0]}
        max={lrRange[1]}
        step={0.05}
        format={(v) => fmt(10 ** v)}
        onChange={(v) => set('adamLr')(10 ** v)}
      />
      <Slider
        label="Signum/Lion/Tiger: lr ÷ k, Lion/Tiger decay × k"
        value={c.signRatio}
        min={1}
        max={10}
        step={0.5}
        format={(v) => `k = ${v}`}
        onChange={set('signRatio')}
      />
      <Slider
        label="SGD lr"
        value={Math.log10(c.sgdLr)}
        min={-5}
        max={0}
        step={0.05}
        format={(v) => fmt(10 ** v)}
        onChange={(v) => set('sgdLr')(10 ** v)}
      />
      <Slider
        label="SGD momentum μ"
        value={c.sgdMomentum}
        min={0}
        max={0.99}
        step={0.01}
        onChange={set('sgdMomentum')}
      />
      <Slider
        label="Adam/AdamW β1"
        value={c.adamBeta1}
        min={0}
        max={0.99}
        step={0.01}
        onChange={set('adamBeta1')}
      />
      <Slider
        label="Adam/AdamW β2"
        testId={`${testIdPrefix}-adam-beta2`}
        value={c.adamBeta2}
        min={0.9}
        max={0.9999}
        step={0.0001}
        onChange={set('adamBeta2')}
      />
      <Slider
        label="Signum β"
        value={c.signumBeta}
        min={0}
        max={0.999}
        step={0.001}
        onChange={set('signumBeta')}
      />
      <Slider
        label="Lion β1"
        value={c.lionBeta1}
        min={0}
        max={0.999}
        step={0.001}
        onChange={set('lionBeta1')}
      />
      <Slider
        label="Lion β2"
        value={c.lionBeta2}
        min={0.9}
        max={0.9999}
        step={0.0001}
        onChange={set('lionBeta2')}
      />
      <Slider
        label="Tiger β (0.945 CV, 0.965 NLP)"
        testId={`${testIdPrefix}-tiger-beta`}
        value={c.tigerBeta}
        min={0.9}
        max={0.999}
        step={0.001}
        onChange={set('tigerBeta')}
      />
      <Slider
        label="AdamW weight decay λ"
        value={c.weightDecay}
        min={0}
        max={0.3}
        step={0.005}
        onChange={set('weightDecay')}
      />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          data-testid={`${testIdPrefix}-tiger-relative-lr`}
          className="mt-1"
          checked={c.tigerRelativeLr}
          onChange={(e) => set('tigerRelativeLr')(e.target.checked)}
        />
        <span>Tiger: lr × RMS(θ) per weight tensor; biases lr/2, no decay</span>
      </label>
    </div>
  );
}

export interface SettingsRow {
  kind: ElementwiseKind | 'muon';
  settings: OptimizerSettings;
  /** Replaces the lr/β/decay cells, e.g. for Muon's two optimizers. */
  describe?: string;
  result: string;
  diverged?: boolean;
}

/** β as each optimizer reads it: μ, β, or (β1, β2). */
function betas(kind: ElementwiseKind | 'muon', s: OptimizerSettings): string {
  if (kind === 'sgdm') return `μ = ${s.beta1}`;
  if (kind === 'signum' || kind === 'tiger') return `β = ${s.beta1}`;
  return `β1 = ${s.beta1}, β2 = ${s.beta2}`;
}

function lr(kind: ElementwiseKind | 'muon', s: OptimizerSettings): string {
  if (kind === 'tiger' && s.relativeLr) return `${fmt(s.lr)} × RMS(θ); biases ${fmt(s.lr / 2)}`;
  return fmt(s.lr);
}

export function SettingsTable({
  rows,
  testId,
  resultLabel,
}: {
  rows: SettingsRow[];
  testId: string;
  resultLabel: string;
}) {
  return (
    <table data-testid={testId} className="w-full text-left text-xs">
      <thead>
        <tr className="border-b border-neutral-300 dark:border-neutral-700">
          <th className="py-1 pr-2">optimizer</th>
          <th className="pr-2">runs with</th>
          <th className="pr-2">{resultLabel}</th>
          <th>source</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr
            key={r.kind}
            data-kind={r.kind}
            className="border-b border-neutral-200 align-top dark:border-neutral-800"
          >
            <td className="py-1 pr-2 font-semibold" style={{ color: color(i) }}>
              {OPTIMIZER_LABELS[r.kind]}
            </td>
            <td className="pr-2">
              {r.describe ?? (
                <>
                  lr <span className="font-mono">{lr(r.kind, r.settings)}</span> ·{' '}
                  <span data-cell="beta" className="font-mono">
                    {betas(r.kind, r.settings)}
                  </span>
                  {r.kind !== 'signum' && r.kind !== 'sgdm' && (
                    <>
                      {' '}
                      · λ <span className="font-mono">{fmt(r.settings.weightDecay)}</span>
                    </>
                  )}
                </>
              )}
            </td>
            <td
              data-cell="result"
              className={`pr-2 font-mono ${r.diverged ? 'font-semibold text-red-600 dark:text-red-400' : ''}`}
            >
              {r.result}
            </td>
            <td>
              <Cite ids={OPTIMIZER_SOURCES[r.kind]} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
