// Dense row-major matrices over Float64Array: just what Newton–Schulz and Muon need.

export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function matrix(
  rows: number,
  cols: number,
  data: Float64Array = new Float64Array(rows * cols),
): Matrix {
  return { rows, cols, data };
}

export function transpose(a: Matrix): Matrix {
  const out = matrix(a.cols, a.rows);
  for (let r = 0; r < a.rows; r++)
    for (let c = 0; c < a.cols; c++) out.data[c * a.rows + r] = a.data[r * a.cols + c]!;
  return out;
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul: ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const out = matrix(a.rows, b.cols);
  const { data: ad, cols: inner } = a;
  const { data: bd, cols: n } = b;
  const od = out.data;
  for (let r = 0; r < a.rows; r++) {
    const row = r * n;
    for (let k = 0; k < inner; k++) {
      const v = ad[r * inner + k]!;
      if (v === 0) continue;
      const off = k * n;
      for (let c = 0; c < n; c++) od[row + c]! += v * bd[off + c]!;
    }
  }
  return out;
}

export function frobeniusNorm(a: Matrix): number {
  let s = 0;
  for (const v of a.data) s += v * v;
  return Math.sqrt(s);
}

/**
 * Singular values (descending) by one-sided Jacobi (Hestenes): rotate column pairs until all
 * columns are orthogonal; the column norms are then the singular values. Accurate to ~1e-14.
 */
export function singularValues(a: Matrix): Float64Array {
  const m = a.rows >= a.cols ? a : transpose(a);
  const { rows, cols } = m;
  const u = Float64Array.from(m.data);
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let r = 0; r < rows; r++) {
          const x = u[r * cols + p]!;
          const y = u[r * cols + q]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let r = 0; r < rows; r++) {
          const x = u[r * cols + p]!;
          const y = u[r * cols + q]!;
          u[r * cols + p] = c * x - s * y;
          u[r * cols + q] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += u[r * cols + c]! ** 2;
    sv[c] = Math.sqrt(s);
  }
  return sv.sort().reverse();
}
