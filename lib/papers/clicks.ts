// Public click counters (PDF opened, summary opened): the popularity signal for sorting.
// A click is counted in memory and the counts go to the database in batches (one write per
// FLUSH_MS, through the request paths' writer, lib/db/writer.ts), so a click never waits for
// another process's write. The counts of the last second are lost when the process stops.
import { write } from '@/lib/db/writer';

export type ClickKind = 'pdf' | 'summary';

const FLUSH_MS = 1_000;
/** Written sooner once this many papers have clicks waiting. */
const FLUSH_ABOVE = 500;

interface ClickBuffer {
  counts: Map<string, { pdf: number; summary: number }>;
  timer?: ReturnType<typeof setTimeout>;
}
// On globalThis: route bundles of the Next.js server share one buffer.
const buffer: ClickBuffer = ((globalThis as { __coolPapersClicks?: ClickBuffer }).__coolPapersClicks ??= {
  counts: new Map(),
});

/** Counts one click; unknown papers are ignored (the counter row needs a paper). */
export function countClick(paperId: string, kind: ClickKind): void {
  const counts = buffer.counts.get(paperId) ?? { pdf: 0, summary: 0 };
  counts[kind]++;
  buffer.counts.set(paperId, counts);
  if (buffer.counts.size >= FLUSH_ABOVE) void flushClicks();
  else buffer.timer ??= setTimeout(() => void flushClicks(), FLUSH_MS);
}

/** Writes the clicks counted so far (resolves once they are stored). */
export async function flushClicks(): Promise<void> {
  clearTimeout(buffer.timer);
  buffer.timer = undefined;
  if (!buffer.counts.size) return;
  const batch = [...buffer.counts];
  buffer.counts.clear();
  await write((db) => {
    const add = db.prepare(
      `INSERT INTO PaperClicks (paperId, pdf, summary) SELECT id, ?, ? FROM Paper WHERE id = ?
       ON CONFLICT (paperId) DO UPDATE SET pdf = pdf + excluded.pdf, summary = summary + excluded.summary`,
    );
    for (const [paperId, c] of batch) add.run(c.pdf, c.summary, paperId);
  }).catch((e: unknown) => console.error(`[clicks] ${batch.length} papers' clicks not stored:`, e));
}
