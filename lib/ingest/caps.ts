// Stored fields are bounded (lib/render/limits.ts FIELD_CAPS, well above anything arXiv sends):
// an import file with an 80 KB abstract or a million authors is cut, visibly, and the run says so.
import type { PaperRecord } from '@/lib/arxiv/types';
import { CUT_MARKER, FIELD_CAPS } from '@/lib/render/limits';

/** The first `max` characters (marker included), never splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  let end = Math.max(0, max - CUT_MARKER.length);
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + CUT_MARKER;
}

/** The record within FIELD_CAPS, and a note per field that had to be cut. */
export function capPaper(record: PaperRecord): { record: PaperRecord; cuts: string[] } {
  const cuts: string[] = [];
  const cap = <T extends string | null | undefined>(field: string, value: T, max: number): T => {
    if (typeof value !== 'string' || value.length <= max) return value;
    cuts.push(`${field} cut to ${max} of ${value.length} characters`);
    return cutText(value, max) as T;
  };
  let authors = record.authors;
  const longNames = authors.filter((a) => a.length > FIELD_CAPS.authorName).length;
  if (longNames) {
    cuts.push(`${longNames} author name(s) cut to ${FIELD_CAPS.authorName} characters`);
    authors = authors.map((a) => (a.length > FIELD_CAPS.authorName ? cutText(a, FIELD_CAPS.authorName) : a));
  }
  let chars = 0;
  const kept = authors.findIndex(
    (a, i) => (chars += a.length) > FIELD_CAPS.authorsChars || i >= FIELD_CAPS.authors,
  );
  if (kept >= 0) {
    cuts.push(`authors cut to ${kept} of ${authors.length}`);
    authors = [...authors.slice(0, kept), `[…] (${authors.length - kept} more authors)`];
  }
  const capped: PaperRecord = {
    ...record,
    title: cap('title', record.title, FIELD_CAPS.title),
    abstract: cap('abstract', record.abstract, FIELD_CAPS.abstract),
    authors,
    comments: cap('comments', record.comments, FIELD_CAPS.comments),
    journalRef: cap('journalRef', record.journalRef, FIELD_CAPS.journalRef),
    doi: cap('doi', record.doi, FIELD_CAPS.doi),
    license: cap('license', record.license, FIELD_CAPS.license),
  };
  return { record: capped, cuts };
}
