// Which MathJax woff fonts a piece of rendered HTML needs, as the URLs the bundled stylesheet
// loads them from, so a page can preload them. Without preloads the browser finds them one layout
// at a time (MJXZERO first, then the TeX font behind it), each arrival forcing a relayout.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: Map<string, string> | null = null;

/** MathJax font-family → URL of its woff as built into /_next/static/media (content-hashed). */
function familyUrls(): Map<string, string> {
  if (cached) return cached;
  const urls = new Map<string, string>();
  try {
    const css = readFileSync(path.resolve('public/mathjax/chtml.css'), 'utf8');
    const media = readdirSync(path.resolve(process.env.NEXT_DIST_DIR || '.next', 'static/media'));
    for (const [, family, stem] of css.matchAll(
      /font-family: (MJX[\w-]+);\s*src: url\("\.\/woff\/([\w-]+)\.woff"\)/g,
    )) {
      const built = media.find((f) => f.startsWith(`${stem}.`) && f.endsWith('.woff'));
      if (built) urls.set(family!, `/_next/static/media/${built}`);
    }
  } catch {
    // No build output here (unit tests, dev): nothing to preload.
  }
  return (cached = urls);
}

export function mathFontUrls(html: string): string[] {
  if (!html.includes('<mjx-c')) return [];
  const families = new Set(['MJXZERO', 'MJXTEX']);
  for (const [, variant] of html.matchAll(/<mjx-c class="mjx-c[0-9A-F]+ TEX-([A-Z0-9]+)"/g))
    families.add(`MJXTEX-${variant}`);
  const urls = familyUrls();
  return [...families].flatMap((f) => urls.get(f) ?? []);
}
