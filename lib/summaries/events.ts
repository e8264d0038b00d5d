// The summary stream's events, in one place for both sides: the generation (queue.ts) emits
// SummaryEvent, /api/summary streams StreamEvent, and the browser panel reads it. Types only, so
// the panel imports no server code.
import type { SummaryView } from './view';

export type SummaryEvent =
  | { type: 'queued'; position: number }
  | { type: 'status'; stage: 'pdf' | 'llm'; note?: string }
  | { type: 'question'; index: number; q: string }
  | { type: 'delta'; index: number; text: string }
  /** The answer's HTML is now the first `keep` characters of its previous HTML, then `html`. */
  | { type: 'html'; index: number; keep: number; html: string }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** What a reader receives: the generation's events, its end as the stored summary, or a refusal. */
export type StreamEvent =
  | Exclude<SummaryEvent, { type: 'done' }>
  | { type: 'summary'; summary: SummaryView }
  | { type: 'refused'; reason: string; message: string };
