// What a stored paper becomes when a source says something about it: pure functions, no
// database, so the import's worker thread can prepare rows while the writer writes.
import { createHash } from 'node:crypto';
import { firstAnnounced } from '@/lib/arxiv/parse/listing';
import type { ListingRecord, PaperRecord } from '@/lib/arxiv/types';
import type { PaperRow as StoredRow } from '@/lib/db/rows';
import { sqlDate } from '@/lib/db/sqlDate';

export const FIELDS = ['version', 'title', 'abstract', 'authors', 'primaryCategory', 'categories', 'comments', 'journalRef', 'doi', 'license', 'submittedAt', 'updatedAt', 'asOf', 'announcedOn'] as const;

/** The ingested fields of a stored paper. */
export type PaperRow = Pick<StoredRow, 'id' | (typeof FIELDS)[number] | 'contentHash'>;

export function hashRow(row: Omit<PaperRow, 'contentHash'>): string {
  return createHash('sha1').update(JSON.stringify(FIELDS.map((f) => row[f]))).digest('base64');
}

const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Combines what the database has with what a source says. Text comes from the newer version
 * (or the incoming record when the source does not know versions); a field the source leaves
 * unknown keeps its stored value; text from an earlier day than the stored text's never
 * replaces it; a partial category list (legacy feeds name only the
 * primary) never shrinks the stored one. `announcedOn` is the day the batch's listings first
 * announce the paper, if they do; the earliest day known is kept.
 */
export function mergePaper(existing: PaperRow | undefined, r: PaperRecord, announcedOn: string | null = null): Omit<PaperRow, 'contentHash'> {
  const incoming = {
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
  const partial = r.categories[0] === existing.primaryCategory && r.categories.every((c) => stored.includes(c));
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

/** A source's record with the row it becomes when the paper is not stored yet (the common case in bulk imports). */
export interface PreparedPaper {
  record: PaperRecord;
  /** First announcement day according to the batch's listings. */
  announcedOn: string | null;
  fresh: PaperRow;
}

/**
 * Prepares a batch with its listings; a source may repeat an id in one batch, and the last
 * occurrence is the one that counts.
 */
export function preparePapers(papers: readonly PaperRecord[], listings: readonly ListingRecord[] = []): PreparedPaper[] {
  const announced = listings.length ? firstAnnounced(listings) : undefined;
  return [...new Map(papers.map((p) => [p.id, p])).values()].map((record) => {
    const announcedOn = announced?.get(record.id) ?? null;
    const merged = mergePaper(undefined, record, announcedOn);
    return { record, announcedOn, fresh: { ...merged, contentHash: hashRow(merged) } };
  });
}
