// A hostile or broken LLM provider cannot hold the summary queue, the server's memory or a
// reader's page: answers are bounded in size (max_tokens sent, cut on our side), a long
// Retry-After fails at once instead of blocking a generation slot, resets before the response are
// retried, rendered answers go out as changes, and new generations are capped site-wide.
// In-process, against the loopback fake provider speaking the OpenAI streaming wire format.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { closeDb, sqlite } from '@/lib/db';
import { streamChat } from '@/lib/llm/chat';
import { QUESTIONS } from '@/lib/llm/prompts';
import { renderMarkdown } from '@/lib/render';
import { CUT_NOTE, requestSummary, type SummaryEvent } from '@/lib/summaries/queue';
import { getSummary } from '@/lib/summaries/store';
import { freshDb } from '../helpers/db';
import { fakeAnswer, resetFakeLlm, startFakeLlm, useFakeLlm, type FakeLlm } from '../summaries/fakeLlm';

let fake: FakeLlm;
let dbFile: string;
const MAX_CHARS = 16_000;

function setEnv(extra: Record<string, string> = {}): void {
  useFakeLlm(fake, {
    PDF_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'coolpapers-pdf-')),
    SUMMARY_RATE_PER_HOUR: '1000',
    SUMMARY_GLOBAL_RATE_PER_HOUR: '1000',
    SUMMARY_MAX_PENDING: '100',
    LLM_RETRIES: '3',
    LLM_MAX_ANSWER_CHARS: String(MAX_CHARS),
    LLM_MAX_TOKENS: '2048',
    LLM_GENERATION_TIMEOUT_MS: '900000',
    ...extra,
  });
}

function addPaper(id: string): void {
  sqlite()
    .prepare(
      `INSERT INTO Paper (id, version, title, abstract, authors, primaryCategory, categories, contentHash) VALUES (?, 1, ?, ?, '[]', 'cs.LG', 'cs.LG', 'x')`,
    )
    .run(id, `Paper ${id}`, `Abstract of ${id}.`);
  sqlite()
    .prepare(
      `INSERT INTO Listing (paperId, category, archive, date, type, position) VALUES (?, 'cs.LG', 'cs', '2026-05-29', 'new', 0)`,
    )
    .run(id);
}

async function generate(id: string, client = 'test') {
  const r = await requestSummary(id, 'en', { client });
  assert.equal(r.kind, 'job', `${id}: ${r.kind === 'refused' ? r.reason : r.kind}`);
  const events: SummaryEvent[] = [];
  if (r.kind === 'job') {
    r.job.subscribe((e) => events.push(e));
    await r.job.finished;
  }
  return events;
}

before(async () => {
  fake = await startFakeLlm();
});
after(async () => {
  await closeDb();
  await fake.close();
});
beforeEach(async () => {
  ({ file: dbFile } = await freshDb());
  setEnv();
  resetFakeLlm(fake);
});

const ask = [{ role: 'user' as const, content: 'What problem does this paper try to solve?' }];

describe('size', () => {
  test('max_tokens is sent; an answer ending at it is kept with a note, not lost', async () => {
    setEnv({ LLM_MAX_TOKENS: '20' });
    fake.answerChars = 5000;
    addPaper('2605.00101');
    await generate('2605.00101');
    assert.equal(fake.requests[0]!.max_tokens, 20);
    const stored = getSummary('2605.00101', 'en')!;
    assert.equal(stored.answers.length, 6);
    assert.ok(stored.answers[0]!.a.endsWith(CUT_NOTE));
    assert.ok(stored.answers[0]!.a.length <= 20 * 16 + CUT_NOTE.length);
  });

  test('a 2 MB answer from a provider ignoring max_tokens is cut at our limit: the stream is closed, memory and events stay small', async () => {
    fake.answerChars = 2 * 2 ** 20;
    fake.ignoreMaxTokens = true;
    addPaper('2605.00102');
    const heapBefore = process.memoryUsage().heapUsed;
    const events = await generate('2605.00102');
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    assert.equal(events.at(-1)!.type, 'done');
    assert.equal(fake.finishedAnswers, 0, 'we hung up on every answer before its end');
    const stored = getSummary('2605.00102', 'en')!;
    for (const a of stored.answers) {
      assert.ok(a.a.length <= MAX_CHARS + CUT_NOTE.length, `answer of ${a.a.length} characters`);
      assert.ok(a.a.endsWith(CUT_NOTE));
    }
    // The next turns carry the cut answers, not 2 MB each.
    const last = fake.requests.at(-1)!.messages;
    assert.ok(last.reduce((n, m) => n + m.content.length, 0) < 7 * (MAX_CHARS + 1000) + 20_000);
    // What went to subscribers: raw deltas (bounded by the cut) and HTML changes, not the whole HTML each time.
    const sent = events.reduce((n, e) => n + JSON.stringify(e).length, 0);
    const finalHtml = stored.answers.reduce((n, a) => n + renderMarkdown(a.a).length, 0);
    assert.ok(
      sent < 6 * MAX_CHARS * 2 + finalHtml * 4,
      `events carried ${sent} characters for ${finalHtml} of final HTML`,
    );
    assert.ok(heapGrowth < 200 * 2 ** 20, `heap grew ${(heapGrowth / 2 ** 20).toFixed(0)} MB`);
  });

  test('HTML changes rebuild exactly the rendered answers', async () => {
    fake.answerChars = 3000;
    fake.tokenDelayMs = 1;
    addPaper('2605.00103');
    const events = await generate('2605.00103');
    const html: string[] = [];
    let changes = 0;
    for (const e of events) {
      if (e.type !== 'html') continue;
      changes++;
      assert.ok(e.keep <= (html[e.index] ?? '').length);
      html[e.index] = (html[e.index] ?? '').slice(0, e.keep) + e.html;
    }
    assert.ok(changes > 6, `${changes} changes`);
    const stored = getSummary('2605.00103', 'en')!;
    assert.deepEqual(
      html,
      stored.answers.map((a) => renderMarkdown(a.a)),
    );
    // Most changes kept most of what came before (the text grows at the end).
    const kept = events.filter((e) => e.type === 'html' && e.keep > 0).length;
    assert.ok(kept > changes / 2, `${kept} of ${changes} changes kept a prefix`);
  });
});

describe('time', () => {
  test('Retry-After of an hour fails at once, with the reason', async () => {
    fake.mode = 'rate-limit';
    fake.retryAfter = '3600';
    const start = Date.now();
    await assert.rejects(streamChat(ask), /HTTP 429.*asks to wait 3600 s, longer than the 60 s we wait/);
    assert.ok(Date.now() - start < 2000);
    assert.equal(fake.requests.length, 1);
  });

  test('two generations told to wait an hour free their slots at once: the next one runs', async () => {
    setEnv({ LLM_CONCURRENCY: '2' });
    for (const id of ['2605.00111', '2605.00112', '2605.00113']) addPaper(id);
    fake.mode = 'rate-limit';
    fake.retryAfter = '3600';
    fake.failuresLeft = 2;
    const start = Date.now();
    const ends = await Promise.all(
      ['2605.00111', '2605.00112', '2605.00113'].map(async (id) => (await generate(id)).at(-1)!.type),
    );
    assert.deepEqual(ends.sort(), ['done', 'error', 'error']);
    assert.ok(Date.now() - start < 15_000, `took ${Date.now() - start} ms`);
  });

  test('a Retry-After within the cap but past the generation’s time budget fails at once', async () => {
    fake.mode = 'server-error';
    fake.retryAfter = '30';
    const start = Date.now();
    await assert.rejects(
      streamChat(ask, { deadline: Date.now() + 5000 }),
      /no time left in the generation’s budget to wait 30 s/,
    );
    assert.ok(Date.now() - start < 2000);
  });

  test('a provider that never finishes is stopped by the generation’s time budget', async () => {
    setEnv({ LLM_GENERATION_TIMEOUT_MS: '1500' });
    fake.answerChars = 100_000;
    fake.tokenDelayMs = 50;
    addPaper('2605.00114');
    const start = Date.now();
    const events = await generate('2605.00114');
    const last = events.at(-1)!;
    assert.equal(last.type, 'error');
    assert.match((last as { message: string }).message, /time budget/);
    assert.ok(Date.now() - start < 5000);
  });
});

describe('resets', () => {
  test('a reset before the response is retried with backoff, and the generation completes', async () => {
    fake.mode = 'reset';
    fake.atQuestion = 3;
    fake.failuresLeft = 2;
    addPaper('2605.00121');
    const events = await generate('2605.00121');
    assert.deepEqual(events.at(-1), { type: 'done' });
    assert.equal(fake.requests.length, 8, 'six questions, the third asked three times');
    assert.equal(getSummary('2605.00121', 'en')!.answers[5]!.a, fakeAnswer(6, QUESTIONS.en[5]!));
  });

  test('resets on every attempt fail the answer with the network error, not a hang', async () => {
    setEnv({ LLM_RETRIES: '2' });
    fake.mode = 'reset';
    fake.failuresLeft = 100;
    await assert.rejects(streamChat(ask, { backoffMs: 10 }), /LLM request failed: fetch failed/);
    assert.equal(fake.requests.length, 3);
  });

  test('a reset in the middle of an answer reports an error, stores nothing, and the queue goes on', async () => {
    fake.mode = 'reset-stream';
    fake.atQuestion = 4;
    addPaper('2605.00122');
    addPaper('2605.00123');
    const events = await generate('2605.00122');
    assert.match(JSON.stringify(events.at(-1)), /"type":"error","message":"LLM stream broke/);
    assert.equal(fake.requests.length, 4, 'not retried: part of the answer had been shown');
    assert.equal(getSummary('2605.00122', 'en'), null);
    fake.mode = 'normal';
    assert.equal((await generate('2605.00123')).at(-1)!.type, 'done');
  });

  test('shutdown ends a Retry-After wait at once: the pre-generation worker exits cleanly on SIGTERM', async () => {
    addPaper('2605.00124');
    await closeDb(); // the worker opens the database itself
    fake.mode = 'rate-limit';
    fake.retryAfter = '50';
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/summaries.ts', '2026-05-29'], {
      env: { ...process.env, DATABASE_PATH: dbFile, SUMMARY_PREGENERATE_CATEGORIES: 'cs.LG' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    while (fake.requests.length === 0) {
      assert.equal(child.exitCode, null, output);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300)); // well into the 50 s wait
    const start = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    assert.ok(Date.now() - start < 3000, `exited ${Date.now() - start} ms after SIGTERM`);
    assert.equal(code, 1, output);
    assert.match(output, /stopped: the process is shutting down/);
    assert.equal(fake.requests.length, 1);
  });
});

describe('site-wide caps on new generations', () => {
  test('an hourly cap across all clients, beside the per-client one', async () => {
    setEnv({ SUMMARY_RATE_PER_HOUR: '2', SUMMARY_GLOBAL_RATE_PER_HOUR: '5' });
    fake.firstTokenDelayMs = 20;
    const ids = Array.from({ length: 20 }, (_, i) => `2605.${String(200 + i).padStart(5, '0')}`);
    ids.forEach(addPaper);
    const results = await Promise.all(
      ids.map((id, i) => requestSummary(id, 'en', { client: `10.0.${i}.1` })),
    );
    assert.equal(results.filter((r) => r.kind === 'job').length, 5);
    assert.deepEqual(
      new Set(results.filter((r) => r.kind === 'refused').map((r) => r.kind === 'refused' && r.reason)),
      new Set(['busy']),
    );
    await Promise.all(results.map((r) => (r.kind === 'job' ? r.job.finished : null)));
  });

  test('at most SUMMARY_MAX_PENDING generations queued or running; cached summaries are still served', async () => {
    setEnv({ SUMMARY_MAX_PENDING: '3', LLM_CONCURRENCY: '1' });
    fake.firstTokenDelayMs = 30;
    const ids = ['2605.00301', '2605.00302', '2605.00303', '2605.00304'];
    ids.forEach(addPaper);
    const [a, b, c, d] = await Promise.all(ids.map((id) => requestSummary(id, 'en', { client: 'x' })));
    assert.deepEqual(
      [a, b, c].map((r) => r!.kind),
      ['job', 'job', 'job'],
    );
    assert.equal(d!.kind === 'refused' && d!.reason, 'busy');
    await Promise.all([a, b, c].map((r) => (r!.kind === 'job' ? r!.job.finished : null)));
    assert.equal((await requestSummary('2605.00301', 'en', { client: 'x' })).kind, 'cached');
    const e = await requestSummary('2605.00304', 'en', { client: 'x' });
    assert.equal(e.kind, 'job');
    if (e.kind === 'job') await e.job.finished;
  });
});
