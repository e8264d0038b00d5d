// Titles and abstracts are rendered (maths typeset) once and stored, so list pages do no TeX
// work per request. After an ingest, listed papers are rendered at once; the rest of a bulk
// history is rendered on first view or by `npm run render:all`.
import { sqlite } from '@/lib/db';
import { RENDER_VERSION, renderPaperFields } from '@/lib/render';

const BATCH = 200;

export interface PrerenderOptions {
  /** Only papers that appear in some daily listing (what list pages show). */
  listedOnly?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export function prerenderPending({ listedOnly = false, onProgress }: PrerenderOptions = {}): number {
  const db = sqlite();
  const where = `renderVersion < ${RENDER_VERSION}${listedOnly ? ' AND id IN (SELECT paperId FROM Listing)' : ''}`;
  const total = (db.prepare(`SELECT COUNT(*) n FROM Paper WHERE ${where}`).get() as { n: number }).n;
  const next = db.prepare(`SELECT id, title, abstract FROM Paper WHERE ${where} LIMIT ${BATCH}`);
  const save = db.prepare('UPDATE Paper SET titleHtml = ?, abstractHtml = ?, renderVersion = ? WHERE id = ?');
  let done = 0;
  for (;;) {
    const rows = next.all() as { id: string; title: string; abstract: string }[];
    if (rows.length === 0) break;
    const rendered = rows.map((r) => ({ id: r.id, ...renderPaperFields(r) }));
    db.transaction(() => {
      for (const r of rendered) save.run(r.titleHtml, r.abstractHtml, RENDER_VERSION, r.id);
    })();
    done += rows.length;
    onProgress?.(done, total);
  }
  return done;
}
