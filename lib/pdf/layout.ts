// One page's geometry → its lines in reading order. Works on pdf.js text runs already turned
// upright (see extract.ts), in PDF units with y growing upwards, each run on its baseline.
//
// Steps: margin line numbers out; runs on one baseline merged into fragments (a word gap joins,
// a column gutter does not); the page cut recursively at column gutters, found as tall empty
// vertical strips with lines of text filling both sides, so that full-width blocks (title,
// abstract, wide figures and tables) stay where they are and columns are read in order; each
// block's fragments grouped into lines with smaller, raised or lowered runs kept on their line
// as superscripts (^) and subscripts (_).

export interface Run {
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  text: string;
}

/** Runs on one baseline close enough to be one stretch of a line (never across a gutter). */
export interface Fragment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  runs: Run[];
}

export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** Where the lines of its block (column or full-width band) usually start and end. */
  left: number;
  right: number;
  /** Wide gaps between its parts: a table row (or stray pieces), not a line of prose. */
  cells: boolean;
  widestGap: number;
  /** First line of its block: the previous line is in another column, band or page. */
  blockStart: boolean;
  /** Baseline distance to the previous line of the block (0 for the first). */
  gapAbove: number;
  /** Usual baseline distance in the block. */
  leading: number;
}

/** Appends `item` to the list kept under `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The font size most characters have (each fragment weighted by its length), to half a point. */
export function dominantSize(frags: Array<{ size: number; runs?: Run[]; text?: string }>): number {
  if (frags.length === 1) return Math.round(frags[0]!.size * 2) / 2;
  const weight = new Map<number, number>();
  for (const f of frags) {
    const key = Math.round(f.size * 2) / 2;
    let chars = f.text?.length ?? 0;
    if (f.runs) for (const r of f.runs) chars += r.text.length;
    weight.set(key, (weight.get(key) ?? 0) + chars);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight)
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  return best;
}

export const fragmentText = (f: Fragment): string => f.runs.map((r) => r.text).join(' ');

/**
 * Review-copy line numbers (CVPR, ACL, lineno): a stack of at least eight small integers aligned on
 * one edge, increasing down the page, in a margin (left of, or right of, nearly all the other
 * text on the page). Removed.
 */
export function dropLineNumbers(runs: Run[]): Run[] {
  const numbers = runs.filter((r) => /^\d{1,4}$/.test(r.text.trim()));
  if (numbers.length < 8) return runs;
  const drop = new Set<Run>();
  for (const edge of ['x0', 'x1'] as const) {
    const sorted = [...numbers].sort((p, q) => p[edge] - q[edge]);
    let group: Run[] = [];
    const flush = () => {
      if (isLineNumberStack(group, runs)) for (const r of group) drop.add(r);
      group = [];
    };
    for (const r of sorted) {
      if (group.length > 0 && r[edge] - group[0]![edge] > 1.5) flush();
      group.push(r);
    }
    flush();
  }
  return drop.size ? runs.filter((r) => !drop.has(r)) : runs;
}

function isLineNumberStack(group: Run[], all: Run[]): boolean {
  if (group.length < 8) return false;
  const topDown = [...group].sort((p, q) => q.y - p.y);
  let increasing = 0;
  for (let i = 1; i < topDown.length; i++)
    if (Number(topDown[i]!.text) > Number(topDown[i - 1]!.text)) increasing++;
  if (increasing < 0.8 * (topDown.length - 1)) return false;
  const members = new Set(group);
  const others = all.filter((r) => !members.has(r));
  if (others.length === 0) return false;
  const starts = others.map((r) => r.x0).sort((a, b) => a - b);
  const ends = others.map((r) => r.x1).sort((a, b) => a - b);
  const nearlyAllRightOf = starts[Math.floor(0.05 * starts.length)]!;
  const nearlyAllLeftOf = ends[Math.ceil(0.95 * ends.length) - 1]!;
  return (
    Math.max(...group.map((r) => r.x1)) <= nearlyAllRightOf + 1 ||
    Math.min(...group.map((r) => r.x0)) >= nearlyAllLeftOf - 1
  );
}

/** Groups runs by baseline; `tolerance` is a fraction of the smaller font size. */
function byBaseline<T extends { y: number; size: number }>(items: T[], tolerance: number): T[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y);
  const groups: T[][] = [];
  let anchor = Number.NaN;
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(anchor - item.y) <= tolerance * Math.min(item.size, group[0]!.size))
      group.push(item);
    else {
      groups.push([item]);
      anchor = item.y;
    }
  }
  return groups;
}

/** Word gaps (up to 0.6 em) join runs into fragments; wider gaps (gutters, table cells) do not. */
export function fragments(runs: Run[]): Fragment[] {
  const out: Fragment[] = [];
  for (const line of byBaseline(runs, 0.1)) {
    line.sort((p, q) => p.x0 - q.x0);
    let frag: Fragment | undefined;
    for (const run of line) {
      if (frag && run.x0 - frag.x1 <= 0.6 * Math.max(run.size, frag.size)) {
        frag.runs.push(run);
        frag.x1 = Math.max(frag.x1, run.x1);
        frag.size = Math.max(frag.size, run.size);
      } else {
        frag = { x0: run.x0, x1: run.x1, y: run.y, size: run.size, runs: [run] };
        out.push(frag);
      }
    }
  }
  return out;
}

const top = (f: Fragment) => f.y + 0.8 * f.size;
const bottom = (f: Fragment) => f.y - 0.25 * f.size;
const middleY = (f: Fragment) => f.y + 0.3 * f.size;
const middleX = (f: Fragment) => (f.x0 + f.x1) / 2;

interface Gutter {
  x: number;
  /** The vertical stretch (y-up) over which the gutter separates columns. */
  low: number;
  high: number;
}

/**
 * The best column gutter in a set of fragments: the x where an empty vertical strip runs longest
 * (three lines at least) with text on both sides. A fragment reaching just past x (an overfull
 * equation) does not interrupt the strip; one crossing it (a full-width line) does. Both sides
 * must hold lines that fill their column (tables and aligned labels do not count), at least
 * three each, and the strip must be at least ~0.8 em wide. In `insideColumn` mode (a column cut
 * from a page) a further gutter must run along most of the column, as in three-column layouts.
 */
function findGutter(frags: Fragment[], insideColumn: boolean): Gutter | null {
  if (frags.length < 4) return null;
  let left = Infinity;
  let right = -Infinity;
  let high = -Infinity;
  let low = Infinity;
  for (const f of frags) {
    left = Math.min(left, f.x0);
    right = Math.max(right, f.x1);
    high = Math.max(high, top(f));
    low = Math.min(low, bottom(f));
  }
  const width = right - left;
  const size = median(frags.map((f) => f.size));
  if (width < 10 * size) return null;
  const minHeight = insideColumn ? 0.6 * (high - low) : 3 * size;
  const byTop = [...frags].sort((p, q) => top(q) - top(p));

  // For every x, the longest empty vertical stretch (and where it lies).
  const step = 2;
  const from = left + 0.12 * width;
  const to = right - 0.12 * width;
  const best: Array<{ x: number; low: number; high: number }> = [];
  for (let x = from; x <= to; x += step) {
    let cursor = high;
    let runLow = 0;
    let runHigh = 0;
    for (const f of byTop) {
      if (f.x0 >= x || f.x1 <= x) continue;
      // Ends reaching just past x (an overfull equation in a narrow gutter) do not block it.
      if (x - f.x0 < 0.3 * f.size || f.x1 - x < 0.3 * f.size) continue;
      if (cursor - top(f) > runHigh - runLow) {
        runHigh = cursor;
        runLow = top(f);
      }
      cursor = Math.min(cursor, bottom(f));
    }
    if (cursor - low > runHigh - runLow) {
      runHigh = cursor;
      runLow = low;
    }
    best.push({ x, low: runLow, high: runHigh });
  }
  // Candidates from the tallest strip down; the first one whose sides hold real columns wins.
  const order = best
    .map((_, i) => i)
    .sort((a, b) => best[b]!.high - best[b]!.low - (best[a]!.high - best[a]!.low));
  const tried = new Set<string>();
  for (const i of order) {
    const cand = best[i]!;
    if (cand.high - cand.low < minHeight) break;
    const key = `${cand.low.toFixed(1)}:${cand.high.toFixed(1)}`;
    if (tried.has(key)) continue;
    tried.add(key);
    // The strip: neighbouring x with (at least) the same empty stretch.
    let a = i;
    let b = i;
    const covers = (j: number) =>
      best[j] !== undefined && best[j]!.low <= cand.low + 0.5 && best[j]!.high >= cand.high - 0.5;
    while (covers(a - 1)) a--;
    while (covers(b + 1)) b++;
    if ((b - a + 1) * step < 0.8 * size) continue;
    const x = (best[a]!.x + best[b]!.x) / 2;
    if (!columnsBeside(frags, x, cand.low, cand.high)) continue;
    const trimmed = trimToColumns(frags, x, cand.low, cand.high, size);
    if (trimmed) return { x, ...trimmed };
  }
  return null;
}

/**
 * The stretch cut to where the columns are: horizontal gaps running across both sides split it
 * into bands, and bands at its top or bottom that are not columns (author blocks centred side
 * by side above a paper's columns, a wide table) are left out.
 */
function trimToColumns(
  frags: Fragment[],
  x: number,
  low: number,
  high: number,
  size: number,
): { low: number; high: number } | null {
  const inside = frags.filter((f) => middleY(f) > low && middleY(f) < high).sort((p, q) => top(q) - top(p));
  const bands: Array<{ low: number; high: number }> = [];
  let bandHigh = high;
  let cursor = high;
  for (const f of inside) {
    if (cursor - top(f) > 0.8 * size) {
      const cut = (cursor + top(f)) / 2;
      bands.push({ low: cut, high: bandHigh });
      bandHigh = cut;
    }
    cursor = Math.min(cursor, bottom(f));
  }
  bands.push({ low, high: bandHigh });
  // Where the columns' lines start.
  const leftEdge = Math.min(...inside.map((f) => f.x0));
  const rightEdge = Math.min(...inside.filter((f) => middleX(f) >= x).map((f) => f.x0));
  // A band belongs to the columns if it is columns itself, or is a line or two (a heading beside
  // a paragraph's last line) starting where the columns start.
  const belongs = (b: { low: number; high: number }) => {
    if (columnsBeside(frags, x, b.low, b.high)) return true;
    const band = inside.filter((f) => middleY(f) > b.low && middleY(f) < b.high);
    return (
      new Set(band.map((f) => Math.round(f.y))).size <= 2 &&
      band.some((f) => Math.abs(f.x0 - leftEdge) < size || Math.abs(f.x0 - rightEdge) < size)
    );
  };
  let first = 0;
  let last = bands.length - 1;
  while (first <= last && !belongs(bands[first]!)) first++;
  while (last > first && !belongs(bands[last]!)) last--;
  return first <= last ? { low: bands[last]!.low, high: bands[first]!.high } : null;
}

/**
 * Both sides of x (within the stretch) hold at least three lines of prose each: most of their
 * text (by width) is in lines that fill the side from the region's edge to x — or, for ragged
 * columns, lines that start at one left edge, one stretch each, and fill the side's own width (at
 * least a quarter of the region's). Table cells, scattered labels and author blocks centred side
 * by side do not count.
 */
function columnsBeside(frags: Fragment[], x: number, low: number, high: number): boolean {
  let regionLeft = Infinity;
  let regionRight = -Infinity;
  for (const f of frags) {
    regionLeft = Math.min(regionLeft, f.x0);
    regionRight = Math.max(regionRight, f.x1);
  }
  const inside = frags.filter((f) => middleY(f) > low && middleY(f) < high);
  const prose = (side: Fragment[], room: number) => {
    const rows = new Map<number, Fragment[]>();
    for (const f of side) push(rows, Math.round(f.y / 2), f);
    if (rows.size < 3 || room <= 0) return false;
    const fill = (width: number) => {
      let filled = 0;
      let total = 0;
      for (const row of rows.values()) {
        const w = row.reduce((n, f) => n + f.x1 - f.x0, 0);
        filled += Math.min(1, w / width) * w;
        total += w;
      }
      return filled / total;
    };
    if (fill(room) >= 0.6) return true;
    const start = Math.min(...side.map((f) => f.x0));
    const extent = Math.max(...side.map((f) => f.x1)) - start;
    const aligned =
      [...rows.values()].filter((row) => Math.abs(Math.min(...row.map((f) => f.x0)) - start) < 2).length >=
      0.75 * rows.size;
    return (
      aligned &&
      side.length <= 1.5 * rows.size &&
      extent >= 0.25 * (regionRight - regionLeft) &&
      fill(extent) >= 0.6
    );
  };
  return (
    prose(
      inside.filter((f) => middleX(f) < x),
      x - regionLeft,
    ) &&
    prose(
      inside.filter((f) => middleX(f) >= x),
      regionRight - x,
    )
  );
}

/** Blocks of fragments in reading order: bands top to bottom, columns left to right within a band. */
export function readingBlocks(frags: Fragment[], depth = 0, insideColumn = false): Fragment[][] {
  if (frags.length === 0) return [];
  const g = depth < 8 ? findGutter(frags, insideColumn) : null;
  if (!g) return [frags];
  const above: Fragment[] = [];
  const below: Fragment[] = [];
  const leftCol: Fragment[] = [];
  const rightCol: Fragment[] = [];
  for (const f of frags) {
    const y = middleY(f);
    if (y >= g.high) above.push(f);
    else if (y <= g.low) below.push(f);
    else if (middleX(f) < g.x) leftCol.push(f);
    else rightCol.push(f);
  }
  return [
    ...readingBlocks(above, depth + 1),
    ...readingBlocks(leftCol, depth + 1, true),
    ...readingBlocks(rightCol, depth + 1, true),
    ...readingBlocks(below, depth + 1),
  ];
}

interface Piece {
  x0: number;
  x1: number;
  size: number;
  text: string;
  script: '' | '^' | '_';
}

const ACCENTS =
  /^[\u00B4\u02CB\u02C6\u02DC\u00AF\u02C9\u02D8\u02D9\u00A8\u02DA\u02DD\u02C7\u00B8\u02DB`^~\s]+$/u;
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/** Joins a line's pieces left to right, with spaces where the gaps are word gaps. */
function joinPieces(pieces: Piece[]): string {
  // A lone accent sits over its letter, a little right of where the letter's own run starts:
  // it goes just before the run it overlaps.
  const accents = pieces.filter((p) => ACCENTS.test(p.text));
  const key = new Map<Piece, number>(pieces.map((p) => [p, p.x0]));
  for (const p of accents) {
    const under = pieces.find(
      (q) =>
        q !== p &&
        !accents.includes(q) &&
        q.x0 <= p.x0 + 0.1 * p.size &&
        q.x0 >= p.x0 - 0.4 * p.size &&
        q.x1 > p.x0,
    );
    if (under) key.set(p, under.x0 - 0.01);
  }
  pieces.sort((p, q) => key.get(p)! - key.get(q)!);
  // Scripts stacked on one base (x_k^{(q)}): subscript first. Then neighbouring pieces of one
  // script are one script: R^{T×d}, not R^T^×^d.
  for (let i = 1; i < pieces.length; i++) {
    const [a, b] = [pieces[i - 1]!, pieces[i]!];
    if (a.script === '^' && b.script === '_' && b.x0 < a.x1) [pieces[i - 1], pieces[i]] = [b, a];
  }
  const merged: Piece[] = [];
  for (const p of pieces) {
    const text = p.text.trim();
    if (!text) continue;
    const last = merged[merged.length - 1];
    if (last && p.script && last.script === p.script && p.x0 - last.x1 < 0.5 * p.size) {
      last.text += (p.x0 - last.x1 > 0.25 * p.size ? ' ' : '') + text;
      last.x1 = Math.max(last.x1, p.x1);
    } else merged.push({ ...p, text });
  }
  let out = '';
  let prev: Piece | undefined;
  for (const p of merged) {
    const piece = p.script ? p.script + ([...p.text].length > 1 ? `{${p.text}}` : p.text) : p.text;
    if (prev) {
      const gap = p.x0 - prev.x1;
      let space: boolean;
      if (p.script) space = gap > 0.4 * prev.size;
      // "O(T^2 d)": a script ends where a letter or digit follows.
      else if (prev.script) space = gap > 0.1 * p.size || /^[\p{L}\p{N}]/u.test(piece);
      else if (CJK.test(out.slice(-1)) && CJK.test(piece[0]!)) space = gap > 0.6 * p.size;
      else space = gap > 0.15 * Math.min(p.size, prev.size);
      if (space && !out.endsWith(' ')) out += ' ';
    }
    out += piece;
    prev = p;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * How far off a line's baseline its scripts sit (dy in ems, up positive): superscripts up to
 * 0.75 em above, subscripts 0.5 em below. A big maths symbol of the text's own size (TeX's sum
 * or root sign) has its baseline at its top, up to 1 em above the line it belongs to.
 */
const inBand = (dy: number, size: number, script: boolean) =>
  script ? dy < 0.75 * size && dy > -0.5 * size : dy < 1.0 * size && dy > -0.25 * size;

// Accents TeX draws as glyphs of their own (no T1 encoding), raised over capitals.
const accentOnly = (g: Fragment[]) => g.every((f) => f.runs.every((r) => ACCENTS.test(r.text)));

/**
 * A block's lines, top to bottom. Fragments on one baseline form a line; a smaller fragment
 * raised or lowered next to a line's text joins it as a superscript or subscript; a drop cap
 * joins the line it starts.
 */
export function blockLines(block: Fragment[]): Line[] {
  const groups = byBaseline(block, 0.08);
  const weight = (g: Fragment[]) => g.reduce((n, f) => n + f.runs.reduce((m, r) => m + r.text.length, 0), 0);
  const sizeOf = (g: Fragment[]) => dominantSize(g);
  // Scripts: a group of smaller type within ~0.75 em above or 0.5 em below a bigger line it touches.
  const mains: Array<{ frags: Fragment[]; size: number; pieces: Piece[]; x0?: number }> = [];
  const scripts: Fragment[][] = [];
  const sized = groups.map((g) => ({ g, size: sizeOf(g), weight: weight(g) }));
  for (const { g, size, weight: w } of sized) {
    const host = sized.find(
      (h) =>
        h.g !== g &&
        (size <= 0.88 * h.size || (w <= 2 && size < 1.5 * h.size) || accentOnly(g)) &&
        inBand(g[0]!.y - h.g[0]!.y, h.size, size <= 0.88 * h.size || accentOnly(g)) &&
        g.every((f) => h.g.some((m) => f.x0 <= m.x1 + 0.5 * h.size && f.x1 >= m.x0 - 0.5 * h.size)) &&
        w <= Math.max(12, 0.5 * h.weight),
    );
    if (host) scripts.push(g);
    else mains.push({ frags: g, size, pieces: [] });
  }
  for (const m of mains)
    for (const f of m.frags)
      for (const r of f.runs) m.pieces.push({ x0: r.x0, x1: r.x1, size: r.size, text: r.text, script: '' });
  // Each script fragment joins the nearest bigger line whose text (scripts included, so that a
  // script's own scripts find it) it touches; nearer fragments first.
  let pending = scripts.flat();
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const left: Fragment[] = [];
    for (const f of pending) {
      let host: (typeof mains)[number] | undefined;
      let distance = Infinity;
      const accent = accentOnly([f]);
      const smaller = (m: (typeof mains)[number]) => f.size <= 0.88 * m.size;
      for (const m of mains) {
        const dy = f.y - m.frags[0]!.y;
        if (
          (!accent && !smaller(m) && (weight([f]) > 2 || f.size >= 1.5 * m.size)) ||
          !inBand(dy, m.size, accent || smaller(m))
        )
          continue;
        if (!m.pieces.some((h) => f.x0 <= h.x1 + 0.5 * m.size && f.x1 >= h.x0 - 0.5 * m.size)) continue;
        if (Math.abs(dy) < distance) {
          distance = Math.abs(dy);
          host = m;
        }
      }
      if (!host) {
        left.push(f);
        continue;
      }
      const dy = f.y - host.frags[0]!.y;
      // Raised or lowered smaller type is a script; a same-size symbol off the baseline (a sum sign) is not.
      const script =
        accent || !smaller(host) ? '' : dy > 0.1 * host.size ? '^' : dy < -0.08 * host.size ? '_' : '';
      for (const r of f.runs) host.pieces.push({ x0: r.x0, x1: r.x1, size: r.size, text: r.text, script });
    }
    if (left.length === pending.length) break;
    pending = left;
  }
  for (const f of pending)
    mains.push({
      frags: [f],
      size: f.size,
      pieces: f.runs.map((r) => ({ x0: r.x0, x1: r.x1, size: r.size, text: r.text, script: '' })),
    });
  mains.sort((p, q) => q.frags[0]!.y - p.frags[0]!.y);
  const bodySize = dominantSize(block);
  // Drop caps (IEEE's first letter): one or two big letters beside the top lines of a paragraph.
  for (const cap of [...mains]) {
    const text = cap.pieces
      .map((p) => p.text)
      .join('')
      .trim();
    if (cap.frags.length !== 1 || !/^\p{L}{1,2}$/u.test(text) || cap.size < 1.8 * bodySize) continue;
    const f = cap.frags[0]!;
    const next = mains.find(
      (m) =>
        m !== cap &&
        m.frags[0]!.y >= f.y - 0.2 * bodySize &&
        m.frags[0]!.y <= f.y + f.size &&
        Math.min(...m.frags.map((h) => h.x0)) - f.x1 < 2 * bodySize &&
        Math.min(...m.frags.map((h) => h.x0)) >= f.x1 - 1,
    );
    if (!next) continue;
    const first = next.pieces.reduce((a, b) => (a.x0 <= b.x0 ? a : b));
    first.text = text + first.text.trimStart();
    // The lines beside the cap are indented by it; they start where the paragraph does.
    for (const m of mains)
      if (m.frags[0]!.y >= f.y - 0.2 * bodySize && m.frags[0]!.y <= f.y + f.size) m.x0 = f.x0;
    mains.splice(mains.indexOf(cap), 1);
  }
  const lines: Line[] = [];
  for (const m of mains) {
    const text = joinPieces(m.pieces);
    if (!text) continue;
    lines.push({
      text,
      x0: m.x0 ?? Math.min(...m.pieces.map((p) => p.x0)),
      x1: Math.max(...m.pieces.map((p) => p.x1)),
      y: m.frags[0]!.y,
      size: m.size,
      cells: false,
      widestGap: widestGap(m.pieces),
      left: 0,
      right: 0,
      blockStart: false,
      gapAbove: 0,
      leading: 0,
    });
  }
  if (lines.length === 0) return lines;
  // Text edges, for each type size (body text and a reference list can share a column): where
  // most lines start and end (justified text), else the extremes. Usual baseline distances too.
  const bySize = new Map<number, Line[]>();
  for (const l of lines) push(bySize, Math.round(l.size), l);
  const allLeft = mode(lines.map((l) => l.x0)) ?? Math.min(...lines.map((l) => l.x0));
  const allRight = mode(lines.map((l) => l.x1)) ?? Math.max(...lines.map((l) => l.x1));
  const edges = new Map<number, { left: number; right: number }>();
  for (const [size, group] of bySize) {
    edges.set(size, {
      left: mode(group.map((l) => l.x0)) ?? allLeft,
      right: mode(group.map((l) => l.x1)) ?? allRight,
    });
  }
  const gaps = new Map<number, number[]>();
  lines.forEach((l, i) => {
    const key = Math.round(l.size);
    ({ left: l.left, right: l.right } = edges.get(key)!);
    // Cells: a gap no word space reaches, or a wide one in a line that is not justified prose.
    const justified = Math.abs(l.x0 - l.left) < 0.5 * l.size && Math.abs(l.x1 - l.right) < 0.5 * l.size;
    l.cells = l.widestGap > 2.5 || (l.widestGap > 1.2 && !justified);
    l.blockStart = i === 0;
    l.gapAbove = i === 0 ? 0 : lines[i - 1]!.y - l.y;
    if (i > 0 && Math.round(lines[i - 1]!.size) === key) push(gaps, key, l.gapAbove);
  });
  for (const l of lines) l.leading = median(gaps.get(Math.round(l.size)) ?? []) || 1.2 * l.size;
  return lines;
}

/** The widest gap between a line's pieces, in ems. */
function widestGap(pieces: Piece[]): number {
  const sorted = [...pieces].sort((p, q) => p.x0 - q.x0);
  let widest = 0;
  for (let i = 1, right = sorted[0]?.x1 ?? 0; i < sorted.length; i++) {
    widest = Math.max(widest, (sorted[i]!.x0 - right) / sorted[i]!.size);
    right = Math.max(right, sorted[i]!.x1);
  }
  return widest;
}

/** The value (to the nearest point) shared by at least two of xs and by more than any other; none if all differ. */
function mode(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 1;
  for (const [x, c] of counts)
    if (c > bestCount) {
      best = x;
      bestCount = c;
    }
  return best;
}

/** A page's fragments (running heads already removed) → its lines in reading order. */
export function pageLines(frags: Fragment[]): Line[] {
  return readingBlocks(frags).flatMap(blockLines);
}
