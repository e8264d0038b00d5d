// Preloaded into the site processes by `npm run bench -- processes` (NODE_OPTIONS=--require):
// measures the process's event-loop delay, and on SIGUSR2 writes the percentiles since the last
// signal to $LOOP_DELAY_DIR/<pid>.json and starts over. The histogram records the time between
// samples, so the sampling interval is taken off (as @fastify/under-pressure does).
const { monitorEventLoopDelay } = require('node:perf_hooks');
const fs = require('node:fs');
const path = require('node:path');

const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => Math.max(0, Math.round(ns / 1e4) / 100 - RESOLUTION_MS);
  const report = {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    samples: histogram.count,
  };
  fs.writeFileSync(path.join(process.env.LOOP_DELAY_DIR, `${process.pid}.json`), JSON.stringify(report));
  histogram.reset();
});
