// npm run demos:table — the smallest RoPE base with B_m ≥ 0 for all m < L (d = 128),
// L = 2^10 … 2^20, computed by the certified sweep in lib/demos/baseBound.ts (the whole table
// takes seconds; progress goes to stderr, the table to stdout).
// Optional arguments: first and last exponent, e.g. `npm run demos:table -- 10 14`.
import { minimalBase } from '@/lib/demos/baseBound';

const D = 128;
const [from = 10, to = 20] = process.argv.slice(2).map(Number);

console.log(`Minimal RoPE base b with Σ_i cos(m·b^(−2i/${D})) ≥ 0 for every m < L (certified sweep)`);
console.log('L        | minimal base    | full scans | jumps  | time');
const totalStart = performance.now();
// The minimum for L/2 is a proven lower bound for L (see baseBound.ts), so each row starts there.
let startBase: number | undefined;
for (let p = from; p <= to; p++) {
  const length = 2 ** p;
  const result = minimalBase(D, length, {
    startBase,
    progressEveryMs: 2000,
    onProgress: (s) => {
      if (process.stderr.isTTY)
        process.stderr.write(
          `\r  L=2^${p}: no admissible b below ${s.certifiedBelow.toExponential(4)} (${(s.elapsedMs / 1000).toFixed(0)} s)   `,
        );
      else
        process.stderr.write(
          `  L=2^${p}: no admissible b below ${s.certifiedBelow.toExponential(4)} (${(s.elapsedMs / 1000).toFixed(0)} s)\n`,
        );
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  startBase = result.base;
  console.log(
    `2^${p}`.padEnd(8),
    '|',
    result.base.toExponential(6).padEnd(15),
    '|',
    String(result.fullScans).padEnd(10),
    '|',
    String(result.jumps).padEnd(6),
    '|',
    `${(result.elapsedMs / 1000).toFixed(2)} s`,
  );
}
console.log(`total ${((performance.now() - totalStart) / 1000).toFixed(1)} s`);
