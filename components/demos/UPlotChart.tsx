'use client';
// A thin React wrapper around uPlot: creates the chart once per series layout, pushes new data
// with setData (cheap, suits live sliders), follows the container width, and marks every redraw
// on the wrapper (data-redraws, data-updated-at) so tests can time slider → plot updates.
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';

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

export default function UPlotChart(props: UPlotChartProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const layoutKey = JSON.stringify([props.series, props.xLog, props.yLog, props.yRange, props.title]);

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
      // Canvas cannot use currentColor: read the themed text colour once (dark mode aware).
      const ink = getComputedStyle(el).color;
      const grid = { stroke: 'rgba(128,128,128,0.25)', width: 1 };
      const axis = (label: string) => ({ label, stroke: ink, grid, ticks: grid });
      const opts: uPlot.Options = {
        title: p.title,
        width: Math.max(200, el.clientWidth),
        height: p.height ?? 240,
        scales: {
          x: { time: false, distr: p.xLog ? 3 : 1 },
          y: { distr: p.yLog ? 3 : 1, ...(p.yRange ? { range: p.yRange } : {}) },
        },
        axes: [axis(p.xLabel), axis(p.yLabel)],
        series: [{ label: p.xLabel }, ...p.series.map((s) => ({ label: s.label, stroke: s.stroke, dash: s.dash, width: 1.5, points: { show: s.points ?? false } }))],
        legend: { live: false },
        hooks: { draw: [markRedraw] },
      };
      chart.current = new UPlot(opts, p.data, el);
      observer = new ResizeObserver(() => chart.current?.setSize({ width: Math.max(200, el.clientWidth), height: p.height ?? 240 }));
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
    chart.current?.setData(props.data);
  }, [props.data]);

  return <div ref={wrapper} data-testid={props.testId} data-redraws="0" className="w-full max-w-full overflow-hidden text-neutral-800 dark:text-neutral-200" />;
}
