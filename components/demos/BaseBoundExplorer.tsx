'use client';
// "Base of RoPE Bounds Context Length": the smallest b with B_m ≥ 0 for all m < L, computed
// exactly in a Web Worker (progress, cancel), the admissibility profile around it, and B_m over m.
import { useMemo, useRef, useState } from 'react';
import { PUBLISHED_BASES, PUBLISHED_D } from '@/lib/demos/publishedBases';
import type { BaseBoundJob, BaseBoundMessage } from './baseBound.worker';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';
import { useWorkerJob } from './useWorkerJob';

const createWorker = () => new Worker(new URL('./baseBound.worker.ts', import.meta.url), { type: 'module' });

interface Found {
  length: number;
  d: number;
  base: number;
  seconds: number;
  fullScans: number;
}

/** The published (rounded) minima for this L, when d is the published 128. */
function published(length: number, d: number): string {
  const row = PUBLISHED_BASES.find(([log2L]) => 2 ** log2L === length);
  return row && d === PUBLISHED_D ? `${row[1].toExponential(1)} · ${row[2].toExponential(1)}` : '–';
}

export default function BaseBoundExplorer() {
  const [log2L, setLog2L] = useState(14);
  const [d, setD] = useState(128);
  const [logBase, setLogBase] = useState(5);
  const [progress, setProgress] = useState<{
    certifiedBelow: number;
    seconds: number;
    fullScans: number;
  } | null>(null);
  const [found, setFound] = useState<Found[]>([]);
  const [profile, setProfile] = useState<{ bases: number[]; minima: number[] } | null>(null);
  const [curve, setCurve] = useState<{ m: Float64Array; min: Float64Array; max: Float64Array } | null>(null);
  const length = 2 ** log2L;
  // The (L, d) of the running search, which the sliders may have moved on from.
  const running = useRef({ length, d });

  const search = useWorkerJob<BaseBoundJob, BaseBoundMessage>(createWorker, (m) => {
    if (m.type === 'progress')
      setProgress({ certifiedBelow: m.certifiedBelow, seconds: m.elapsedMs / 1000, fullScans: m.fullScans });
    if (m.type === 'minimal') {
      const { d } = running.current;
      setFound((f) =>
        [
          ...f.filter((r) => r.length !== m.length || r.d !== d),
          { length: m.length, d, base: m.base, seconds: m.elapsedMs / 1000, fullScans: m.fullScans },
        ].sort((a, b) => a.length - b.length),
      );
      if (m.length === running.current.length) {
        setLogBase(Math.log10(m.base));
        // eslint-disable-next-line react-hooks/immutability -- runs on a worker message, after drawCurve is declared
        drawCurve.start({ kind: 'curve', d, length: m.length, base: m.base });
      }
    }
    if (m.type === 'profile') setProfile({ bases: m.bases, minima: m.minima });
  });
  const drawCurve = useWorkerJob<BaseBoundJob, BaseBoundMessage>(createWorker, (m) => {
    if (m.type === 'curve') setCurve({ m: m.m, min: m.min, max: m.max });
  });

  const start = () => {
    setProgress(null);
    setProfile(null);
    running.current = { length, d };
    search.start({ kind: 'minimal', d, length });
  };
  const showCurve = (v: number) => {
    setLogBase(v);
    drawCurve.start({ kind: 'curve', d, length, base: 10 ** v });
  };

  const profileData = useMemo(
    () =>
      profile
        ? ([
            Float64Array.from(profile.bases),
            Float64Array.from(profile.minima),
            Float64Array.from(profile.bases, () => 0),
          ] as [Float64Array, ...Float64Array[]])
        : null,
    [profile],
  );
  const failingAbove =
    profile && found.length
      ? profile.bases.filter((b, k) => b > found.at(-1)!.base && profile.minima[k]! < 0)
      : [];

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Slider
          label="Context length L"
          testId="base-bound-length"
          value={log2L}
          min={10}
          max={20}
          step={1}
          format={(v) => `2^${v} = ${2 ** v}`}
          onChange={setLog2L}
        />
        <Slider label="Head dimension d" value={d} min={16} max={256} step={16} onChange={setD} />
        <Slider
          label="Base b for the B_m plot"
          testId="base-bound-base"
          value={logBase}
          min={2}
          max={10}
          step={0.01}
          format={(v) => (10 ** v).toExponential(3)}
          onChange={showCurve}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={start} className="rounded bg-sky-600 px-3 py-1 text-sm text-white">
          Compute minimal base
        </button>
        <button
          type="button"
          onClick={search.cancel}
          disabled={search.status !== 'running'}
          className="rounded border px-3 py-1 text-sm disabled:opacity-40"
        >
          Cancel computation
        </button>
        <span data-testid="base-bound-status" className="text-sm">
          {search.status}
        </span>
      </div>
      <div data-testid="base-bound-progress" role="status" aria-live="polite" className="text-sm">
        {search.status === 'running' && (
          <progress aria-label="Base search running" className="mr-2 w-24 align-middle" />
        )}
        {progress
          ? `No admissible base below ${progress.certifiedBelow.toExponential(6)} (proven) · ${progress.fullScans} full scans · ${progress.seconds.toFixed(1)} s`
          : 'Not started.'}
      </div>
      {found.length > 0 && (
        <table className="w-full max-w-xl text-sm" data-testid="base-bound-results">
          <thead>
            <tr className="text-left">
              <th>L</th>
              <th>d</th>
              <th>minimal b (computed)</th>
              <th>paper · Su</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {found.map((r) => (
              <tr key={`${r.length}-${r.d}`}>
                <td>{r.length}</td>
                <td>{r.d}</td>
                <td>{r.base.toExponential(4)}</td>
                <td>{published(r.length, r.d)}</td>
                <td>{r.seconds.toFixed(1)} s</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failingAbove.length > 0 && (
        <p className="text-sm">
          Not an interval: b = {failingAbove[0]!.toExponential(4)} is larger than the minimum yet fails (min
          over m of B_m &lt; 0); {failingAbove.length} of the profile&apos;s grid points above the minimum
          fail.
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {profileData && (
          <UPlotChart
            testId="base-bound-profile-chart"
            title="min over m < L of B_m, as b varies"
            xLabel="base b"
            yLabel="min B_m"
            xLog
            series={[
              { label: 'min B_m', stroke: color(0), points: true },
              { label: '0', stroke: '#888', dash: [4, 4] },
            ]}
            data={profileData}
          />
        )}
        {curve && (
          <UPlotChart
            testId="base-bound-curve-chart"
            title={`B_m over m for b = ${(10 ** logBase).toExponential(3)}`}
            xLabel="m"
            yLabel="B_m"
            series={[
              { label: 'min per bucket', stroke: color(1) },
              { label: 'max per bucket', stroke: color(0) },
            ]}
            data={[curve.m, curve.min, curve.max]}
          />
        )}
      </div>
    </div>
  );
}
