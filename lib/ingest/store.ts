// Writes parsed records into the database, idempotently: a record that changes nothing writes
// nothing. Each batch is one transaction, so a killed process leaves whole batches or none.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { archiveOf } from '@/lib/arxiv/ids';
import type { ListingRecord, PaperRecord } from '@/lib/arxiv/types';
import { bumpArxivDataGeneration, sqlDate } from '@/lib/db';
import type { PaperRow as StoredRow } from '@/lib/db/rows';

export interface WriteCounts {
  seen: number;
  inserted: number;
  updated: number;
  skipped: number;
  listings: number;
}

export const zeroCounts = (): WriteCounts => ({ seen: 0, inserted: 0, updated: 0, skipped: 0, listings: 0 });

export function addCounts(a: WriteCounts, b: WriteCounts): void {
  a.seen += b.seen;
  a.inserted += b.inserted;
  a.updated += b.updated;
  a.skipped += b.skipped;
  a.listings += b.listings;
}

const FIELDS = ['version', 'title', 'abstract', 'authors', 'primaryCategory', 'categories', 'comments', 'journalRef', 'doi', 'license', 'submittedAt', 'updatedAt', 'asOf'] as const;

/** The ingested fields of a stored paper. */
type PaperRow = Pick<StoredRow, 'id' | (typeof FIELDS)[number] | 'contentHash'>;

function hashRow(row: Omit<PaperRow, 'contentHash'>): string {
  return createHash('sha1').update(JSON.stringify(FIELDS.map((f) => row[f]))).digest('base64');
}

const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Combines what the database has with what a source says. Text comes from the newer version
 * (or the incoming record when the source does not know versions); a field the source leaves
 * unknown keeps its stored value; text from an earlier day than the stored text's never
 * replaces it; a partial category list (legacy feeds name only the
 * primary) never shrinks the stored one.
 */
export function mergePaper(existing: PaperRow | undefined, r: PaperRecord): Omit<PaperRow, 'contentHash'> {
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
  };
}

export class PaperStore {
  private readonly select;
  private readonly insert;
  private readonly update;
  private readonly insertVersion;
  private readonly insertListing;
  private readonly queueSearch;

  constructor(private readonly db: Database.Database) {
    this.select = db.prepare<[string], PaperRow>(
      `SELECT id, ${FIELDS.join(', ')}, contentHash FROM Paper WHERE id = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO Paper (id, ${FIELDS.join(', ')}, contentHash) VALUES (@id, ${FIELDS.map((f) => '@' + f).join(', ')}, @contentHash)`,
    );
    // Changed title or abstract invalidates the pre-rendered HTML and the keywords.
    this.update = db.prepare(
      `UPDATE Paper SET ${FIELDS.map((f) => `${f} = @${f}`).join(', ')}, contentHash = @contentHash,
         renderVersion = CASE WHEN title = @title AND abstract = @abstract THEN renderVersion ELSE 0 END,
         keywords = CASE WHEN title = @title AND abstract = @abstract THEN keywords ELSE NULL END
       WHERE id = @id`,
    );
    this.insertVersion = db.prepare(
      `INSERT INTO PaperVersion (paperId, version, submittedAt, size) VALUES (?, ?, ?, ?)
       ON CONFLICT (paperId, version) DO UPDATE SET
         submittedAt = COALESCE(PaperVersion.submittedAt, excluded.submittedAt),
         size = COALESCE(PaperVersion.size, excluded.size)
       WHERE (PaperVersion.submittedAt IS NULL AND excluded.submittedAt IS NOT NULL)
          OR (PaperVersion.size IS NULL AND excluded.size IS NOT NULL)`,
    );
    this.insertListing = db.prepare(
      'INSERT OR IGNORE INTO Listing (paperId, category, archive, date, type, position) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.queueSearch = db.prepare(
      `INSERT INTO SearchOutbox (paperId, queuedAt) VALUES (?, ?)
       ON CONFLICT (paperId) DO UPDATE SET queuedAt = excluded.queuedAt`,
    );
  }

  /** Writes one batch in one transaction and says what changed. */
  write(papers: readonly PaperRecord[], listings: readonly ListingRecord[] = []): WriteCounts {
    const counts = this.writeTransaction(papers, listings);
    if (counts.inserted || counts.updated || counts.listings) bumpArxivDataGeneration();
    return counts;
  }

  private writeTransaction(papers: readonly PaperRecord[], listings: readonly ListingRecord[]): WriteCounts {
    return this.db.transaction(() => {
      const counts = zeroCounts();
      counts.seen = papers.length;
      const now = sqlDate(new Date());
      // A source may repeat an id in one batch; the last occurrence is the one that counts.
      const unique = [...new Map(papers.map((p) => [p.id, p])).values()];
      for (const r of unique) {
        const existing = this.select.get(r.id);
        const merged = mergePaper(existing, r);
        const row = { ...merged, contentHash: hashRow(merged) };
        let versionsAdded = 0;
        if (!existing) this.insert.run(row);
        else if (row.contentHash !== existing.contentHash) this.update.run(row);
        const versions = r.versions?.length ? r.versions : r.version ? [{ version: r.version }] : [];
        for (const v of versions) {
          versionsAdded += this.insertVersion.run(r.id, v.version, sqlDate(v.submittedAt), v.size ?? null).changes;
        }
        if (!existing) counts.inserted++;
        else if (row.contentHash !== existing.contentHash || versionsAdded > 0) counts.updated++;
        else counts.skipped++;
        if (!existing || row.contentHash !== existing.contentHash) this.queueSearch.run(r.id, now);
      }
      for (const l of listings) {
        counts.listings += this.insertListing.run(l.paperId, l.category, archiveOf(l.category), l.date, l.type, l.position).changes;
      }
      return counts;
    })();
  }
}
