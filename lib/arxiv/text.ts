// Text and date helpers shared by the parsers. Text is kept exactly (LaTeX, Unicode); only
// whitespace is normalised.

/** Collapses all whitespace to single spaces: for titles, names, comments. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Abstracts: arXiv wraps lines with "\n" and starts a new paragraph with "\n" plus indentation.
 * Paragraphs are kept (joined by "\n"), everything else collapses to single spaces.
 */
export function normaliseAbstract(s: string): string {
  return s
    .trim()
    .split(/\n[ \t]+/)
    .map(squash)
    .filter(Boolean)
    .join('\n');
}

/** Optional text field: whitespace-normalised, empty becomes null. */
export function optional(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const v = squash(s);
  return v === '' ? null : v;
}

/**
 * Splits an author string ("A, B and C", "A, B, C") at top-level separators only, so
 * affiliations in parentheses ("X (MIT, USA)") stay with their author.
 */
export function splitAuthors(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const flush = () => {
    const name = squash(cur);
    if (name) out.push(name);
    cur = '';
  };
  const text = s.replace(/\s+/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if ((ch === ')' || ch === '}' || ch === ']') && depth > 0) depth--;
    if (depth === 0 && ch === ',') {
      flush();
      continue;
    }
    if (depth === 0 && text.startsWith(' and ', i)) {
      flush();
      i += 4;
      continue;
    }
    cur += ch;
  }
  flush();
  return out;
}

/** Minimal HTML to text for arXiv's legacy feeds (tags dropped, entities decoded). */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const k = e.toLowerCase();
      if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
      if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[k]!;
    });
}

export function parseDate(s: unknown): Date | undefined {
  if (typeof s !== 'string' || !s.trim()) return undefined;
  const d = new Date(s.trim());
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * The announcement day a feed timestamp stands for, read in the timestamp's own offset
 * (arXiv dates its feeds in US/Eastern). A mailing sent at 20:00 or later belongs to the
 * next day's listing, as on arXiv's own pages.
 */
export function announcementDay(stamp: string): string | undefined {
  const s = stamp.trim();
  let y: number, mo: number, d: number, h: number;
  const rfc = /^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})\s+(\d{2}):/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):)?/.exec(s);
  if (rfc) {
    const m = MONTHS[rfc[2]!.toLowerCase()];
    if (!m) return undefined;
    [y, mo, d, h] = [Number(rfc[3]), m, Number(rfc[1]), Number(rfc[4])];
  } else if (iso) {
    [y, mo, d, h] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0)];
  } else return undefined;
  const day = new Date(Date.UTC(y, mo - 1, d + (h >= 20 ? 1 : 0)));
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString().slice(0, 10);
}

export function dayOf(d: Date | undefined): string | undefined {
  return d?.toISOString().slice(0, 10);
}

export function isIsoDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}
