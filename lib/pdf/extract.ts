// PDF → plain text for the LLM, with pdf.js (legacy build: runs in Node without a worker or canvas).
// pdf.js gives positioned text runs. Per page: runs turned upright in the page's own writing
// direction (text at another angle — arXiv's stamp, watermarks — is dropped), then layout.ts
// finds lines, columns and reading order; across pages margins.ts drops running heads, and
// paragraphs.ts joins the lines into paragraphs and cleans the text.
// pdf.js is imported on first use: pages that only read cached summaries never load it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { dropLineNumbers, fragments, pageLines, type Fragment, type Run } from './layout';
import { dropRunningHeads } from './margins';
import { documentText, stripJunkChars } from './paragraphs';

/**
 * Where pdf.js finds its character maps (CJK and other CID fonts without a ToUnicode table) and
 * the standard 14 fonts' data: the installed pdfjs-dist package, read from disk — no network.
 * Resolved from the working directory (the project's, for the server and the scripts) at run
 * time: a bundler rewrites a require of the package from this module's own location.
 */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(
    createRequire(path.join(process.cwd(), 'index.js')).resolve('pdfjs-dist/package.json'),
  );
  return {
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  };
}

interface RawRun {
  angle: number;
  e: number;
  f: number;
  width: number;
  size: number;
  text: string;
}

/**
 * A page's runs, upright: the writing direction most characters share becomes horizontal (so a
 * landscape page reads as well as a portrait one); runs at any other angle are dropped.
 */
export function uprightRuns(raw: RawRun[]): Run[] {
  const weight = new Map<number, number>();
  for (const r of raw)
    weight.set(Math.round(r.angle), (weight.get(Math.round(r.angle)) ?? 0) + r.text.length);
  let main = 0;
  let mainWeight = -1;
  for (const [angle, w] of weight)
    if (w > mainWeight) {
      main = angle;
      mainWeight = w;
    }
  const rad = (main * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const runs: Run[] = [];
  for (const r of raw) {
    if (Math.abs(r.angle - main) > 2) continue;
    const x = r.e * cos + r.f * sin;
    const y = -r.e * sin + r.f * cos;
    runs.push({ x0: x, x1: x + r.width, y, size: r.size, text: r.text });
  }
  return runs;
}

/** Every page's fragments (line numbers already out), in page order. */
async function pageFragments(data: Uint8Array): Promise<Fragment[][]> {
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: data.slice(),
    ...pdfjsData(),
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: Fragment[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const raw: RawRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const text = stripJunkChars(item.str);
        if (!text.trim()) continue;
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
        raw.push({ angle: (Math.atan2(b, a) * 180) / Math.PI, e, f, width: item.width, size, text });
      }
      pages.push(fragments(dropLineNumbers(uprightRuns(raw))));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export async function pdfToText(data: Uint8Array): Promise<string> {
  const pages = dropRunningHeads(await pageFragments(data));
  return documentText(pages.map(pageLines));
}
