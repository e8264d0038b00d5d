// A day's list for a spec (see spec.ts), the heart of /arxiv/<spec>.
//
// Order: sections new → cross → replace (arXiv's "replace" and "replace-cross" together).
// A paper listed in several categories of the spec appears once, in its best section
// (new beats cross beats replace). Within a section: by the smallest Listing.position among the
// paper's listings of that section's type(s), then by paper id.
import { arxivDataVersion, sqlite } from '@/lib/db';
import { dayCountRow, listingEntryRow } from '@/lib/db/rows';
import { termPatterns, termScope } from '@/lib/arxiv/taxonomy';
import type { ListSpec } from './spec';

export type Section = 'new' | 'cross' | 'replace';
export const SECTIONS: readonly Section[] = ['new', 'cross', 'replace'];
export const SECTION_TITLES: Record<Section, string> = {
  new: 'New submissions',
  cross: 'Cross-lists',
  replace: 'Replacements',
};

const sectionOf = (type: string): Section =>
  type === 'new' ? 'new' : type === 'cross' ? 'cross' : 'replace';

export interface DayEntry {
  id: string;
  section: Section;
  /** The listing that put the paper in its section (first by position). */
  category: string;
  type: string;
}

export interface DayList {
  date: string | null;
  entries: DayEntry[];
  counts: Record<Section, number>;
  prev: string | null;
  next: string | null;
  /** Every day with papers for this spec, oldest first. */
  days: { date: string; count: number }[];
}

/**
 * SQL condition (alias l = Listing, p = Paper) and its parameters for a spec. Terms cover both
 * spellings of merged categories (lib/arxiv/taxonomy.ts termScope).
 */
function specWhere(spec: ListSpec): { sql: string; params: string[] } {
  const params: string[] = [];
  const inc = spec.include.map((t) => {
    const { archive, categories } = termScope(t);
    params.push(...(archive ? [archive] : []), ...categories);
    const inCategories = `l.category IN (${categories.map(() => '?').join(', ')})`;
    return archive ? `(l.archive = ? OR ${inCategories})` : inCategories;
  });
  // Exclusion looks at all of the paper's categories, space-padded so "cs.CY" never matches "cs.CYX".
  const exc = spec.exclude.flatMap(termPatterns).map((pattern) => {
    params.push(pattern);
    return `(' ' || p.categories || ' ') LIKE ?`;
  });
  const sql = `(${inc.join(' OR ')})` + (exc.length ? ` AND NOT (${exc.join(' OR ')})` : '');
  return { sql, params };
}

// Lists only change when arXiv data does (not on clicks or pre-render saves): see arxivDataVersion.
const cache = new Map<string, unknown>();
const CACHE_SIZE = 200;

function cached<T>(key: string, compute: () => T): T {
  const full = `${arxivDataVersion()} ${key}`;
  if (cache.has(full)) return cache.get(full) as T;
  const value = compute();
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(full, value);
  return value;
}

/** Days with papers for a spec, with distinct paper counts, oldest first. */
export function specDays(spec: ListSpec): { date: string; count: number }[] {
  return cached(`days ${JSON.stringify(spec)}`, () => queryDays(spec));
}

function queryDays(spec: ListSpec): { date: string; count: number }[] {
  const { sql, params } = specWhere(spec);
  return sqlite()
    .prepare(
      `SELECT l.date AS date, COUNT(DISTINCT l.paperId) AS count
       FROM Listing l JOIN Paper p ON p.id = l.paperId WHERE ${sql} GROUP BY l.date ORDER BY l.date`,
    )
    .all(...params)
    .map(dayCountRow);
}

/** The list for `date` (default: the latest day with papers for the spec). */
export function dayList(spec: ListSpec, date?: string): DayList {
  return cached(`list ${JSON.stringify(spec)} ${date ?? ''}`, () => queryList(spec, date));
}

function queryList(spec: ListSpec, date?: string): DayList {
  const days = specDays(spec);
  const day = date ?? days.at(-1)?.date ?? null;
  const counts: Record<Section, number> = { new: 0, cross: 0, replace: 0 };
  const empty = { date: day, entries: [], counts, prev: null, next: null, days };
  if (!day) return empty;
  const { sql, params } = specWhere(spec);
  const rows = sqlite()
    .prepare(
      `SELECT l.paperId AS id, l.category AS category, l.type AS type, l.position AS position
       FROM Listing l JOIN Paper p ON p.id = l.paperId WHERE l.date = ? AND ${sql}`,
    )
    .all(day, ...params)
    .map(listingEntryRow);

  const best = new Map<string, { entry: DayEntry; position: number }>();
  for (const r of rows) {
    const section = sectionOf(r.type);
    const seen = best.get(r.id);
    const rank = SECTIONS.indexOf(section);
    if (
      !seen ||
      rank < SECTIONS.indexOf(seen.entry.section) ||
      (rank === SECTIONS.indexOf(seen.entry.section) && r.position < seen.position)
    ) {
      best.set(r.id, {
        entry: { id: r.id, section, category: r.category, type: r.type },
        position: r.position,
      });
    }
  }
  const sorted = [...best.values()].sort(
    (a, b) =>
      SECTIONS.indexOf(a.entry.section) - SECTIONS.indexOf(b.entry.section) ||
      a.position - b.position ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
  const entries = sorted.map((s) => s.entry);
  for (const e of entries) counts[e.section]++;
  const index = days.findIndex((d) => d.date >= day);
  const exact = days[index]?.date === day;
  return {
    ...empty,
    entries,
    prev: (index === -1 ? days.at(-1)?.date : days[index - 1]?.date) ?? null,
    next: (index === -1 ? undefined : days[exact ? index + 1 : index]?.date) ?? null,
  };
}
