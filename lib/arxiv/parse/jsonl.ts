// JSON-lines sources: the Kaggle arxiv-metadata-oai-snapshot (4 GB, read as a stream) and the
// daily listing dumps (one file per announcement day, date in the file name).
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { couldBeFirstAnnouncement } from '../calendar';
import { parseArxivId } from '../ids';
import { dayOf, isIsoDay, normaliseAbstract, optional, parseDate, splitAuthors, squash } from '../text';
import type { ListingRecord, PaperRecord } from '../types';
import { listingsFor } from './listing';

const nullableText = z.string().nullish();

const kaggleSchema = z.object({
  id: z.string().min(1),
  authors: z.string(),
  title: z.string().min(1),
  comments: nullableText,
  'journal-ref': nullableText,
  doi: nullableText,
  categories: z.string().min(1),
  license: nullableText,
  abstract: z.string(),
  versions: z.array(z.object({ version: z.string().regex(/^v\d+$/), created: z.string() })).default([]),
});

const dailySchema = z.object({
  id: z.string().min(1),
  categories: z.array(z.string().min(1)).min(1),
  authors: z.array(z.string()),
  title: z.string().min(1),
  comment: nullableText,
  summary: z.string(),
});

export type JsonlFormat = 'kaggle' | 'daily';

/** A record that failed validation: its id (when readable) and why. */
export class RecordRejected extends Error {
  constructor(
    readonly id: string | undefined,
    reason: string,
  ) {
    super(reason);
  }
}

function parseJson(line: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(line);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  throw new RecordRejected(/"id"\s*:\s*"([^"]+)"/.exec(line)?.[1], 'not a JSON object');
}

function validate<T>(schema: z.ZodType<T>, obj: Record<string, unknown>): T {
  const r = schema.safeParse(obj);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new RecordRejected(
    typeof obj.id === 'string' ? obj.id : undefined,
    `${issue.path.join('.') || 'record'}: ${issue.message}`,
  );
}

function arxivIdOf(raw: string): { id: string; version?: number } {
  const parsed = parseArxivId(raw);
  if (!parsed) throw new RecordRejected(raw, 'invalid arXiv id');
  return parsed;
}

export function detectFormat(line: string): JsonlFormat {
  const obj = parseJson(line);
  return Array.isArray(obj.categories) ? 'daily' : 'kaggle';
}

export function parseKaggleLine(line: string): PaperRecord {
  const r = validate(kaggleSchema, parseJson(line));
  const { id } = arxivIdOf(r.id);
  const versions = r.versions.map((v) => ({
    version: Number(v.version.slice(1)),
    submittedAt: parseDate(v.created),
  }));
  const latest = versions.reduce<(typeof versions)[number] | undefined>(
    (a, v) => (!a || v.version > a.version ? v : a),
    undefined,
  );
  return {
    id,
    version: latest?.version ?? 1,
    title: squash(r.title),
    abstract: normaliseAbstract(r.abstract),
    authors: splitAuthors(r.authors),
    categories: squash(r.categories).split(' '),
    comments: optional(r.comments),
    journalRef: optional(r['journal-ref']),
    doi: optional(r.doi),
    license: optional(r.license),
    submittedAt: versions.find((v) => v.version === 1)?.submittedAt,
    updatedAt: latest?.submittedAt,
    asOf: dayOf(latest?.submittedAt),
    versions,
  };
}

export function parseDailyLine(
  line: string,
  date: string,
  position: number,
): { paper: PaperRecord; listings: ListingRecord[] } {
  const r = validate(dailySchema, parseJson(line));
  const { id, version } = arxivIdOf(r.id);
  const categories = r.categories.map(squash);
  return {
    paper: {
      id,
      version,
      title: squash(r.title),
      abstract: normaliseAbstract(r.summary),
      authors: r.authors.map(squash).filter(Boolean),
      categories,
      comments: optional(r.comment),
      asOf: date,
    },
    // The dump does not say which papers are replacements: first category = new, others = cross,
    // unless the id is too old for this to be the paper's first announcement.
    listings: listingsFor(
      id,
      categories,
      date,
      couldBeFirstAnnouncement(id, date) ? 'new' : 'replace',
      position,
    ),
  };
}

/** The announcement day of a daily dump, from its file name ("2026-05-05.jsonl"). */
export function dailyDumpDate(file: string): string | undefined {
  const m = /(\d{4}-\d{2}-\d{2})[^/\\]*\.jsonl?$/.exec(path.basename(file));
  return m && isIsoDay(m[1]!) ? m[1] : undefined;
}

/** Lines of a (possibly huge) file, streamed in constant memory, with their 1-based numbers. */
export async function* readLines(
  file: string,
): AsyncGenerator<{ line: string; lineNo: number; bytes: number }> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim()) yield { line, lineNo, bytes: stream.bytesRead };
  }
}
