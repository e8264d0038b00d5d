// Summary generation: one job per (paper, language) however many readers ask, a queue with a
// concurrency limit where the newest day's papers go first, progress broadcast to every
// subscriber (late joiners get a snapshot), and the result stored only when all six answers
// finished. Jobs run independently of their subscribers: a reader leaving changes nothing.
// A job has a time budget for all six answers (LLM_GENERATION_TIMEOUT_MS); an answer over the
// size limit is kept up to there, with a note. Rendered answers go out as changes: each `html`
// event says how much of the answer's previous HTML to keep and what follows it.
import { config } from '@/lib/config';
import { providerConfigured, streamChat, type ChatMessage } from '@/lib/llm/chat';
import { QUESTIONS, systemMessage, type Language } from '@/lib/llm/prompts';
import { renderMarkdown, renderStreaming } from '@/lib/render';
import { holdBackUnclosed } from '@/lib/render/scan';
import { SUMMARIES_DISABLED } from './availability';
import { budgetLeft, takeRateSlot } from './limits';
import { getSummary, paperForSummary, recordUsage, saveSummary, type Answer, type PaperForSummary, type StoredSummary } from './store';
import { paperText, type PaperText } from './text';

export type SummaryEvent =
  | { type: 'queued'; position: number }
  | { type: 'status'; stage: 'pdf' | 'llm'; note?: string }
  | { type: 'question'; index: number; q: string }
  | { type: 'delta'; index: number; text: string }
  /** The answer's HTML is now the first `keep` characters of its previous HTML, then `html`. */
  | { type: 'html'; index: number; keep: number; html: string }
  | { type: 'done' }
  | { type: 'error'; message: string };

type Listener = (e: SummaryEvent) => void;

// Re-render a growing answer at most this often (or four times as long as a render takes, so
// long answers cannot keep a core busy); the first delta renders at once.
const RENDER_INTERVAL_MS = 80;

/** Ends an answer that reached the size limit (after any formula or code block left open there). */
export const CUT_NOTE = '\n\n*[The answer was cut off here: it reached the length limit.]*';

export class SummaryJob {
  readonly listeners = new Set<Listener>();
  position = 0;
  stage: 'queued' | 'pdf' | 'llm' | 'done' | 'error' = 'queued';
  note?: string;
  readonly answers: Answer[] = [];
  readonly html: string[] = [];
  private renderTimer?: ReturnType<typeof setTimeout>;
  private lastRender = 0;
  private renderCost = 0;
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  /** The paper text, fetched and extracted from the moment the job exists: overlaps the queue wait. */
  private readonly text: Promise<PaperText>;

  constructor(readonly paper: PaperForSummary, readonly language: Language, readonly seq: number) {
    this.finished = new Promise((r) => (this.resolveFinished = r));
    this.text = paperText(paper);
  }

  get key(): string {
    return jobKey(this.paper.id, this.language);
  }

  /** Adds a listener; it first receives the job's state so far. Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    if (this.stage === 'queued') listener({ type: 'queued', position: this.position });
    else listener({ type: 'status', stage: this.stage === 'pdf' ? 'pdf' : 'llm', note: this.note });
    this.answers.forEach((a, index) => {
      listener({ type: 'question', index, q: a.q });
      if (this.html[index]) listener({ type: 'html', index, keep: 0, html: this.html[index] });
    });
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: SummaryEvent): void {
    for (const l of this.listeners) l(e);
  }

  async run(): Promise<void> {
    let tokens = 0;
    try {
      this.stage = 'pdf';
      this.emit({ type: 'status', stage: 'pdf' });
      const text = await this.text;
      this.stage = 'llm';
      this.note = text.source === 'abstract' ? `Only the title and abstract were available: ${text.note}` : text.truncated ? 'The paper was truncated to fit the model’s context.' : undefined;
      this.emit({ type: 'status', stage: 'llm', note: this.note });
      const messages: ChatMessage[] = [{ role: 'system', content: systemMessage(this.language, { ...this.paper, ...text }) }];
      const deadline = Date.now() + config().LLM_GENERATION_TIMEOUT_MS;
      let promptTokens = 0;
      let completionTokens = 0;
      for (const [index, q] of QUESTIONS[this.language].entries()) {
        this.answers.push({ q, a: '' });
        this.html.push('');
        this.emit({ type: 'question', index, q });
        messages.push({ role: 'user', content: q });
        const answer = this.answers[index]!;
        const result = await streamChat(messages, {
          deadline,
          onDelta: (piece) => {
            answer.a += piece;
            this.emit({ type: 'delta', index, text: piece });
            this.scheduleRender(index);
          },
        });
        clearTimeout(this.renderTimer);
        this.renderTimer = undefined;
        answer.a = result.cut ? holdBackUnclosed(result.text).trimEnd() + CUT_NOTE : result.text;
        this.showHtml(index, renderMarkdown(answer.a));
        messages.push({ role: 'assistant', content: answer.a });
        promptTokens += result.promptTokens;
        completionTokens += result.completionTokens;
        tokens = promptTokens + completionTokens;
      }
      saveSummary({
        paperId: this.paper.id,
        language: this.language,
        paperVersion: this.paper.version,
        model: config().LLM_MODEL,
        answers: this.answers,
        source: text.source,
        truncated: text.truncated,
        promptTokens,
        completionTokens,
      });
      this.stage = 'done';
      this.emit({ type: 'done' });
    } catch (e) {
      this.stage = 'error';
      this.emit({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      clearTimeout(this.renderTimer);
      recordUsage(0, tokens);
      this.resolveFinished();
    }
  }

  /** Sends the change from the answer's previous HTML: what to keep of it, and the rest. */
  private showHtml(index: number, html: string): void {
    const before = this.html[index] ?? '';
    const max = Math.min(before.length, html.length);
    let keep = 0;
    while (keep < max && before.charCodeAt(keep) === html.charCodeAt(keep)) keep++;
    this.html[index] = html;
    this.emit({ type: 'html', index, keep, html: html.slice(keep) });
  }

  private scheduleRender(index: number): void {
    if (this.renderTimer) return;
    const wait = Math.max(0, this.lastRender + Math.max(RENDER_INTERVAL_MS, 4 * this.renderCost) - Date.now());
    const render = () => {
      this.renderTimer = undefined;
      const answer = this.answers[index];
      if (!answer || this.stage !== 'llm') return;
      const started = performance.now();
      const html = renderStreaming(answer.a);
      this.renderCost = performance.now() - started;
      this.lastRender = Date.now();
      this.showHtml(index, html);
    };
    if (wait === 0) render();
    else this.renderTimer = setTimeout(render, wait);
  }
}

interface Queue {
  jobs: Map<string, SummaryJob>;
  waiting: SummaryJob[];
  running: number;
  seq: number;
}
// On globalThis: Next.js may load this module once per route bundle; the queue must be one.
const queue: Queue = ((globalThis as { __coolPapersSummaryQueue?: Queue }).__coolPapersSummaryQueue ??= {
  jobs: new Map(),
  waiting: [],
  running: 0,
  seq: 0,
});

const jobKey = (paperId: string, language: Language) => `${paperId}\u0000${language}`;

function announcePositions(): void {
  queue.waiting.forEach((job, i) => {
    if (job.position !== i + 1) {
      job.position = i + 1;
      job.emit({ type: 'queued', position: job.position });
    }
  });
}

function pump(): void {
  while (queue.running < config().LLM_CONCURRENCY && queue.waiting.length > 0) {
    const job = queue.waiting.shift()!;
    queue.running++;
    void job.run().finally(() => {
      queue.running--;
      queue.jobs.delete(job.key);
      pump();
    });
  }
  announcePositions();
}

function enqueue(job: SummaryJob): void {
  queue.jobs.set(job.key, job);
  // Newest day's papers before older ones; first come, first served within a priority.
  const rank = (j: SummaryJob) => (j.paper.latest ? 0 : 1);
  const at = queue.waiting.findIndex((j) => rank(j) > rank(job));
  if (at === -1) queue.waiting.push(job);
  else queue.waiting.splice(at, 0, job);
  job.position = queue.waiting.indexOf(job) + 1;
  pump();
}

export type SummaryRequest =
  | { kind: 'cached'; summary: StoredSummary }
  | { kind: 'job'; job: SummaryJob; stale?: StoredSummary }
  | { kind: 'refused'; reason: keyof typeof REFUSALS; message: string; stale?: StoredSummary };

export const REFUSALS = {
  'not-found': 'This paper is not in the database.',
  // Visitors read this; the configuration detail is logged (lib/summaries/availability.ts).
  'no-provider': SUMMARIES_DISABLED,
  'rate-limit': 'Too many new summaries requested from your address in the last hour; please try again later.',
  busy: 'The site is generating as many new summaries as it can just now; please try again in a few minutes. Summaries generated before are still shown.',
  budget: 'Today’s summary budget is used up; only summaries generated before are available until tomorrow (UTC).',
} as const;

/**
 * A cached summary, or the (new or running) generation of one. `regenerate` starts a new
 * generation even when a summary is cached (for a stale version); the old one stays served
 * until the new one is complete.
 */
export function requestSummary(
  paperId: string,
  language: Language,
  options: { client: string; regenerate?: boolean; /** Our own pre-generation: no per-client rate limit (the budget still applies). */ internal?: boolean },
): SummaryRequest {
  const cached = getSummary(paperId, language);
  if (cached && !options.regenerate) return { kind: 'cached', summary: cached };
  const running = queue.jobs.get(jobKey(paperId, language));
  if (running) return { kind: 'job', job: running, stale: cached ?? undefined };
  const paper = paperForSummary(paperId);
  const refuse = (reason: keyof typeof REFUSALS): SummaryRequest => ({ kind: 'refused', reason, message: REFUSALS[reason], stale: cached ?? undefined });
  if (!paper) return refuse('not-found');
  if (!providerConfigured()) return refuse('no-provider');
  if (!budgetLeft()) return refuse('budget');
  if (queue.jobs.size >= config().SUMMARY_MAX_PENDING) return refuse('busy');
  const limited = options.internal ? null : takeRateSlot(options.client);
  if (limited) return refuse(limited === 'client' ? 'rate-limit' : 'busy');
  recordUsage(1, 0);
  const job = new SummaryJob(paper, language, ++queue.seq);
  enqueue(job);
  return { kind: 'job', job, stale: cached ?? undefined };
}

/** The running or queued job for a paper and language, if any (for pages showing progress). */
export function currentJob(paperId: string, language: Language): SummaryJob | undefined {
  return queue.jobs.get(jobKey(paperId, language));
}
