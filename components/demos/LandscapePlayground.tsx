'use client';
// Several optimizers racing on a 2-D landscape: contour map, animated trajectories, loss curves.
// Trajectories are a few thousand cheap steps, so they are recomputed on the main thread.
import { useEffect, useMemo, useRef, useState } from 'react';
import { LANDSCAPES, type Landscape, type Trajectory, runTrajectory, sampleGrid } from '@/lib/demos/landscapes';
import { type ElementwiseKind, OPTIMIZER_LABELS, type OptimizerSettings } from '@/lib/demos/optimizerSettings';
import { color } from './colors';
import Slider from './Slider';
import UPlotChart from './UPlotChart';

const KINDS: ElementwiseKind[] = ['sgdm', 'adam', 'adamw', 'signum', 'lion', 'tiger'];
const GRID = 120;
const CANVAS = 480;
const fmt = (v: number) => v.toPrecision(2);

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
    for (let t = 0; t <= upTo && t < run.xs.length; t++) {
      const x = Math.max(-1e4, Math.min(1e4, px(run.xs[t]!)));
      const y = Math.max(-1e4, Math.min(1e4, py(run.ys[t]!)));
      if (t === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  });
}

export default function LandscapePlayground() {
  const [landId, setLandId] = useState('rosenbrock');
  const [logLr, setLogLr] = useState(-1.3);
  const [ratio, setRatio] = useState(3);
  const [sgdLogLr, setSgdLogLr] = useState(-3);
  const [beta1, setBeta1] = useState(0.9);
  const [beta2, setBeta2] = useState(0.99);
  const [weightDecay, setWeightDecay] = useState(0);
  const [steps, setSteps] = useState(400);
  const canvas = useRef<HTMLCanvasElement>(null);
  const land = LANDSCAPES.find((l) => l.id === landId)!;
  const grid = useMemo(() => sampleGrid(land, GRID), [land]);

  const adamLr = 10 ** logLr;
  const settingsFor = (kind: ElementwiseKind): OptimizerSettings => {
    // Sign-based optimizers take every coordinate a full step: published advice is a 3–10×
    // smaller lr and a 3–10× larger decay than AdamW's; `ratio` is that factor.
    if (kind === 'sgdm') return { lr: 10 ** sgdLogLr, beta1, beta2, weightDecay: 0 };
    if (kind === 'lion' || kind === 'tiger' || kind === 'signum') return { lr: adamLr / ratio, beta1, beta2, weightDecay: weightDecay * ratio };
    return { lr: adamLr, beta1, beta2, weightDecay };
  };
  const runs = useMemo(
    () => KINDS.map((k) => runTrajectory(land, k, settingsFor(k), steps)),
    [land, logLr, ratio, sgdLogLr, beta1, beta2, weightDecay, steps],
  );
  const lossData = useMemo(() => {
    const x = Float64Array.from({ length: steps + 1 }, (_, t) => t);
    const fmin = land.f(...land.minimum);
    // Distance to the optimum value, floored so the log axis never sees 0 or negatives.
    return [x, ...runs.map((r) => r.losses.map((v) => Math.max(1e-12, v - fmin)))] as [Float64Array, ...Float64Array[]];
  }, [runs, steps, land]);

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
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex flex-col gap-1 text-sm">
          <span>Landscape</span>
          <select value={landId} onChange={(e) => setLandId(e.target.value)} className="rounded border border-neutral-300 bg-transparent p-1 dark:border-neutral-600">
            {LANDSCAPES.map((l) => (
              <option key={l.id} value={l.id} className="text-black">
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <Slider label="Adam/AdamW lr" testId="landscape-lr" value={logLr} min={-4} max={0} step={0.05} format={(v) => fmt(10 ** v)} onChange={setLogLr} />
        <Slider label="Lion/Tiger/Signum: lr ÷ k, decay × k" value={ratio} min={1} max={10} step={0.5} format={(v) => `k = ${v}`} onChange={setRatio} />
        <Slider label="SGD lr" value={sgdLogLr} min={-5} max={-1} step={0.05} format={(v) => fmt(10 ** v)} onChange={setSgdLogLr} />
        <Slider label="β1 (momentum; Tiger's β)" value={beta1} min={0} max={0.999} step={0.001} onChange={setBeta1} />
        <Slider label="β2" value={beta2} min={0.9} max={0.9999} step={0.0001} onChange={setBeta2} />
        <Slider label="AdamW weight decay λ" value={weightDecay} min={0} max={1} step={0.01} onChange={setWeightDecay} />
        <Slider label="Steps" value={steps} min={50} max={2000} step={50} onChange={setSteps} />
      </div>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        AdamW lr {fmt(adamLr)}, decay {fmt(weightDecay)} · Lion/Tiger lr {fmt(adamLr / ratio)} ({ratio}× smaller), decay {fmt(weightDecay * ratio)} ({ratio}×
        larger). The Lion paper&apos;s advice is a factor of 3–10.
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <figure className="min-w-0">
          <canvas ref={canvas} width={CANVAS} height={CANVAS} data-testid="landscape-canvas" aria-label={`Contours of ${land.name} with optimizer trajectories`} className="aspect-square w-full max-w-[480px] rounded" />
          <figcaption className="mt-2 flex flex-wrap gap-3 text-xs">
            {KINDS.map((k, i) => (
              <span key={k} style={{ color: color(i) }}>
                ● {OPTIMIZER_LABELS[k]}
              </span>
            ))}
            <span>★ minimum</span>
          </figcaption>
        </figure>
        <UPlotChart
          testId="landscape-loss-chart"
          title="f(θ) − f(θ*) per step"
          xLabel="step"
          yLabel="loss gap"
          yLog
          series={KINDS.map((k, i) => ({ label: OPTIMIZER_LABELS[k], stroke: color(i) }))}
          data={lossData}
          height={300}
        />
      </div>
    </div>
  );
}
