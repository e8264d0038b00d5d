'use client';
// A thin React wrapper around uPlot: creates the chart once per series layout, pushes new data
// with setData (cheap, suits live sliders), follows the container width and the colour theme, and
// marks every redraw on the wrapper (data-redraws, data-updated-at) so tests can time slider → plot
// updates. Axes use short tick labels (lib/demos/ticks.ts) and size themselves to them, so labels
// are never cut off; the title is plain HTML above the plot, so it wraps on a phone.
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { formatLinearTick, formatLogTick, logTicks } from '@/lib/demos/ticks';

export interface ChartSeries {
  label: string;
  stroke: string;
  dash?: number[];
  points?: boolean;
}

export interface UPlotChartProps {
  testId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** [x, y1, y2, …] as uPlot's aligned data. */
  data: uPlot.AlignedData;
  height?: number;
  xLog?: boolean;
  yLog?: boolean;
  /** Fixed y range; otherwise auto. */
  yRange?: [number, number];
}

/** uPlot draws a gap only for null: NaN and ±∞ (a diverged run, a cut-off rule) become null. */
function withGaps(data: uPlot.AlignedData): uPlot.AlignedData {
  return data.map((series, k) =>
    k === 0
      ? series
      : Array.from(series as ArrayLike<number | null>, (v) => (v !== null && Number.isFinite(v) ? v : null)),
  ) as uPlot.AlignedData;
}

/** Width of a tick label in px at uPlot's 12 px axis font (digits ≈ 7 px), plus the tick and gap. */
const labelWidth = (values: (string | number | null)[]) =>
  Math.max(0, ...values.map((v) => String(v ?? '').length)) * 7 + 16;

function axis(label: string, ink: string, log: boolean, horizontal: boolean): uPlot.Axis {
  const grid = { stroke: 'rgba(128,128,128,0.25)', width: 1 };
  return {
    label,
    stroke: ink,
    grid,
    ticks: grid,
    // Room between ticks for the widest label uPlot could print there.
    space: horizontal ? 64 : 28,
    ...(horizontal ? {} : { size: (_u: uPlot, values: string[]) => Math.max(40, labelWidth(values ?? [])) }),
    ...(log
      ? {
          splits: (u: uPlot, axisIdx: number, min: number, max: number) => {
            const px = horizontal ? u.bbox.width / devicePixelRatio : u.bbox.height / devicePixelRatio;
            return logTicks(min, max, Math.max(2, Math.floor(px / (horizontal ? 64 : 28))));
          },
          // uPlot's default log filter hides all but a few multiples per decade; the splits above are already chosen.
          filter: (_u: uPlot, splits: number[]) => splits,
          values: (_u: uPlot, splits: (number | null)[]) =>
            splits.map((v) => (v === null ? null : formatLogTick(v))),
        }
      : {
          values: (_u: uPlot, splits: (number | null)[], _a: number, _s: number, incr: number) =>
            splits.map((v) => (v === null ? null : formatLinearTick(v, incr))),
        }),
  };
}

/** Follows the site's light/dark switch (a class on <html>), so the axes can be redrawn in the right ink. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  return version;
}

export default function UPlotChart(props: UPlotChartProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(props);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref: read in callbacks and effects, never to render
  latest.current = props;
  const theme = useThemeVersion();
  const layoutKey = JSON.stringify([props.series, props.xLog, props.yLog, props.yRange, theme]);

  const markRedraw = () => {
    const el = wrapper.current;
    if (!el) return;
    el.dataset.redraws = String(Number(el.dataset.redraws ?? 0) + 1);
    el.dataset.updatedAt = String(performance.now());
  };

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('uplot').then(({ default: UPlot }) => {
      if (disposed) return;
      const p = latest.current;
      // Canvas cannot use currentColor: read the themed text colour when the chart is made.
      const ink = getComputedStyle(el).color;
      const opts: uPlot.Options = {
        width: Math.max(200, el.clientWidth),
        height: p.height ?? 240,
        scales: {
          x: { time: false, distr: p.xLog ? 3 : 1 },
          y: { distr: p.yLog ? 3 : 1, ...(p.yRange ? { range: p.yRange } : {}) },
        },
        axes: [axis(p.xLabel, ink, p.xLog ?? false, true), axis(p.yLabel, ink, p.yLog ?? false, false)],
        series: [
          { label: p.xLabel },
          ...p.series.map((s) => ({
            label: s.label,
            stroke: s.stroke,
            dash: s.dash,
            width: 1.5,
            points: { show: s.points ?? false },
          })),
        ],
        legend: { live: false },
        hooks: { draw: [markRedraw] },
      };
      chart.current = new UPlot(opts, withGaps(p.data), el);
      observer = new ResizeObserver(() =>
        chart.current?.setSize({ width: Math.max(200, el.clientWidth), height: p.height ?? 240 }),
      );
      observer.observe(el);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [layoutKey]);

  useEffect(() => {
    chart.current?.setData(withGaps(props.data));
  }, [props.data]);

  return (
    <figure className="flex min-w-0 flex-col gap-1">
      <figcaption className="text-center text-sm font-semibold">{props.title}</figcaption>
      <div
        ref={wrapper}
        data-testid={props.testId}
        data-redraws="0"
        className="w-full max-w-full overflow-hidden text-neutral-800 dark:text-neutral-200"
      />
    </figure>
  );
}
