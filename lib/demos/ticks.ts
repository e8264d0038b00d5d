// Axis ticks the demos' charts can read at any width: log axes tick at powers of ten (with 2 and 5
// in between when the range is short), and every label is a short string ("0.001", "2e-5", "250k")
// instead of uPlot's default fixed decimals, which print small values as "0 0 0".

/** Tick positions on a log axis spanning [min, max] (both > 0), at most about `maxTicks` of them. */
export function logTicks(min: number, max: number, maxTicks: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.ceil(Math.log10(max) - 1e-9);
  const decades = hi - lo;
  const inside = (v: number) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  // Parsed, not computed: 10 ** -5 is 0.000009999999999999999.
  const pow = (k: number, e: number) => Number(`${k}e${e}`);
  if (decades <= 2) {
    // A short range: 1, 2, 5 per decade, or every integer multiple when there is room.
    const multiples = decades <= 1 && maxTicks >= 9 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 5];
    const out: number[] = [];
    for (let e = lo; e <= hi; e++) for (const k of multiples) if (inside(pow(k, e))) out.push(pow(k, e));
    if (out.length <= maxTicks) return out;
    // Too many for the room: 1-2-5 if that fits, else powers of ten only (below).
    if (multiples.length === 9) {
      const fewer = out.filter((v) => [1, 2, 5].includes(Number(v.toExponential(0).split('e')[0])));
      if (fewer.length <= maxTicks) return fewer;
    }
  }
  const step = Math.max(1, Math.ceil((decades + 1) / Math.max(1, maxTicks)));
  const out: number[] = [];
  for (let e = Math.ceil(lo / step) * step; e <= hi; e += step) if (inside(pow(1, e))) out.push(pow(1, e));
  return out;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });

/** Drops trailing zeros from a fixed or exponential string: "0.2500" → "0.25", "2.0e-5" → "2e-5". */
function trim(s: string): string {
  const [mantissa, exponent] = s.split('e');
  const m = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
  return exponent === undefined ? m : `${m}e${exponent.replace('+', '')}`;
}

/** A tick label on a log axis: plain between 0.001 and 9999, otherwise "2e-5" / "3e+7" style. */
export function formatLogTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return trim(v.toPrecision(3));
  return trim(v.toExponential(2));
}

/** A tick label on a linear axis whose ticks are `increment` apart. */
export function formatLinearTick(v: number, increment: number): string {
  if (Math.abs(v) < increment * 1e-9) return '0';
  const a = Math.abs(v);
  if (a >= 1e4) return compact.format(v).replace('K', 'k');
  if (a < 1e-3) return trim(v.toExponential(2));
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(increment) + 1e-9)));
  return trim(v.toFixed(decimals));
}
