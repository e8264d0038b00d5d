// What repeats from page to page is furniture, not the paper's text: running headers and footers
// (also when they alternate between odd and even pages), page numbers, and text stamped at the
// same place on many pages (watermarks). Decided across the whole document, on fragments.
import { dominantSize, fragmentText, push, type Fragment } from './layout';

/** "IEEE Trans. ... 2024 3" and "4 IEEE Trans. ... 2024" → one key per side; digits do not count. */
const key = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, '');

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Baseline groups of one page, top first (2 pt tolerance). */
function rows(frags: Fragment[]): Fragment[][] {
  const sorted = [...frags].sort((p, q) => q.y - p.y);
  const out: Fragment[][] = [];
  for (const f of sorted) {
    const row = out[out.length - 1];
    if (row && row[0]!.y - f.y <= 2) row.push(f);
    else out.push([f]);
  }
  return out;
}

interface Edge {
  page: number;
  frag: Fragment;
  row: Fragment[];
  /** 0 = outermost row, 1 = next row inwards. */
  depth: number;
  side: 'top' | 'bottom';
}

export function dropRunningHeads(pages: Fragment[][]): Fragment[][] {
  const n = pages.length;
  const drop = new Set<Fragment>();
  const bodySize = dominantSize(pages.flat());
  const pageRows = pages.map(rows);

  // Candidates: the two outermost rows at the top and at the bottom of every page.
  const edges: Edge[] = [];
  pageRows.forEach((r, page) => {
    const count = Math.min(2, Math.floor(r.length / 2));
    for (let depth = 0; depth < count; depth++) {
      for (const frag of r[depth]!) edges.push({ page, frag, row: r[depth]!, depth, side: 'top' });
      for (const frag of r[r.length - 1 - depth]!)
        edges.push({ page, frag, row: r[r.length - 1 - depth]!, depth, side: 'bottom' });
    }
  });

  // Page numbers: a number standing alone (not a section number before its heading).
  const alone = (e: Edge) =>
    e.row.every(
      (o) => o === e.frag || o.x0 - e.frag.x1 > 3 * e.frag.size || e.frag.x0 - o.x1 > 3 * e.frag.size,
    );
  for (const e of edges) if (PAGE_NUMBER.test(fragmentText(e.frag).trim()) && alone(e)) drop.add(e.frag);

  // The same text (numbers aside) near the same height on a quarter of the pages or more.
  const minPages = n >= 3 ? Math.max(2, Math.ceil(n / 4)) : 2;
  if (n >= 2) {
    const byKey = new Map<string, Edge[]>();
    for (const e of edges) {
      // Numbers alone are page numbers or section numbers: decided above, not here.
      if (!/\p{L}/u.test(fragmentText(e.frag))) continue;
      const k = `${e.side}:${key(fragmentText(e.frag))}`;
      push(byKey, k, e);
    }
    for (const group of byKey.values()) {
      for (const e of group) {
        const pagesHere = new Set(group.filter((o) => Math.abs(o.frag.y - e.frag.y) <= 4).map((o) => o.page));
        if (pagesHere.size >= minPages) drop.add(e.frag);
      }
    }
  }

  // Anything (a watermark, a repeated notice) at exactly the same place on half the pages.
  if (n >= 3) {
    const byPlace = new Map<string, Set<number>>();
    const placeKey = (f: Fragment) =>
      `${key(fragmentText(f))}@${Math.round(f.x0 / 3)},${Math.round(f.y / 3)}`;
    pages.forEach((frags, page) => {
      for (const f of frags) byPlace.set(placeKey(f), (byPlace.get(placeKey(f)) ?? new Set()).add(page));
    });
    for (const frags of pages)
      for (const f of frags)
        if ((byPlace.get(placeKey(f))?.size ?? 0) >= Math.max(3, Math.ceil(n / 2))) drop.add(f);
  }

  // Headers whose text changes (section names in a book-like layout): an outermost row of body
  // size or smaller, set well apart from the text, at the same height on a third of the pages.
  if (n >= 3) {
    for (const side of ['top', 'bottom'] as const) {
      const outermost = (r: Fragment[][]) => (side === 'top' ? r[0] : r[r.length - 1]);
      const small = (row: Fragment[]) => Math.max(...row.map((f) => f.size)) <= 1.05 * bodySize;
      const detached: number[] = [];
      for (const r of pageRows) {
        if (r.length < 3) continue;
        const [outer, next] = side === 'top' ? [r[0]!, r[1]!] : [r[r.length - 1]!, r[r.length - 2]!];
        if (small(outer) && Math.abs(outer[0]!.y - next[0]!.y) >= 2 * bodySize) detached.push(outer[0]!.y);
      }
      const heights = detached.filter(
        (y) => detached.filter((o) => Math.abs(o - y) <= 2).length >= Math.max(2, Math.ceil(0.3 * n)),
      );
      // Such a row goes from every page, also pages that hold nothing else (a blank page before a chapter).
      for (const r of pageRows) {
        const row = outermost(r);
        if (row && small(row) && heights.some((y) => Math.abs(row[0]!.y - y) <= 2))
          for (const f of row) drop.add(f);
      }
    }
  }
  return drop.size ? pages.map((frags) => frags.filter((f) => !drop.has(f))) : pages;
}
