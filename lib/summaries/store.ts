// Stored summaries and the daily spend, on the raw SQLite handle (the cached read is the hot path).
// Writes take the connection they run on: the request paths' writer (lib/db/writer.ts).
import type Database from 'better-sqlite3';
import { read, statement } from '@/lib/db';
import { answerList, paperForSummaryRow, summaryRow, summaryUsageRow } from '@/lib/db/rows';
import type { Language } from '@/lib/llm/prompts';

export interface Answer {
  q: string;
  a: string;
}

export interface StoredSummary {
  paperId: string;
  language: Language;
  paperVersion: number;
  /** The paper's newest known version; greater than paperVersion means the summary is stale. */
  currentVersion: number;
  model: string;
  answers: Answer[];
  source: 'pdf' | 'abstract';
  truncated: boolean;
  promptTokens: number;
  completionTokens: number;
  createdAt: string;
}

export function getSummary(
  paperId: string,
  language: Language,
  db?: Database.Database,
): StoredSummary | null {
  const row = read(
    summaryRow,
    `SELECT s.paperId, s.language, s.paperVersion, COALESCE(p.version, s.paperVersion) AS currentVersion, s.model, s.answers,
              s.source, s.truncated, s.promptTokens, s.completionTokens, s.createdAt
       FROM Summary s LEFT JOIN Paper p ON p.id = s.paperId WHERE s.paperId = ? AND s.language = ?`,
    db,
  ).get(paperId, language);
  return row ? { ...row, answers: answerList(row.answers), truncated: row.truncated === 1 } : null;
}

export function saveSummary(
  db: Database.Database,
  s: Omit<StoredSummary, 'currentVersion' | 'createdAt'>,
): void {
  statement(
    `INSERT INTO Summary (paperId, language, paperVersion, model, answers, source, truncated, promptTokens, completionTokens, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (paperId, language) DO UPDATE SET paperVersion = excluded.paperVersion, model = excluded.model,
         answers = excluded.answers, source = excluded.source, truncated = excluded.truncated,
         promptTokens = excluded.promptTokens, completionTokens = excluded.completionTokens, createdAt = excluded.createdAt`,
    db,
  ).run(
    s.paperId,
    s.language,
    s.paperVersion,
    s.model,
    JSON.stringify(s.answers),
    s.source,
    s.truncated ? 1 : 0,
    s.promptTokens,
    s.completionTokens,
    new Date().toISOString().replace('Z', '+00:00'),
  );
}

export interface PaperForSummary {
  id: string;
  version: number;
  title: string;
  abstract: string;
  /** Listed on the newest announcement day in the database: goes ahead in the queue. */
  latest: boolean;
}

export function paperForSummary(id: string): PaperForSummary | null {
  const row = read(
    paperForSummaryRow,
    `SELECT id, version, title, abstract,
              EXISTS (SELECT 1 FROM Listing l WHERE l.paperId = p.id AND l.date = (SELECT MAX(date) FROM Listing)) AS latest
       FROM Paper p WHERE id = ?`,
  ).get(id);
  return row ? { ...row, latest: row.latest === 1 } : null;
}

const today = () => new Date().toISOString().slice(0, 10);

export function usageToday(db?: Database.Database): { generations: number; tokens: number } {
  const row = read(summaryUsageRow, 'SELECT generations, tokens FROM SummaryUsage WHERE day = ?', db).get(
    today(),
  );
  return row ?? { generations: 0, tokens: 0 };
}

export function recordUsage(db: Database.Database, generations: number, tokens: number): void {
  statement(
    `INSERT INTO SummaryUsage (day, generations, tokens) VALUES (?, ?, ?)
       ON CONFLICT (day) DO UPDATE SET generations = generations + excluded.generations, tokens = tokens + excluded.tokens`,
    db,
  ).run(today(), generations, tokens);
}
