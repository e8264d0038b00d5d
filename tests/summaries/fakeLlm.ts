// A loopback stand-in for an OpenAI-compatible provider and for arXiv's PDF host, speaking the
// real wire formats: Chat Completions SSE (`data: {chunk}` lines, usage chunk, `data: [DONE]`),
// OpenAI error bodies, 429 with Retry-After, and a stream that stops half-way.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resetConfig } from '@/lib/config';
import { startServer, type TestServer } from '../helpers/http';

export type Mode = 'normal' | 'error' | 'rate-limit' | 'server-error' | 'cut';

export interface FakeLlm extends TestServer {
  /** Chat requests received, in order (messages as sent). */
  requests: Array<{ model: string; messages: Array<{ role: string; content: string }>; stream: boolean }>;
  pdfRequests: string[];
  mode: Mode;
  /** How many more requests the 'rate-limit' and 'server-error' modes fail before answering. */
  failuresLeft: number;
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

/** Splits text into small pieces the way a model's tokens arrive (formulas get cut mid-way). */
export const tokens = (text: string) => text.match(/[\s\S]{1,4}/g) ?? [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const state = { requests: [], pdfRequests: [], mode: 'normal', failuresLeft: 1, tokenDelayMs: 0, firstTokenDelayMs: 0, pdfs: new Map() } as Omit<FakeLlm, keyof TestServer>;
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
    if (state.mode === 'error') {
      return void res
        .writeHead(400, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'Invalid request: model not found', type: 'invalid_request_error' } }));
    }
    if ((state.mode === 'rate-limit' || state.mode === 'server-error') && state.failuresLeft > 0) {
      state.failuresLeft--;
      const status = state.mode === 'rate-limit' ? 429 : 503;
      return void res
        .writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': '1' })
        .end(JSON.stringify({ error: { message: status === 429 ? 'Rate limit reached' : 'Overloaded', type: 'rate_limit_error' } }));
    }
    if (state.firstTokenDelayMs) await sleep(state.firstTokenDelayMs);
    const questions = body.messages.filter((m) => m.role === 'user');
    const answer = fakeAnswer(questions.length, questions[questions.length - 1]?.content ?? '');
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    const id = `chatcmpl-${state.requests.length}`;
    const chunk = (delta: object, finish: string | null, usage?: object) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
    res.write(chunk({ role: 'assistant', content: '' }, null));
    const pieces = tokens(answer);
    for (const [i, piece] of pieces.entries()) {
      if (state.mode === 'cut' && questions.length === 2 && i === Math.floor(pieces.length / 2)) {
        res.socket?.end(); // the connection drops mid-answer: no finish_reason, no [DONE]
        return;
      }
      res.write(chunk({ content: piece }, null));
      if (state.tokenDelayMs) await sleep(state.tokenDelayMs);
    }
    res.write(chunk({}, 'stop'));
    const prompt = body.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: body.model, choices: [], usage: { prompt_tokens: prompt, completion_tokens: pieces.length, total_tokens: prompt + pieces.length } })}\n\n`);
    res.end('data: [DONE]\n\n');
  };
  const server = await startServer((req, res) => void handler(req, res));
  return Object.assign(state, server) as FakeLlm;
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
