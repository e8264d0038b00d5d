// What pages, cards and feeds show of a paper: one shape for lists, paper pages and search hits.
import { sqlite } from '@/lib/db';
import { write } from '@/lib/db/writer';
import { RENDER_VERSION, plainText, renderInline } from '@/lib/render';
import { renderStored, saveRendered } from './prerender';
import { paperViewRow, type PaperViewRow as PaperRow } from '@/lib/db/rows';

export interface PaperView {
  id: string;
  version: number;
  /** As stored: TeX, accents as Unicode. */
  title: string;
  /** Plain text for places that cannot typeset (tab titles, feeds, citations): lib/render/plain. */
  titleText: string;
  /** Sanitised HTML with typeset maths. */
  titleHtml: string;
  abstract: string;
  abstractHtml: string;
  authors: string[];
  /** Primary first. */
  categories: string[];
  primaryCategory: string;
  comments: string | null;
  /** Comments as HTML when they carry maths ("Keywords: $SO(3)$, …"), else null. */
  commentsHtml: string | null;
  journalRef: string | null;
  doi: string | null;
  /** ISO timestamps. */
  submittedAt: string | null;
  updatedAt: string | null;
  /** First announcement day (YYYY-MM-DD), when a listing gave it. */
  announcedOn: string | null;
  clicks: { pdf: number; summary: number };
  /** A summary is stored for it (in any language). */
  hasSummary: boolean;
  /** Set by daily lists: how this paper was listed on the page's day. */
  listing?: { date: string; type: string; category: string };
}

// Prisma's SQLite adapter stores DateTime as "2007-04-02T19:18:42.000+00:00"; pages want ISO Z.
const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

function parseAuthors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Renders papers whose stored HTML is missing or from an older renderer, and stores it once,
 * through the request paths' writer (never waiting for the write lock while serving).
 */
function ensureRendered(rows: PaperRow[]): void {
  const stale = new Map(
    rows
      .filter((r) => r.titleHtml === null || r.abstractHtml === null || r.renderVersion < RENDER_VERSION)
      .map((r) => [r.id, r]),
  );
  if (!stale.size) return;
  const rendered = renderStored(sqlite(), [...stale.keys()]);
  for (const { view } of rendered.out) Object.assign(stale.get(view.id)!, view);
  write((db) => saveRendered(db, rendered)).catch((e: unknown) =>
    console.error('[render] saving rendered papers:', e),
  );
}

export interface LoadOptions {
  /** Feeds want plain text only; skipping rendering keeps them cheap. Default true. */
  render?: boolean;
}

/** Papers by id, in the order of `ids`; unknown ids are left out. */
export async function loadPaperViews(ids: string[], options: LoadOptions = {}): Promise<PaperView[]> {
  if (!ids.length) return [];
  const rows: PaperRow[] = [];
  // SQLite caps bound parameters; 500 per query stays far below.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    rows.push(
      ...sqlite()
        .prepare(
          `SELECT p.id, p.version, p.title, p.abstract, p.authors, p.primaryCategory, p.categories, p.comments,
                  p.journalRef, p.doi, p.submittedAt, p.updatedAt, p.announcedOn, p.titleHtml, p.abstractHtml, p.renderVersion,
                  c.pdf, c.summary, EXISTS (SELECT 1 FROM Summary s WHERE s.paperId = p.id) AS hasSummary
           FROM Paper p LEFT JOIN PaperClicks c ON c.paperId = p.id
           WHERE p.id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk)
        .map(paperViewRow),
    );
  }
  if (options.render ?? true) ensureRendered(rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toView(r)] : [];
  });
}

function toView(r: PaperRow): PaperView {
  const categories = r.categories.split(/\s+/).filter(Boolean);
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    titleText: plainText(r.title),
    titleHtml: r.titleHtml ?? '',
    abstract: r.abstract,
    abstractHtml: r.abstractHtml ?? '',
    authors: parseAuthors(r.authors),
    categories: [r.primaryCategory, ...categories.filter((c) => c !== r.primaryCategory)],
    primaryCategory: r.primaryCategory,
    comments: r.comments,
    // Comments are TeX too (maths, \\url, --, ~); those with none of it are shown as they are.
    commentsHtml:
      r.comments && /[$\\~`'{}]|--|https?:/.test(r.comments)
        ? renderInline(r.comments, { links: true })
        : null,
    journalRef: r.journalRef,
    doi: r.doi,
    submittedAt: iso(r.submittedAt),
    updatedAt: iso(r.updatedAt),
    announcedOn: r.announcedOn,
    clicks: { pdf: r.pdf ?? 0, summary: r.summary ?? 0 },
    hasSummary: r.hasSummary === 1,
  };
}
