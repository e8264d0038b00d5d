// PDF → plain text for the LLM, with pdfjs (legacy build: runs in Node without a worker or canvas).
// pdfjs gives positioned text runs; we rebuild lines, read two-column pages column by column,
// then clean: repeated headers/footers and page numbers out, hyphenated line ends joined.
// pdfjs is imported on first use: pages that only read cached summaries never load it.

interface Run {
  x: number;
  y: number;
  right: number;
  size: number;
  str: string;
}

interface Segment {
  x: number;
  right: number;
  y: number;
  text: string;
}

/** Text of every page, in reading order, each page a list of lines. */
export async function extractPages(data: Uint8Array): Promise<string[][]> {
  // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: data.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a ?? 0, b ?? 0) || item.height || 10;
        runs.push({ x: x ?? 0, y: y ?? 0, right: (x ?? 0) + item.width, size, str: item.str });
      }
      pages.push(pageLines(segments(runs), width, height));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Groups runs into lines by baseline, splitting a line where a wide gap (a column gutter) sits. */
function segments(runs: Run[]): Segment[] {
  runs.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Run[][] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= run.size * 0.4) line.push(run);
    else lines.push([run]);
  }
  const out: Segment[] = [];
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    let seg: Segment | undefined;
    let prev: Run | undefined;
    for (const run of line) {
      const gap = prev ? run.x - prev.right : 0;
      if (!seg || gap > run.size * 1.5) {
        seg = { x: run.x, right: run.right, y: run.y, text: run.str };
        out.push(seg);
      } else {
        // pdfjs usually gives words with their spaces; add one when runs merely touch.
        const space = gap > run.size * 0.15 && !/\s$/.test(seg.text) && !/^\s/.test(run.str) ? ' ' : '';
        seg.text += space + run.str;
        seg.right = run.right;
      }
      prev = run;
    }
  }
  return out;
}

/** Running header first, body in reading order, footer (page number) last. */
function pageLines(segs: Segment[], width: number, height: number): string[] {
  const header = segs.filter((s) => s.y > height * 0.93);
  const footer = segs.filter((s) => s.y < height * 0.07);
  const body = segs.filter((s) => s.y <= height * 0.93 && s.y >= height * 0.07);
  return [...header.map((s) => s.text.trim()), ...readingOrder(body, width), ...footer.map((s) => s.text.trim())];
}

/**
 * Two-column pages: segments entirely left or right of the middle are column text; a segment
 * crossing the middle (title, full-width figure caption) ends a band. Each band is read left
 * column first, then right.
 */
function readingOrder(segs: Segment[], width: number): string[] {
  const mid = width / 2;
  const leftCount = segs.filter((s) => s.right < mid).length;
  const rightCount = segs.filter((s) => s.x > mid).length;
  const twoColumns = leftCount >= 3 && rightCount >= 3;
  if (!twoColumns) return segs.map((s) => s.text.trim());
  const lines: string[] = [];
  let left: Segment[] = [];
  let right: Segment[] = [];
  const flush = () => {
    for (const s of [...left, ...right]) lines.push(s.text.trim());
    left = [];
    right = [];
  };
  for (const s of segs) {
    if (s.right < mid) left.push(s);
    else if (s.x > mid) right.push(s);
    else {
      flush();
      lines.push(s.text.trim());
    }
  }
  flush();
  return lines;
}

const digitsAsHash = (line: string) => line.replace(/\d+/g, '#').trim();

/**
 * Joins pages into one text: drops lines repeated at the top or bottom of most pages (running
 * headers/footers, page numbers) and joins words hyphenated across line ends.
 */
export function cleanPages(pages: string[][]): string {
  const edgeCounts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter((l) => l !== undefined).map(digitsAsHash));
    for (const e of edges) edgeCounts.set(e, (edgeCounts.get(e) ?? 0) + 1);
  }
  const repeated = (line: string) => pages.length >= 3 && (edgeCounts.get(digitsAsHash(line)) ?? 0) >= Math.ceil(pages.length / 2);
  const kept: string[] = [];
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const atEdge = i === 0 || i === lines.length - 1;
      if (atEdge && (repeated(line) || /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d+)?$/i.test(line))) return;
      kept.push(line);
    });
  }
  let text = '';
  for (const line of kept) {
    if (!text) text = line;
    // "exam-" + "ple" → "example"; keep the hyphen for "state-of-" + "the-art"-like compounds (next word capitalised)
    else if (/[a-z]-$/.test(text) && /^[a-z]/.test(line)) text = text.slice(0, -1) + line;
    else text += '\n' + line;
  }
  return text.replace(/[ \t]+/g, ' ');
}

/** Where the reference list starts (last "References"/"Bibliography" heading), or -1. */
export function referencesStart(text: string): number {
  const re = /^\s*(?:\d+\.?\s*)?(?:references|bibliography|参考文献)\s*$/gim;
  let at = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

export async function pdfToText(data: Uint8Array): Promise<string> {
  return cleanPages(await extractPages(data));
}
