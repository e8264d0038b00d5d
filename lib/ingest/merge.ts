// What a stored paper becomes when a source says something about it: pure functions, no
// database, so the import's worker thread can prepare rows while the writer writes.
//
// Text fields are TeX as arXiv gives it. Merging works on that source text; the stored
// title, abstract, authors and comments have accents and special letters as Unicode (what pages
// show and the search index holds: "Müller", not `M\"uller`), and the source is kept beside
// them in *Tex columns when it differs. The content hash is of the source text, so converting
// the stored text (a newer converter, an upgrade of old rows) never makes a re-ingest a change.
import { createHash } from 'node:crypto';
import { firstAnnounced } from '@/lib/arxiv/parse/listing';
import type { ListingRecord, PaperRecord, RecordError } from '@/lib/arxiv/types';
import { stringList, type PaperRow as StoredRow } from '@/lib/db/rows';
import { sqlDate } from '@/lib/db/sqlDate';
import { accentsToUnicode } from '@/lib/render/texText';
import { capPaper } from './caps';

/** The fields a source determines, hashed in this order. */
const SOURCE_FIELDS = [
  'version',
  'title',
  'abstract',
  'authors',
  'primaryCategory',
  'categories',
  'comments',
  'journalRef',
  'doi',
  'license',
  'submittedAt',
  'updatedAt',
  'asOf',
  'announcedOn',
] as const;
/** Text fields stored converted, with the column that keeps their source. */
export const TEX_COLUMNS = {
  title: 'titleTex',
  abstract: 'abstractTex',
  authors: 'authorsTex',
  comments: 'commentsTex',
} as const;
type TextField = keyof typeof TEX_COLUMNS;

export const FIELDS = [...SOURCE_FIELDS, ...Object.values(TEX_COLUMNS)] as const;

/** The ingested fields of a stored paper. */
export type PaperRow = Pick<StoredRow, 'id' | (typeof FIELDS)[number] | 'contentHash'>;
/** The same fields as the sources gave them (TeX). */
type SourceRow = Pick<StoredRow, 'id' | (typeof SOURCE_FIELDS)[number]>;

const TEXT_FIELDS = Object.keys(TEX_COLUMNS) as TextField[];

function sourceOf(row: Omit<PaperRow, 'contentHash'>): SourceRow {
  const source: SourceRow = {
    id: row.id,
    ...Object.fromEntries(SOURCE_FIELDS.map((f) => [f, row[f]])),
  } as SourceRow;
  for (const f of TEXT_FIELDS) source[f] = (row[TEX_COLUMNS[f]] ?? row[f]) as string;
  return source;
}

/** Accents and special letters as Unicode, in each author name and every text field. */
function present(field: TextField, source: string | null): string | null {
  if (source === null || !source.includes('\\')) return source;
  if (field !== 'authors') return accentsToUnicode(source);
  return JSON.stringify(stringList(source).map(accentsToUnicode));
}

/** The row to store for source text: converted fields, and the source where it differs. */
export function storedRow(source: SourceRow): Omit<PaperRow, 'contentHash'> {
  const row = { ...source } as Omit<PaperRow, 'contentHash'>;
  for (const f of TEXT_FIELDS) {
    const shown = present(f, source[f]);
    (row as Record<string, unknown>)[f] = shown;
    row[TEX_COLUMNS[f]] = shown === source[f] ? null : source[f];
  }
  return row;
}

export function hashRow(row: Omit<PaperRow, 'contentHash'>): string {
  const source = sourceOf(row);
  return createHash('sha1')
    .update(JSON.stringify(SOURCE_FIELDS.map((f) => source[f])))
    .digest('base64');
}

const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Combines what the database has with what a source says, on the source text. Text comes from
 * the newer version (or the incoming record when the source does not know versions); a field
 * the source leaves unknown keeps its stored value; text from an earlier day than the stored
 * text's never replaces it; a partial category list (legacy feeds name only the primary) never
 * shrinks the stored one. `announcedOn` is the day the batch's listings first announce the paper,
 * if they do; the earliest day known is kept.
 */
function mergeSources(
  existing: SourceRow | undefined,
  r: PaperRecord,
  announcedOn: string | null,
): SourceRow {
  const incoming: SourceRow = {
    id: r.id,
    version: r.version ?? existing?.version ?? 1,
    title: r.title,
    abstract: r.abstract,
    authors: JSON.stringify(r.authors),
    primaryCategory: r.categories[0]!,
    categories: r.categories.join(' '),
    comments: r.comments ?? null,
    journalRef: r.journalRef ?? null,
    doi: r.doi ?? null,
    license: r.license ?? null,
    submittedAt: sqlDate(r.submittedAt),
    updatedAt: sqlDate(r.updatedAt),
    asOf: r.asOf ?? null,
    announcedOn,
  };
  if (!existing) return incoming;
  const newerVersion = r.version !== undefined && r.version > existing.version;
  const olderVersion = r.version !== undefined && r.version < existing.version;
  const staleDay = !newerVersion && !!incoming.asOf && !!existing.asOf && incoming.asOf < existing.asOf;
  const older = olderVersion || staleDay;
  const text = older ? existing : incoming;
  const stored = existing.categories.split(' ');
  const partial =
    r.categories[0] === existing.primaryCategory && r.categories.every((c) => stored.includes(c));
  return {
    id: r.id,
    version: Math.max(existing.version, incoming.version),
    title: text.title || existing.title,
    abstract: text.abstract || existing.abstract,
    authors: incoming.authors !== '[]' && !older ? incoming.authors : existing.authors,
    primaryCategory: partial || older ? existing.primaryCategory : incoming.primaryCategory,
    categories: partial || older ? existing.categories : incoming.categories,
    comments: (older ? null : incoming.comments) ?? existing.comments,
    journalRef: incoming.journalRef ?? existing.journalRef,
    doi: incoming.doi ?? existing.doi,
    license: (older ? null : incoming.license) ?? existing.license,
    submittedAt: earliest(existing.submittedAt, incoming.submittedAt),
    updatedAt: latest(existing.updatedAt, incoming.updatedAt),
    asOf: latest(existing.asOf, incoming.asOf),
    announcedOn: earliest(existing.announcedOn, incoming.announcedOn),
  };
}

export function mergePaper(
  existing: PaperRow | undefined,
  r: PaperRecord,
  announcedOn: string | null = null,
): Omit<PaperRow, 'contentHash'> {
  return storedRow(mergeSources(existing && sourceOf(existing), r, announcedOn));
}

/**
 * The stored text of an older row brought up to date (accents converted by the current
 * converter), or null when it already is. Its content hash stays valid: it is of the source.
 */
export function upgradeText(row: Omit<PaperRow, 'contentHash'>): Omit<PaperRow, 'contentHash'> | null {
  const upgraded = storedRow(sourceOf(row));
  return FIELDS.every((f) => upgraded[f] === row[f]) ? null : upgraded;
}

/** A source's record (cut to the field caps) with the row it becomes when the paper is not stored yet (the common case in bulk imports). */
export interface PreparedPaper {
  record: PaperRecord;
  fresh: PaperRow;
  /** First announcement day according to the batch's listings. */
  announcedOn: string | null;
  /** What the field caps cut, for the run's record. */
  cuts?: string[];
}

/**
 * Prepares a batch with its listings; a source may repeat an id in one batch, and the last
 * occurrence is the one that counts.
 */
export function preparePapers(
  papers: readonly PaperRecord[],
  listings: readonly ListingRecord[] = [],
): PreparedPaper[] {
  const announced = listings.length ? firstAnnounced(listings) : undefined;
  return [...new Map(papers.map((p) => [p.id, p])).values()].map((original) => {
    const { record, cuts } = capPaper(original);
    const announcedOn = announced?.get(record.id) ?? null;
    const merged = mergePaper(undefined, record, announcedOn);
    return {
      record,
      announcedOn,
      fresh: { ...merged, contentHash: hashRow(merged) },
      ...(cuts.length ? { cuts } : {}),
    };
  });
}

/** The run record's notes for fields the caps cut. */
export function cutNotes(papers: readonly PreparedPaper[]): RecordError[] {
  return papers.flatMap((p) =>
    p.cuts ? [{ id: p.record.id, reason: `stored cut: ${p.cuts.join('; ')}` }] : [],
  );
}
