// Writes parsed records into the database, idempotently: a record that changes nothing writes
// nothing. Each batch is one transaction, so a killed process leaves whole batches or none.
import type Database from 'better-sqlite3';
import { archiveOf } from '@/lib/arxiv/ids';
import type { ListingRecord, PaperRecord } from '@/lib/arxiv/types';
import { config } from '@/lib/config';
import { bumpDataVersion, sqlDate, statement } from '@/lib/db';
import { FTS_TABLES } from '@/lib/search';
import { AnnouncementDays, moveDays } from './days';
import { FIELDS, hashRow, mergePaper, preparePapers, type PaperRow, type PreparedPaper } from './merge';

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

export class PaperStore {
  private readonly select;
  private readonly insert;
  private readonly update;
  private readonly insertVersion;
  private readonly insertListing;
  private readonly queueSearch;
  private readonly maxRowid;
  private readonly setDeferredIndexing;
  private readonly indexNewRows;
  private readonly days;

  /**
   * `queueSearch`: record changed papers in SearchOutbox for an engine outside the database
   * (Meilisearch). FTS5 is kept in step inside the write transaction and needs no queue.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly options = { queueSearch: Boolean(config().MEILISEARCH_HOST) },
  ) {
    this.select = statement<[string], PaperRow>(
      `SELECT id, ${FIELDS.join(', ')}, contentHash FROM Paper WHERE id = ?`,
      db,
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
    // New rows are indexed by one statement per batch (migration 20261124030000_fts_batch_insert);
    // rowids only grow, so the batch's rows are those above the largest rowid before it.
    this.maxRowid = statement<[], { max: number }>('SELECT coalesce(max(rowid), 0) AS max FROM Paper', db);
    this.setDeferredIndexing = db.prepare('UPDATE fts_insert_mode SET deferred = ?');
    this.indexNewRows = FTS_TABLES.map((table) =>
      db.prepare(
        `INSERT INTO ${table} (rowid, title, authors, abstract) SELECT rowid, title, authors, abstract FROM Paper WHERE rowid > ?`,
      ),
    );
    this.days = new AnnouncementDays(db);
  }

  /** Writes one batch in one transaction and says what changed. */
  write(papers: readonly PaperRecord[], listings: readonly ListingRecord[] = []): WriteCounts {
    return this.writePrepared(preparePapers(papers, listings), listings, papers.length);
  }

  /** write() for a batch already prepared (on another thread, by preparePapers) from `seen` records. */
  writePrepared(
    papers: readonly PreparedPaper[],
    listings: readonly ListingRecord[],
    seen: number,
  ): WriteCounts {
    return { ...this.writeTransaction(papers, listings), seen };
  }

  private writeTransaction(
    batchPapers: readonly PreparedPaper[],
    batchListings: readonly ListingRecord[],
  ): WriteCounts {
    // IMMEDIATE: the batch reads before it writes, and a deferred transaction whose read snapshot
    // another process's commit has overtaken fails at its first write at once (SQLITE_BUSY, no
    // waiting), as a Fetch from arXiv beside the worker and the other site process did under load.
    // Taking the write lock first makes it wait its turn (busy_timeout) and read what it writes over.
    return this.db
      .transaction(() => {
        // A list repeating the previous announcement day's belongs to that day (lib/ingest/days.ts).
        const moved = batchListings.length ? this.days.repeats(batchListings) : undefined;
        const { papers, listings } = moved?.size
          ? moveDays(batchPapers, batchListings, moved)
          : { papers: batchPapers, listings: batchListings };
        const counts = zeroCounts();
        const now = sqlDate(new Date());
        const rowidsBefore = this.maxRowid.get()!.max;
        for (const { record: r, announcedOn, fresh } of papers) {
          const existing = this.select.get(r.id);
          const merged = existing && mergePaper(existing, r, announcedOn);
          const row = merged ? { ...merged, contentHash: hashRow(merged) } : fresh;
          const changed = !existing || row.contentHash !== existing.contentHash;
          if (!existing) {
            if (!counts.inserted) this.setDeferredIndexing.run(1); // indexed after the loop
            this.insert.run(row);
          } else if (changed) this.update.run(row);
          let versionsAdded = 0;
          const versions = r.versions?.length ? r.versions : r.version ? [{ version: r.version }] : [];
          for (const v of versions) {
            versionsAdded += this.insertVersion.run(
              r.id,
              v.version,
              sqlDate(v.submittedAt),
              v.size ?? null,
            ).changes;
          }
          if (!existing) counts.inserted++;
          else if (changed || versionsAdded > 0) counts.updated++;
          else counts.skipped++;
          if (this.options.queueSearch && changed) this.queueSearch.run(r.id, now);
        }
        if (counts.inserted) {
          for (const index of this.indexNewRows) index.run(rowidsBefore);
          this.setDeferredIndexing.run(0);
        }
        for (const l of listings) {
          counts.listings += this.insertListing.run(
            l.paperId,
            l.category,
            archiveOf(l.category),
            l.date,
            l.type,
            l.position,
          ).changes;
        }
        // Lists show listed papers: a paper inserted without a listing is on none yet.
        if (counts.updated || counts.listings) bumpDataVersion(this.db);
        return counts;
      })
      .immediate();
  }
}
