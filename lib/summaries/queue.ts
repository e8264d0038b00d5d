// Summary generation: one job per (paper, language) across every process of the site however many
// readers ask (lib/summaries/jobs.ts keeps the shared rows), a queue with a site-wide concurrency
// limit where the newest day's papers go first, and progress broadcast to every subscriber (late
// joiners get a snapshot). In each process a job is one SummaryJob object its readers subscribe to:
// in the process holding the job it generates, elsewhere it follows the shared row (polling it),
// and it takes the generation over when the holder's process is gone. The result is stored only
// when all six answers finished, by the holder, once. Jobs run independently of their
// subscribers: a reader leaving changes nothing.
// A job has a time budget for all six answers (LLM_GENERATION_TIMEOUT_MS); an answer over the
// size limit is kept up to there, with a note. Rendered answers go out as changes: each `html`
// event says how much of the answer's previous HTML to keep and what follows it.
import { config } from '@/lib/config';
import { answerList } from '@/lib/db/rows';
import { write } from '@/lib/db/writer';
import { llmWorkStopped, providerConfigured, streamChat, type ChatMessage } from '@/lib/llm/chat';
import { QUESTIONS, systemMessage, type Language } from '@/lib/llm/prompts';
import { renderMarkdown, renderStreaming } from '@/lib/render';
import { holdBackUnclosed } from '@/lib/render/scan';
import { SUMMARIES_DISABLED } from './availability';
import {
  abandonJob,
  claimJob,
  failJob,
  finishJob,
  jobKey,
  jobLive,
  JOB_HEARTBEAT_MS,
  queuePosition,
  readJob,
  renewJob,
  saveProgress,
  scheduleJobs,
  type ClaimRequest,
  type JobRow,
} from './jobs';
import {
  getSummary,
  paperForSummary,
  recordUsage,
  type Answer,
  type PaperForSummary,
  type StoredSummary,
} from './store';
import type { SummaryEvent } from './events';
import { paperText, type PaperText } from './text';

export type { SummaryEvent };

type Listener = (e: SummaryEvent) => void;

// Re-render a growing answer at most this often (or four times as long as a render takes, so
// long answers cannot keep a core busy); the first delta renders at once.
const RENDER_INTERVAL_MS = 80;
/** How often followers read the shared row, and holders look whether the queue reached their jobs. */
const POLL_MS = 250;
/** How often a holder writes the answers so far for readers in other processes. */
const PROGRESS_MS = 250;

/** Ends an answer that reached the size limit (after any formula or code block left open there). */
export const CUT_NOTE = '\n\n*[The answer was cut off here: it reached the length limit.]*';

type Stage = 'queued' | 'pdf' | 'llm' | 'done' | 'error';

export class SummaryJob {
  readonly listeners = new Set<Listener>();
  position = 0;
  stage: Stage = 'queued';
  note?: string;
  readonly answers: Answer[] = [];
  readonly html: string[] = [];
  /** Answers whose final HTML was shown (complete). */
  private complete = 0;
  private renderTimer?: ReturnType<typeof setTimeout>;
  private lastRender = 0;
  private renderCost = 0;
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  /** While this process holds the job: its token, the paper text (fetched from the moment the job is ours, overlapping the queue wait), and the switch that stops the generation. */
  private token?: string;
  private text?: Promise<PaperText>;
  private abort?: AbortController;
  private started = false;
  /** While following: the last revision of the shared row shown, and the holder's token then. */
  private rev = -1;
  private followedToken?: string;
  private progress: { timer?: ReturnType<typeof setTimeout>; writing: boolean; dirty: boolean } = {
    writing: false,
    dirty: false,
  };

  constructor(
    readonly paper: PaperForSummary,
    readonly language: Language,
  ) {
    this.finished = new Promise((r) => (this.resolveFinished = r));
  }

  get key(): string {
    return jobKey(this.paper.id, this.language);
  }

  /** True while this process generates it (it holds the job); false while it follows another process. */
  get holding(): boolean {
    return this.token !== undefined;
  }

  get ended(): boolean {
    return this.stage === 'done' || this.stage === 'error';
  }

  /** The complete answers' text and final HTML (renderMarkdown of that text): once done, of what was stored. */
  get rendered(): Array<{ a: string; html: string }> {
    return this.answers
      .slice(0, this.complete)
      .map((answer, index) => ({ a: answer.a, html: this.html[index]! }));
  }

  /** Adds a listener; it first receives the job's state so far. Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    if (this.stage === 'queued') listener({ type: 'queued', position: this.position });
    else if (this.stage === 'pdf' || this.stage === 'llm')
      listener({ type: 'status', stage: this.stage, note: this.note });
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

  setPosition(position: number): void {
    if (this.stage !== 'queued' || position === this.position) return;
    this.position = position;
    this.emit({ type: 'queued', position });
  }

  private setStage(stage: 'pdf' | 'llm', note?: string): void {
    if (this.stage === stage && this.note === note) return;
    this.stage = stage;
    this.note = note;
    this.emit({ type: 'status', stage, note });
  }

  private addQuestion(q: string): number {
    const index = this.answers.push({ q, a: '' }) - 1;
    this.html.push('');
    this.emit({ type: 'question', index, q });
    return index;
  }

  /** New text of the answer being written: sent raw, and rendered again soon. */
  private extend(index: number, piece: string): void {
    this.answers[index]!.a += piece;
    this.emit({ type: 'delta', index, text: piece });
    this.scheduleRender(index);
  }

  /** The answer is complete: its final HTML. */
  private completeAnswer(index: number, text: string): void {
    clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.answers[index]!.a = text;
    this.showHtml(index, renderMarkdown(text));
    this.complete = index + 1;
  }

  private end(stage: 'done' | 'error', message?: string): void {
    clearTimeout(this.renderTimer);
    clearTimeout(this.progress.timer);
    this.stage = stage;
    this.emit(stage === 'done' ? { type: 'done' } : { type: 'error', message: message ?? 'unknown error' });
    this.resolveFinished();
    registry.jobs.delete(this.key);
    requestPump();
  }

  /** Clears what was shown (a generation taken over starts again). */
  private restart(): void {
    clearTimeout(this.renderTimer);
    this.renderTimer = undefined;
    this.html.forEach((_, index) => this.emit({ type: 'html', index, keep: 0, html: '' }));
    this.answers.length = 0;
    this.html.length = 0;
    this.complete = 0;
    this.stage = 'queued';
    this.note = undefined;
  }

  // ---- holding: this process generates ----

  /** The job is now this process's (`token`): fetch the paper text at once; generation starts when the queue reaches it. */
  hold(token: string): void {
    if (this.answers.length) this.restart();
    this.token = token;
    this.started = false;
    this.abort = new AbortController();
    this.text = paperText(this.paper);
  }

  /** The queue reached the job (scheduleJobs marked it running). */
  start(token: string): void {
    if (this.started || this.token !== token) return;
    this.started = true;
    void this.run(token);
  }

  private async run(token: string): Promise<void> {
    let tokens = 0;
    try {
      this.setStage('pdf');
      this.saveProgressSoon();
      const text = await this.text!;
      const note =
        text.source === 'abstract'
          ? `Only the title and abstract were available: ${text.note}`
          : text.truncated
            ? 'The paper was truncated to fit the model’s context.'
            : undefined;
      this.setStage('llm', note);
      this.saveProgressSoon();
      const messages: ChatMessage[] = [
        { role: 'system', content: systemMessage(this.language, { ...this.paper, ...text }) },
      ];
      const deadline = Date.now() + config().LLM_GENERATION_TIMEOUT_MS;
      let promptTokens = 0;
      let completionTokens = 0;
      for (const q of QUESTIONS[this.language]) {
        const index = this.addQuestion(q);
        messages.push({ role: 'user', content: q });
        const result = await streamChat(messages, {
          deadline,
          signal: this.abort!.signal,
          onDelta: (piece) => {
            this.extend(index, piece);
            this.saveProgressSoon();
          },
        });
        this.completeAnswer(
          index,
          result.cut ? holdBackUnclosed(result.text).trimEnd() + CUT_NOTE : result.text,
        );
        messages.push({ role: 'assistant', content: this.answers[index]!.a });
        promptTokens += result.promptTokens;
        completionTokens += result.completionTokens;
        tokens = promptTokens + completionTokens;
      }
      const summary = {
        paperId: this.paper.id,
        language: this.language,
        paperVersion: this.paper.version,
        model: config().LLM_MODEL,
        answers: this.answers,
        source: text.source,
        truncated: text.truncated,
        promptTokens,
        completionTokens,
      };
      if (await write((db) => finishJob(db, token, summary))) return this.end('done');
      this.follow(); // taken over meanwhile (this process was presumed gone): the new holder's result counts
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (this.token !== token) return; // the job was lost meanwhile and is being followed
      if (llmWorkStopped()) {
        // Shutting down: another process takes the job over at once.
        await write((db) => abandonJob(db, token)).catch(() => {});
        return this.end('error', message);
      }
      const failed = await write((db) => {
        recordUsage(db, 0, tokens);
        return failJob(db, token, message);
      }).catch(() => false);
      if (failed) this.end('error', message);
      else this.follow();
    }
  }

  /** Writes the progress for followers: at once when idle, else at most every PROGRESS_MS. */
  private saveProgressSoon(): void {
    const p = this.progress;
    p.dirty = true;
    if (p.writing || p.timer) return;
    p.timer = setTimeout(() => void this.writeProgress(), PROGRESS_MS);
  }

  private async writeProgress(): Promise<void> {
    const p = this.progress;
    p.timer = undefined;
    const token = this.token;
    if (!token || !p.dirty || this.ended || (this.stage !== 'pdf' && this.stage !== 'llm')) return;
    p.dirty = false;
    p.writing = true;
    const snapshot = {
      stage: this.stage,
      note: this.note ?? null,
      answers: this.answers.map((a) => ({ ...a })),
    };
    const stillOurs = await write((db) => saveProgress(db, token, snapshot)).catch(() => true);
    p.writing = false;
    if (!stillOurs) return this.lose(token);
    if (p.dirty) this.saveProgressSoon();
  }

  /** Renews the heartbeat; a job no longer ours (another process took it over) is followed from then on. */
  async beat(): Promise<void> {
    const token = this.token;
    if (!token) return;
    if (!(await write((db) => renewJob(db, token)).catch(() => true))) this.lose(token);
  }

  private lose(token: string): void {
    if (this.token !== token) return;
    this.abort?.abort();
    this.follow();
  }

  // ---- following: another process generates ----

  follow(): void {
    this.followedToken = this.token;
    this.token = undefined;
    this.abort = undefined;
    this.rev = -1;
    clearTimeout(this.progress.timer);
    this.progress = { writing: false, dirty: false };
    ensureTimer();
  }

  /** Shows what the shared row says; takes the generation over when its holder is gone. */
  async poll(now = Date.now()): Promise<void> {
    if (this.holding || this.ended) return;
    const row = readJob(this.paper.id, this.language);
    if (!row)
      return this.end(
        getSummary(this.paper.id, this.language) ? 'done' : 'error',
        'the generation was cancelled',
      );
    if (row.rev !== this.rev) this.apply(row, now);
    if (this.ended || jobLive(row, now) || (row.state !== 'queued' && row.state !== 'running')) return;
    const claim = await write((db) =>
      claimJob(db, { ...claimRequest(this.paper, this.language, 'takeover'), takeover: row.token }),
    );
    if (claim.kind === 'mine' && !this.holding && !this.ended) {
      this.hold(claim.token);
      requestPump();
    }
  }

  private apply(row: JobRow, now: number): void {
    this.rev = row.rev;
    // A new holder (one that took over) starts again from the first question.
    if (this.followedToken !== undefined && row.token !== this.followedToken) this.restart();
    this.followedToken = row.token;
    if (row.state === 'queued')
      return this.setPosition(Math.max(1, queuePosition(this.paper.id, this.language, undefined, now)));
    if (row.stage) this.setStage(row.stage, row.note ?? undefined);
    const answers = answerList(row.answers);
    answers.forEach((a, index) => {
      if (index >= this.answers.length) this.addQuestion(a.q);
      if (index < this.complete) return;
      const shown = this.answers[index]!.a;
      if (!a.a.startsWith(shown)) {
        this.answers[index]!.a = a.a; // the holder's final form of a cut answer
        this.scheduleRender(index);
      } else if (a.a.length > shown.length) this.extend(index, a.a.slice(shown.length));
      if (index < answers.length - 1 || row.state === 'done') this.completeAnswer(index, a.a);
    });
    if (row.state === 'done') this.end('done');
    else if (row.state === 'error') this.end('error', row.error ?? 'unknown error');
  }

  // ---- rendering ----

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
    const wait = Math.max(
      0,
      this.lastRender + Math.max(RENDER_INTERVAL_MS, 4 * this.renderCost) - Date.now(),
    );
    const render = () => {
      this.renderTimer = undefined;
      const answer = this.answers[index];
      if (!answer || this.stage !== 'llm' || index < this.complete) return;
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

interface Registry {
  /** This process's jobs (holding or following), by jobKey. */
  jobs: Map<string, SummaryJob>;
  /** Claims in flight, so concurrent requests in this process make one claim. */
  claims: Map<string, Promise<SummaryRequest>>;
  timer?: ReturnType<typeof setInterval>;
  lastBeat: number;
  pumping: boolean;
  pumpAgain: boolean;
}
// On globalThis: Next.js may load this module once per route bundle; the registry must be one.
const registry: Registry = ((globalThis as { __coolPapersSummaryJobs?: Registry }).__coolPapersSummaryJobs ??=
  {
    jobs: new Map(),
    claims: new Map(),
    lastBeat: 0,
    pumping: false,
    pumpAgain: false,
  });

/** Starts this process's jobs the queue reached and updates the positions of those waiting. */
function requestPump(): void {
  if (registry.pumping) {
    registry.pumpAgain = true;
    return;
  }
  if (![...registry.jobs.values()].some((j) => j.holding && j.stage === 'queued')) return;
  registry.pumping = true;
  void write((db) => scheduleJobs(db))
    .then(({ start, positions }) => {
      for (const s of start) registry.jobs.get(s.key)?.start(s.token);
      for (const [key, position] of positions) registry.jobs.get(key)?.setPosition(position);
    })
    .catch((e: unknown) => console.error('[summaries] queue:', e))
    .finally(() => {
      registry.pumping = false;
      if (registry.pumpAgain) {
        registry.pumpAgain = false;
        requestPump();
      }
    });
}

/** While the process has jobs: follow the shared rows, look at the queue, renew heartbeats. */
function tick(): void {
  if (!registry.jobs.size) {
    clearInterval(registry.timer);
    registry.timer = undefined;
    return;
  }
  const now = Date.now();
  const beat = now - registry.lastBeat >= JOB_HEARTBEAT_MS;
  if (beat) registry.lastBeat = now;
  for (const job of registry.jobs.values()) {
    if (job.holding) {
      if (beat) void job.beat();
    } else void job.poll(now).catch((e: unknown) => console.error('[summaries] following a generation:', e));
  }
  requestPump();
}

function ensureTimer(): void {
  registry.timer ??= setInterval(tick, POLL_MS);
}

export type SummaryRequest =
  | { kind: 'cached'; summary: StoredSummary }
  | { kind: 'job'; job: SummaryJob; stale?: StoredSummary }
  | { kind: 'refused'; reason: keyof typeof REFUSALS; message: string; stale?: StoredSummary };

export const REFUSALS = {
  'not-found': 'This paper is not in the database.',
  // Visitors read this; the configuration detail is logged (lib/summaries/availability.ts).
  'no-provider': SUMMARIES_DISABLED,
  'rate-limit':
    'Too many new summaries requested from your address in the last hour; please try again later.',
  busy: 'The site is generating as many new summaries as it can just now; please try again in a few minutes. Summaries generated before are still shown.',
  budget:
    'Today’s summary budget is used up; only summaries generated before are available until tomorrow (UTC).',
} as const;

interface RequestOptions {
  client: string;
  regenerate?: boolean;
  /** Our own pre-generation: no per-client rate limit (the budget still applies). */
  internal?: boolean;
}

const claimRequest = (
  paper: PaperForSummary,
  language: Language,
  client: string,
  options: Omit<RequestOptions, 'client'> = {},
): ClaimRequest => ({
  paperId: paper.id,
  language,
  client,
  latest: paper.latest,
  regenerate: options.regenerate,
  internal: options.internal,
});

/** A job object of this process for the paper, registered, following or holding. */
function register(paper: PaperForSummary, language: Language, token?: string): SummaryJob {
  const job = new SummaryJob(paper, language);
  registry.jobs.set(job.key, job);
  if (token) job.hold(token);
  else job.follow();
  ensureTimer();
  return job;
}

async function claim(
  paperId: string,
  language: Language,
  options: RequestOptions,
  stale: StoredSummary | undefined,
): Promise<SummaryRequest> {
  const refuse = (reason: keyof typeof REFUSALS): SummaryRequest => ({
    kind: 'refused',
    reason,
    message: REFUSALS[reason],
    stale,
  });
  const paper = paperForSummary(paperId);
  if (!paper) return refuse('not-found');
  if (!providerConfigured()) return refuse('no-provider');
  // Another process generating it: follow without taking the write lock.
  const seen = readJob(paperId, language);
  if (seen && jobLive(seen)) return { kind: 'job', job: register(paper, language), stale };
  const claimed = await write((db) => claimJob(db, claimRequest(paper, language, options.client, options)));
  if (claimed.kind === 'refused') return refuse(claimed.reason);
  if (claimed.kind === 'cached') {
    const summary = getSummary(paperId, language);
    if (summary) return { kind: 'cached', summary };
  }
  const job = register(paper, language, claimed.kind === 'mine' ? claimed.token : undefined);
  if (job.holding) {
    // Starts at once when a slot is free (as a single process would), else says where it waits.
    const { start, positions } = await write((db) => scheduleJobs(db));
    for (const s of start) registry.jobs.get(s.key)?.start(s.token);
    for (const [key, position] of positions) registry.jobs.get(key)?.setPosition(position);
  } else await job.poll();
  return { kind: 'job', job, stale };
}

/**
 * A cached summary, or the (new or running, in this process or another) generation of one.
 * `regenerate` starts a new generation even when a summary is cached (for a stale version); the
 * old one stays served until the new one is complete.
 */
export async function requestSummary(
  paperId: string,
  language: Language,
  options: RequestOptions,
): Promise<SummaryRequest> {
  const cached = getSummary(paperId, language);
  if (cached && !options.regenerate) return { kind: 'cached', summary: cached };
  const stale = cached ?? undefined;
  const key = jobKey(paperId, language);
  const local = registry.jobs.get(key);
  if (local) return { kind: 'job', job: local, stale };
  const pending = registry.claims.get(key);
  if (pending) {
    const shared = await pending;
    // Refused for its own client: this reader's client may still have room.
    if (!(shared.kind === 'refused' && shared.reason === 'rate-limit')) return shared;
  }
  const mine = claim(paperId, language, options, stale);
  registry.claims.set(key, mine);
  try {
    return await mine;
  } finally {
    if (registry.claims.get(key) === mine) registry.claims.delete(key);
  }
}

/**
 * Where the generation of a summary stands across the site (for pages showing progress without
 * JavaScript): its stage, its place in the queue, and how many answers were started.
 */
export function jobProgress(
  paperId: string,
  language: Language,
): { stage: 'queued' | 'pdf' | 'llm'; position: number; answered: number } | undefined {
  const local = registry.jobs.get(jobKey(paperId, language));
  if (local && !local.ended)
    return {
      stage: local.stage === 'queued' ? 'queued' : local.stage === 'llm' ? 'llm' : 'pdf',
      position: local.position,
      answered: local.answers.length,
    };
  const row = readJob(paperId, language);
  if (!row || !jobLive(row)) return undefined;
  if (row.state === 'queued')
    return { stage: 'queued', position: Math.max(1, queuePosition(paperId, language)), answered: 0 };
  return { stage: row.stage ?? 'pdf', position: 0, answered: answerList(row.answers).length };
}
