// Public click counters (PDF opened, summary opened): the popularity signal for sorting.
import { sqlite } from '@/lib/db';

export type ClickKind = 'pdf' | 'summary';

/** Counts one click; unknown papers are ignored (the counter row needs a paper). */
export function countClick(paperId: string, kind: ClickKind): void {
  const column = kind === 'pdf' ? 'pdf' : 'summary';
  sqlite()
    .prepare(
      `INSERT INTO PaperClicks (paperId, ${column}) SELECT id, 1 FROM Paper WHERE id = ?
       ON CONFLICT (paperId) DO UPDATE SET ${column} = ${column} + 1`,
    )
    .run(paperId);
}
