'use client';
// Several optimizers racing on a 2-D landscape: contour map, animated trajectories, loss curves.
// Trajectories are a few thousand cheap steps, so they are recomputed on the main thread.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  LANDSCAPES,
  type Landscape,
  type Trajectory,
  runTrajectory,
  sampleGrid,
} from '@/lib/demos/landscapes';
import {
  type ElementwiseKind,
  OPTIMIZER_LABELS,
  PUBLISHED_BETAS,
  type PlaygroundControls,
  settingsFor,
} from '@/lib/demos/optimizerSettings';
import { color } from './colors';
import { OptimizerControls, SettingsTable } from './OptimizerControls';
import Slider from './Slider';
import UPlotChart from './UPlotChart';

const KINDS: ElementwiseKind[] = ['sgdm', 'adam', 'adamw', 'signum', 'lion', 'tiger'];
const GRID = 120;
const CANVAS = 480;
/** Landscape defaults: published β (see PUBLISHED_BETAS); lr, k and λ = 0 are this demo's choice. */
const DEFAULTS: PlaygroundControls = {
  ...PUBLISHED_BETAS,
  adamLr: 0.05,
  signRatio: 3,
  sgdLr: 1e-3,
  weightDecay: 0,
};

function drawContours(ctx: CanvasRenderingContext2D, land: Landscape, values: Float64Array) {
  // Log-spaced bands of f look like filled contours and cope with Rosenbrock's huge range.
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const image = ctx.createImageData(GRID, GRID);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const level = Math.log1p(values[r * GRID + c]! - min) / Math.log1p(max - min);
      const band = Math.floor(level * 14) / 14;
      const o = ((GRID - 1 - r) * GRID + c) * 4;
      image.data[o] = 30 + 200 * band;
      image.data[o + 1] = 60 + 120 * (1 - Math.abs(band - 0.5) * 2);
      image.data[o + 2] = 200 - 170 * band;
      image.data[o + 3] = 255;
    }
  }
  const off = new OffscreenCanvas(GRID, GRID);
  off.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, CANVAS, CANVAS);
  const [x0, x1, y0, y1] = land.view;
  const [mx, my] = land.minimum;
  ctx.fillStyle = '#fff';
  ctx.fillText('★', ((mx - x0) / (x1 - x0)) * CANVAS - 4, (1 - (my - y0) / (y1 - y0)) * CANVAS + 4);
}

function drawPaths(ctx: CanvasRenderingContext2D, land: Landscape, runs: Trajectory[], upTo: number) {
  const [x0, x1, y0, y1] = land.view;
  const px = (x: number) => ((x - x0) / (x1 - x0)) * CANVAS;
  const py = (y: number) => (1 - (y - y0) / (y1 - y0)) * CANVAS;
  runs.forEach((run, k) => {
    ctx.strokeStyle = color(k);
    ctx.lineWidth = 2;
    ctx.beginPath();
    let last: [number, number] = [px(run.xs[0]!), py(run.ys[0]!)];
    for (let t = 0; t <= upTo && t < run.xs.length && Number.isFinite(run.xs[t]!); t++) {
      last = [Math.max(-1e4, Math.min(1e4, px(run.xs[t]!))), Math.max(-1e4, Math.min(1e4, py(run.ys[t]!)))];
      if (t === 0) ctx.moveTo(...last);
      else ctx.lineTo(...last);
    }
    ctx.stroke();
    if (run.divergedAt !== undefined && upTo >= run.divergedAt) {
      // A diverged run ends in a cross at the edge where it left the view.
      ctx.fillStyle = color(k);
      ctx.font = 'bold 16px sans-serif';
      ctx.fillText(
        '✕',
        Math.max(2, Math.min(CANVAS - 14, last[0] - 5)),
        Math.max(16, Math.min(CANVAS - 4, last[1] + 5)),
      );
    }
  });
}

export default function LandscapePlayground() {
  const [landId, setLandId] = useState('rosenbrock');
  const [controls, setControls] = useState(DEFAULTS);
  const [steps, setSteps] = useState(400);
  const canvas = useRef<HTMLCanvasElement>(null);
  const land = LANDSCAPES.find((l) => l.id === landId)!;
  const grid = useMemo(() => sampleGrid(land, GRID), [land]);

  const settings = useMemo(() => KINDS.map((k) => settingsFor(k, controls)), [controls]);
  const runs = useMemo(
    () => KINDS.map((k, i) => runTrajectory(land, k, settings[i]!, steps)),
    [land, settings, steps],
  );
  const fmin = land.f(...land.minimum);
  const lossData = useMemo(() => {
    const x = Float64Array.from({ length: steps + 1 }, (_, t) => t);
    // Distance to the optimum value, floored so the log axis never sees 0 or negatives.
    return [x, ...runs.map((r) => r.losses.map((v) => Math.max(1e-12, v - fmin)))] as [
      Float64Array,
      ...Float64Array[],
    ];
  }, [runs, steps, fmin]);
  const divergedLabel = (r: (typeof runs)[number]) =>
    r.divergedAt === undefined ? '' : ` (diverged at step ${r.divergedAt})`;

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    let frame = 0;
    let handle = 0;
    const perFrame = Math.max(1, Math.ceil(steps / 90));
    const tick = () => {
      drawContours(ctx, land, grid);
      drawPaths(ctx, land, runs, frame);
      canvas.current!.dataset.frame = String(frame);
      frame += perFrame;
      if (frame <= steps + perFrame) handle = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(handle);
  }, [land, grid, runs, steps]);

  return (
    <div className="flex flex-col gap-4">
      <OptimizerControls
        controls={controls}
        onChange={setControls}
        lrRange={[-4, 0]}
        testIdPrefix="landscape"
      >
        <label className="flex flex-col gap-1 text-sm">
          <span>Landscape</span>
          <select
            value={landId}
            onChange={(e) => setLandId(e.target.value)}
            className="rounded border border-neutral-300 bg-transparent p-1 dark:border-neutral-600"
          >
            {LANDSCAPES.map((l) => (
              <option key={l.id} value={l.id} className="text-black">
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <Slider label="Steps" value={steps} min={50} max={2000} step={50} onChange={setSteps} />
      </OptimizerControls>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <figure className="min-w-0">
          <canvas
            ref={canvas}
            width={CANVAS}
            height={CANVAS}
            data-testid="landscape-canvas"
            aria-label={`Contours of ${land.name} with optimizer trajectories`}
            className="aspect-square w-full max-w-[480px] rounded"
          />
          <figcaption className="mt-2 flex flex-wrap gap-3 text-xs">
            {KINDS.map((k, i) => (
              <span key={k} style={{ color: color(i) }}>
                ● {OPTIMIZER_LABELS[k]}
                {runs[i]!.divergedAt !== undefined && ' ✕'}
              </span>
            ))}
            <span>★ minimum · ✕ diverged</span>
          </figcaption>
        </figure>
        <UPlotChart
          testId="landscape-loss-chart"
          title="f(θ) − f(θ*) per step"
          xLabel="step"
          yLabel="loss gap"
          yLog
          series={KINDS.map((k, i) => ({
            label: OPTIMIZER_LABELS[k] + divergedLabel(runs[i]!),
            stroke: color(i),
          }))}
          data={lossData}
          height={300}
        />
      </div>
      <SettingsTable
        testId="landscape-settings"
        resultLabel={`f − f* after ${steps} steps`}
        rows={KINDS.map((kind, i) => {
          const r = runs[i]!;
          const diverged = r.divergedAt !== undefined;
          return {
            kind,
            settings: settings[i]!,
            diverged,
            result: diverged
              ? `diverged at step ${r.divergedAt}`
              : (r.losses[steps]! - fmin).toExponential(3),
          };
        })}
      />
    </div>
  );
}
