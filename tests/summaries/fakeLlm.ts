// A loopback stand-in for an OpenAI-compatible provider and for arXiv's PDF host, speaking the
// real wire formats: Chat Completions SSE (`data: {chunk}` lines, usage chunk, `data: [DONE]`),
// OpenAI error bodies, 429/503 with Retry-After, `max_tokens` ending an answer with
// finish_reason "length", a stream that stops half-way, TCP resets before the response or in the
// middle of an answer, and answers of any size (also from a provider that ignores max_tokens).
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { resetConfig } from '@/lib/config';
import { startServer, type TestServer } from '../helpers/http';

/**
 * 'cut': the connection closes half-way through the second answer; 'reset': the connection is reset
 * before any response (failuresLeft times); 'reset-stream': reset half-way through an answer.
 * 'reset' and 'reset-stream' act on the question numbered `atQuestion` (0: any).
 */
export type Mode = 'normal' | 'error' | 'rate-limit' | 'server-error' | 'cut' | 'reset' | 'reset-stream';

export interface FakeLlm extends TestServer {
  /** Chat requests received, in order (messages as sent). */
  requests: Array<{
    model: string;
    messages: Array<{ role: string; content: string }>;
    stream: boolean;
    max_tokens?: number;
  }>;
  pdfRequests: string[];
  mode: Mode;
  /** How many more requests the 'rate-limit', 'server-error' and 'reset' modes fail before answering. */
  failuresLeft: number;
  /** Retry-After sent with 429 and 503 (null: none). */
  retryAfter: string | null;
  atQuestion: number;
  /** Answers of this many characters instead of fakeAnswer() (0: off), one token = 16 characters. */
  answerChars: number;
  /** Keep streaming past max_tokens, as a broken or hostile provider would. */
  ignoreMaxTokens: boolean;
  /** Answers fully written to the client (a client that hung up stops the stream). */
  finishedAnswers: number;
  tokenDelayMs: number;
  /** Delay before the response headers of each chat request (queue tests). */
  firstTokenDelayMs: number;
  pdfs: Map<string, Uint8Array>;
}

/** The answer to question `n` (1-based): Markdown with inline and display maths and a list. */
export function fakeAnswer(n: number, question: string): string {
  return (
    `**Answer ${n}.** About "${question}": the objective is $\\mathcal{L}(\\theta) = \\sum_{i=1}^{N} \\log p(x_i \\mid \\theta)$ ` +
    `minimised over $\\theta$.\n\n$$\\nabla_\\theta \\mathcal{L} = \\frac{1}{N}\\sum_i g_i$$\n\n- point one of ${n}\n- point two of ${n}\n`
  );
}

/** A long answer: paragraphs of prose with inline maths, `chars` characters in all. */
export function longAnswer(chars: number): string {
  const paragraph =
    'The estimator $\\hat\\theta_n$ converges at rate $O(n^{-1/2})$ under the stated assumptions, and the bound is tight. ';
  let text = '';
  for (let i = 0; text.length < chars; i++) text += i % 4 === 3 ? `${paragraph}\n\n` : paragraph;
  return text.slice(0, chars);
}

/** Splits text into small pieces the way a model's tokens arrive (formulas get cut mid-way). */
export const tokens = (text: string) => text.match(/[\s\S]{1,4}/g) ?? [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when the response can take more, or is closed. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

/** How the fake behaves until a test changes it. */
const NORMAL: Omit<FakeLlm, keyof TestServer | 'requests' | 'pdfRequests' | 'pdfs'> = {
  mode: 'normal',
  failuresLeft: 1,
  retryAfter: '1',
  atQuestion: 0,
  answerChars: 0,
  ignoreMaxTokens: false,
  finishedAnswers: 0,
  tokenDelayMs: 0,
  firstTokenDelayMs: 0,
};

/** Puts the fake back to answering normally and empties its log of chat requests. */
export function resetFakeLlm(fake: FakeLlm): void {
  Object.assign(fake, NORMAL);
  fake.requests.length = 0;
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const state: Omit<FakeLlm, keyof TestServer> = {
    ...NORMAL,
    requests: [],
    pdfRequests: [],
    pdfs: new Map(),
  };
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith('/pdf/')) {
      const key = decodeURIComponent(url.slice(5));
      state.pdfRequests.push(key);
      const pdf = state.pdfs.get(key);
      if (!pdf) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return void res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(Buffer.from(pdf));
    }
    if (req.method !== 'POST' || !url.endsWith('/chat/completions')) return void res.writeHead(404).end();
    const body = JSON.parse(await readBody(req)) as FakeLlm['requests'][number];
    state.requests.push(body);
    const questions = body.messages.filter((m) => m.role === 'user');
    const atThisQuestion = state.atQuestion === 0 || questions.length === state.atQuestion;
    if (state.mode === 'reset' && atThisQuestion && state.failuresLeft > 0) {
      state.failuresLeft--;
      return void req.socket.resetAndDestroy(); // TCP RST before any response byte
    }
    if (state.mode === 'error') {
      return void res.writeHead(400, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          error: { message: 'Invalid request: model not found', type: 'invalid_request_error' },
        }),
      );
    }
    if ((state.mode === 'rate-limit' || state.mode === 'server-error') && state.failuresLeft > 0) {
      state.failuresLeft--;
      const status = state.mode === 'rate-limit' ? 429 : 503;
      return void res
        .writeHead(status, {
          'Content-Type': 'application/json',
          ...(state.retryAfter === null ? {} : { 'Retry-After': state.retryAfter }),
        })
        .end(
          JSON.stringify({
            error: {
              message: status === 429 ? 'Rate limit reached' : 'Overloaded',
              type: 'rate_limit_error',
            },
          }),
        );
    }
    if (state.firstTokenDelayMs) await sleep(state.firstTokenDelayMs);
    const answer = state.answerChars
      ? longAnswer(state.answerChars)
      : fakeAnswer(questions.length, questions[questions.length - 1]?.content ?? '');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    const id = `chatcmpl-${state.requests.length}`;
    const chunk = (delta: object, finish: string | null, usage?: object) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
    res.write(chunk({ role: 'assistant', content: '' }, null));
    const all = state.answerChars ? (answer.match(/[\s\S]{1,16}/g) ?? []) : tokens(answer);
    const limited = body.max_tokens !== undefined && !state.ignoreMaxTokens && all.length > body.max_tokens;
    const pieces = limited ? all.slice(0, body.max_tokens) : all;
    for (const [i, piece] of pieces.entries()) {
      if (state.mode === 'cut' && questions.length === 2 && i === Math.floor(pieces.length / 2)) {
        res.socket?.end(); // the connection drops mid-answer: no finish_reason, no [DONE]
        return;
      }
      if (state.mode === 'reset-stream' && atThisQuestion && i === Math.floor(pieces.length / 2)) {
        // Once what was written has left (an SSE comment's write callback), reset the connection.
        await new Promise<void>((resolve) => res.write(': flush\n\n', () => resolve()));
        return void res.socket?.resetAndDestroy();
      }
      if (res.destroyed) return; // the client hung up
      if (!res.write(chunk({ content: piece }, null))) await drained(res);
      if (state.tokenDelayMs) await sleep(state.tokenDelayMs);
    }
    if (res.destroyed) return;
    state.finishedAnswers++;
    res.write(chunk({}, limited ? 'length' : 'stop'));
    const prompt = body.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
    res.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: body.model, choices: [], usage: { prompt_tokens: prompt, completion_tokens: pieces.length, total_tokens: prompt + pieces.length } })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  };
  const server = await startServer((req, res) => void handler(req, res));
  return Object.assign(state, server) as FakeLlm;
}

/** The environment that points a server process at the fake provider (and its PDFs). */
export function fakeLlmEnv(fake: FakeLlm): Record<string, string> {
  return {
    LLM_BASE_URL: `${fake.url}/v1`,
    ARXIV_PDF_URL: `${fake.url}/pdf/`,
    ARXIV_MIN_INTERVAL_MS: '1',
    PDF_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'coolpapers-pdf-')),
  };
}

/** Points the summaries configuration at the fake provider (and its PDFs), then re-reads it. */
export function useFakeLlm(fake: FakeLlm, settings: Record<string, string>): void {
  Object.assign(process.env, {
    LLM_BASE_URL: `${fake.url}/v1`,
    LLM_MODEL: 'fake-model',
    ARXIV_PDF_URL: `${fake.url}/pdf/`,
    ARXIV_MIN_INTERVAL_MS: '1',
    LLM_CONCURRENCY: '2',
    SUMMARY_DAILY_GENERATIONS: '1000',
    SUMMARY_DAILY_TOKENS: '100000000',
    ...settings,
  });
  resetConfig();
}
