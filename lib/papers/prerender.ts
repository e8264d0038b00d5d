// Titles and abstracts are rendered (maths typeset) once and stored, so list pages do no TeX
// work per request. After an ingest, listed papers are rendered at once; the rest of a bulk
// history is rendered on first view or by `npm run render:all`. Rendering a row stored by an
// older version also brings its text up to date (accents as Unicode, lib/ingest/merge.ts), so
// the search index, which follows the stored text through its triggers, is upgraded with it.
import type Database from 'better-sqlite3';
import { config } from '@/lib/config';
import { bumpDataVersion, sqlDate, sqlite } from '@/lib/db';
import { countRow, idRow, paperSourceRow, type PaperRow as StoredRow } from '@/lib/db/rows';
import { FIELDS, upgradeText, type PaperRow } from '@/lib/ingest/merge';
import { RENDER_VERSION, renderPaperFields } from '@/lib/render';

const BATCH = 200;

export type Rerendered = Pick<
  StoredRow,
  'id' | 'title' | 'abstract' | 'authors' | 'comments' | 'titleHtml' | 'abstractHtml'
>;

type SourceRow = Omit<PaperRow, 'contentHash'>;
/** Papers rendered (and their text upgraded) from the rows they were read from, not yet saved. */
export interface Rendered {
  rows: SourceRow[];
  out: Array<{ upgraded: ReturnType<typeof upgradeText>; view: Rerendered }>;
}

const readRows = (db: Database.Database, ids: readonly string[]): SourceRow[] =>
  db
    .prepare(`SELECT id, ${FIELDS.join(', ')} FROM Paper WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids)
    .map(paperSourceRow);

/** Renders stored papers with the current renderer (and upgrades their text); saves nothing. Unknown ids are left out. */
export function renderStored(db: Database.Database, ids: readonly string[]): Rendered {
  const rows = ids.length ? readRows(db, ids) : [];
  const out = rows.map((row) => {
    const upgraded = upgradeText(row);
    const text = upgraded ?? row;
    return {
      upgraded,
      view: {
        id: row.id,
        title: text.title,
        abstract: text.abstract,
        authors: text.authors,
        comments: text.comments,
        ...renderPaperFields(text),
      },
    };
  });
  return { rows, out };
}

/**
 * Stores what renderStored made, in one transaction, for the rows still as they were read (a row
 * an ingest changed meanwhile is left for its own rendering). Text upgrades move the data version.
 */
export function saveRendered(db: Database.Database, { rows, out }: Rendered): void {
  if (!rows.length) return;
  const saveHtml = db.prepare(
    'UPDATE Paper SET titleHtml = ?, abstractHtml = ?, renderVersion = ? WHERE id = ?',
  );
  // SET expressions see the old values: the keywords go when the title or abstract changes.
  const saveText = db.prepare(
    `UPDATE Paper SET title = @title, abstract = @abstract, authors = @authors, comments = @comments,
       titleTex = @titleTex, abstractTex = @abstractTex, authorsTex = @authorsTex, commentsTex = @commentsTex,
       keywords = CASE WHEN title = @title AND abstract = @abstract THEN keywords ELSE NULL END
     WHERE id = @id`,
  );
  const queueSearch = config().MEILISEARCH_HOST
    ? db.prepare(
        `INSERT INTO SearchOutbox (paperId, queuedAt) VALUES (?, ?) ON CONFLICT (paperId) DO UPDATE SET queuedAt = excluded.queuedAt`,
      )
    : null;
  db.transaction(() => {
    const read = new Map(rows.map((r) => [r.id, JSON.stringify(r)]));
    const unchanged = new Set(
      readRows(db, [...read.keys()])
        .filter((r) => read.get(r.id) === JSON.stringify(r))
        .map((r) => r.id),
    );
    const now = sqlDate(new Date());
    let upgradedText = false;
    for (const { upgraded, view } of out) {
      if (!unchanged.has(view.id)) continue;
      if (upgraded) {
        saveText.run(upgraded);
        queueSearch?.run(view.id, now);
        upgradedText = true;
      }
      saveHtml.run(view.titleHtml, view.abstractHtml, RENDER_VERSION, view.id);
    }
    if (upgradedText) bumpDataVersion(db);
  }).immediate(); // it reads before it writes: see PaperStore.writeTransaction (lib/ingest/store.ts)
}

/**
 * Re-renders stored papers with the current renderer (and upgrades their text), in one
 * transaction; returns what pages show of them. Unknown ids are left out.
 */
export function rerender(db: Database.Database, ids: readonly string[]): Rerendered[] {
  const rendered = renderStored(db, ids);
  saveRendered(db, rendered);
  return rendered.out.map((r) => r.view);
}

export interface PrerenderOptions {
  /** Only papers that appear in some daily listing (what list pages show). */
  listedOnly?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export function prerenderPending({ listedOnly = false, onProgress }: PrerenderOptions = {}): number {
  const db = sqlite();
  const where = `renderVersion < ${RENDER_VERSION}${listedOnly ? ' AND id IN (SELECT paperId FROM Listing)' : ''}`;
  const total = countRow(db.prepare(`SELECT COUNT(*) n FROM Paper WHERE ${where}`).get()).n;
  const next = db.prepare(`SELECT id FROM Paper WHERE ${where} LIMIT ${BATCH}`);
  let done = 0;
  for (;;) {
    const ids = next.all().map((row) => idRow(row).id);
    if (ids.length === 0) break;
    rerender(db, ids);
    done += ids.length;
    onProgress?.(done, total);
  }
  return done;
}
