// The summary path in-process against a loopback fake provider and PDF host: PDF extraction,
// the LLM client's wire handling, the six turns, caching, sharing, failures, staleness and limits.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { streamChat } from '@/lib/llm/chat';
import { QUESTIONS } from '@/lib/llm/prompts';
import { evict } from '@/lib/pdf/fetch';
import { pdfToText } from '@/lib/pdf/extract';
import { requestSummary, type SummaryEvent, type SummaryJob } from '@/lib/summaries/queue';
import { getSummary, usageToday } from '@/lib/summaries/store';
import { estimateTokens, fitText } from '@/lib/summaries/text';
import { freshDb } from '../helpers/db';
import { fakeAnswer, startFakeLlm, useFakeLlm, type FakeLlm } from './fakeLlm';
import { makePdf, samplePaper } from './pdfs';

let fake: FakeLlm;
let pdfDir: string;

function setEnv(extra: Record<string, string> = {}): void {
  useFakeLlm(fake, {
    PDF_CACHE_DIR: pdfDir,
    SUMMARY_RATE_PER_HOUR: '1000',
    PDF_CACHE_MAX_MB: '100',
    LLM_RETRIES: '3',
    ...extra,
  });
}

function addPaper(id: string, version = 1, latestDay = true): void {
  sqlite()
    .prepare(
      `INSERT INTO Paper (id, version, title, abstract, authors, primaryCategory, categories, contentHash) VALUES (?, ?, ?, ?, '[]', 'cs.LG', 'cs.LG', 'x')`,
    )
    .run(id, version, `Paper ${id}`, `Abstract of ${id} about experts.`);
  sqlite()
    .prepare(
      `INSERT INTO Listing (paperId, category, archive, date, type, position) VALUES (?, 'cs.LG', 'cs', ?, 'new', 0)`,
    )
    .run(id, latestDay ? '2026-05-29' : '2026-05-01');
}

async function run(
  id: string,
  options: { client?: string; regenerate?: boolean; language?: 'en' | 'zh' } = {},
) {
  const r = await requestSummary(id, options.language ?? 'en', {
    client: options.client ?? 'test',
    regenerate: options.regenerate,
  });
  if (r.kind !== 'job') return { result: r, events: [] as SummaryEvent[] };
  const events: SummaryEvent[] = [];
  r.job.subscribe((e) => events.push(e));
  await r.job.finished;
  return { result: r, events };
}

before(async () => {
  fake = await startFakeLlm();
  fake.pdfs.set('2605.00001v1', await makePdf(samplePaper()));
  fake.pdfs.set('2605.00001v2', await makePdf(samplePaper('Sparse Mixtures of Tiny Experts, Revised')));
});
after(async () => {
  await closeDb();
  await fake.close();
});
beforeEach(async () => {
  await freshDb();
  pdfDir = mkdtempSync(path.join(os.tmpdir(), 'coolpapers-pdf-'));
  setEnv();
  fake.mode = 'normal';
  fake.failuresLeft = 1;
  fake.requests.length = 0;
  fake.pdfRequests.length = 0;
  fake.tokenDelayMs = 0;
  fake.firstTokenDelayMs = 0;
});

describe('PDF text', () => {
  test('two columns in reading order, headers and page numbers gone, hyphenation joined, maths kept', async () => {
    const text = await pdfToText(await makePdf(samplePaper()));
    const lines = text.split('\n');
    assert.equal(lines[0], 'Sparse Mixtures of Tiny Experts');
    assert.doesNotMatch(text, /Preprint\. Under review/);
    assert.ok(!lines.some((l) => /^\d+$/.test(l)), 'no page-number lines');
    assert.match(text, /its effect on the optimisation of alpha networks\./);
    assert.match(text, /Loss θ = Σ log p\(x \| θ\)/);
    for (const w of ['alpha', 'bravo', 'charlie']) {
      const left = text.indexOf(`Left column ${w} begins here.`);
      const right = text.indexOf(`Right column ${w} continues.`);
      assert.ok(left >= 0 && right > left, `${w}: left column before right column`);
      assert.ok(text.indexOf(`End of ${w} page.`) > right);
    }
    assert.ok(
      text.indexOf('End of alpha page.') < text.indexOf('Left column bravo begins here.'),
      'pages in order',
    );
    assert.match(text, /References\n\[1\] A\. Author/);
  });

  test('fitting the context drops references first, then cuts at a paragraph end', async () => {
    const text = await pdfToText(await makePdf(samplePaper()));
    const tokens = estimateTokens(text);
    const noRefs = fitText(text, tokens - 3);
    assert.equal(noRefs.truncated, true);
    assert.deepEqual(noRefs.omitted, { references: true, cutPercent: 0 });
    assert.doesNotMatch(noRefs.text, /References|A\. Author/);
    assert.match(noRefs.text, /optimisation of charlie networks/);
    const cut = fitText(text, 100);
    assert.ok(
      estimateTokens(cut.text) <= 100 && estimateTokens(cut.text) > 70,
      `${estimateTokens(cut.text)} tokens`,
    );
    assert.ok(cut.omitted!.cutPercent > 0 && text.startsWith(cut.text));
    assert.deepEqual(fitText(text, tokens), { text, truncated: false });
  });

  test('the disk cache keeps under its cap, dropping the least recently used files', async () => {
    addPaper('2605.00001');
    await run('2605.00001');
    assert.deepEqual(readdirSync(pdfDir).sort(), ['2605.00001v1.pdf', '2605.00001v1.text2.txt']);
    setEnv({ PDF_CACHE_MAX_MB: '0.000001' });
    evict();
    assert.equal(readdirSync(pdfDir).length, 0);
  });
});

describe('Reading ahead', () => {
  test('the extracted text is kept next to the PDF: the other language reads it without the PDF', async () => {
    addPaper('2605.00001');
    await run('2605.00001');
    unlinkSync(path.join(pdfDir, '2605.00001v1.pdf'));
    const requestsBefore = fake.pdfRequests.length;
    await run('2605.00001', { language: 'zh' });
    assert.equal(fake.pdfRequests.length, requestsBefore, 'no new PDF download');
    const zh = getSummary('2605.00001', 'zh')!;
    assert.equal(zh.source, 'pdf');
    assert.match(
      fake.requests.at(-1)!.messages[0]!.content,
      /its effect on the optimisation of alpha networks\./,
    );
  });

  test('a queued job fetches and extracts its PDF while it waits for a slot', async () => {
    setEnv({ LLM_CONCURRENCY: '1' });
    fake.firstTokenDelayMs = 400;
    addPaper('2605.00041');
    addPaper('2605.00001');
    const busy = await requestSummary('2605.00041', 'en', { client: 'a' });
    const waiting = await requestSummary('2605.00001', 'en', { client: 'a' });
    assert.ok(busy.kind === 'job' && waiting.kind === 'job');
    while (!readdirSync(pdfDir).includes('2605.00001v1.text2.txt'))
      await new Promise((r) => setTimeout(r, 10));
    assert.equal(waiting.job.stage, 'queued', 'text ready before the job got its slot');
    await Promise.all([busy.job.finished, waiting.job.finished]);
    assert.equal(getSummary('2605.00001', 'en')!.source, 'pdf');
  });
});

describe('LLM client', () => {
  const messages = [{ role: 'user' as const, content: 'What problem does this paper try to solve?' }];

  test('streams deltas and returns the whole answer with usage', async () => {
    const deltas: string[] = [];
    const r = await streamChat(messages, { onDelta: (d) => deltas.push(d) });
    assert.equal(r.text, fakeAnswer(1, messages[0]!.content));
    assert.equal(deltas.join(''), r.text);
    assert.ok(deltas.length > 20);
    assert.equal(r.finishReason, 'stop');
    assert.ok(r.promptTokens > 0 && r.completionTokens === deltas.length);
    assert.equal(fake.requests[0]!.stream, true);
    assert.equal(fake.requests[0]!.model, 'fake-model');
  });

  test('429 with Retry-After is waited out and retried', async () => {
    fake.mode = 'rate-limit';
    const start = Date.now();
    const r = await streamChat(messages);
    assert.ok(Date.now() - start >= 950, 'waited for Retry-After: 1');
    assert.equal(fake.requests.length, 2);
    assert.match(r.text, /Answer 1/);
  });

  test('5xx is retried', async () => {
    fake.mode = 'server-error';
    const r = await streamChat(messages, { backoffMs: 10 });
    assert.equal(fake.requests.length, 2);
    assert.match(r.text, /Answer 1/);
  });

  test('an error body is reported with its message, not retried', async () => {
    fake.mode = 'error';
    await assert.rejects(streamChat(messages), /HTTP 400: Invalid request: model not found/);
    assert.equal(fake.requests.length, 1);
  });

  test('a stream that stops half-way is an error, not a short answer', async () => {
    fake.mode = 'cut';
    const two = [
      ...messages,
      { role: 'assistant' as const, content: 'x' },
      { role: 'user' as const, content: 'q2' },
    ];
    await assert.rejects(streamChat(two), /stream (ended before the answer finished|broke)/);
  });
});

describe('summaries', () => {
  test('six questions, one per turn in one conversation, full text in the system prompt; then cached', async () => {
    addPaper('2605.00001');
    const { result, events } = await run('2605.00001');
    assert.equal(result.kind, 'job');
    assert.equal(fake.requests.length, 6);
    fake.requests.forEach((req, i) => {
      const [system, ...turns] = req.messages;
      assert.equal(system!.role, 'system');
      assert.match(system!.content, /academic assistant/);
      assert.match(system!.content, /optimisation of charlie networks/);
      assert.equal(turns.length, 2 * i + 1);
      turns.forEach((m, j) => {
        const n = Math.floor(j / 2);
        if (j % 2 === 0) assert.deepEqual(m, { role: 'user', content: QUESTIONS.en[n] });
        else assert.deepEqual(m, { role: 'assistant', content: fakeAnswer(n + 1, QUESTIONS.en[n]!) });
      });
    });
    assert.deepEqual(
      events.filter((e) => e.type === 'question').map((e) => (e as { q: string }).q),
      QUESTIONS.en,
    );
    assert.equal(events.at(-1)!.type, 'done');
    const stored = getSummary('2605.00001', 'en')!;
    assert.equal(stored.answers.length, 6);
    assert.equal(stored.answers[5]!.a, fakeAnswer(6, QUESTIONS.en[5]!));
    assert.equal(stored.source, 'pdf');
    assert.equal(stored.paperVersion, 1);
    assert.ok(stored.promptTokens > 0 && stored.completionTokens > 0);
    assert.ok(usageToday().tokens >= stored.promptTokens + stored.completionTokens);

    const again = await requestSummary('2605.00001', 'en', { client: 'test' });
    assert.equal(again.kind, 'cached');
    assert.equal(fake.requests.length, 6, 'no upstream call for a cached summary');
    // Chinese is generated separately, with the Chinese prompt and questions; the PDF comes from the disk cache.
    await run('2605.00001', { language: 'zh' });
    assert.equal(fake.requests.length, 12);
    assert.match(fake.requests[6]!.messages[0]!.content, /你是一个学术助手/);
    assert.equal(fake.requests[6]!.messages[1]!.content, '这篇论文试图解决什么问题？');
    assert.deepEqual(fake.pdfRequests, ['2605.00001v1']);
  });

  test('50 simultaneous requests share exactly one upstream generation', async () => {
    addPaper('2605.00001');
    fake.tokenDelayMs = 1;
    const requests = await Promise.all(
      Array.from({ length: 50 }, (_, i) => requestSummary('2605.00001', 'en', { client: `c${i % 5}` })),
    );
    const jobs = new Set(requests.map((r) => (r.kind === 'job' ? r.job : null)));
    assert.equal(jobs.size, 1);
    const job = [...jobs][0] as SummaryJob;
    const seen = requests.map(() => [] as SummaryEvent[]);
    seen.forEach((events) => job.subscribe((e) => events.push(e)));
    await job.finished;
    assert.equal(fake.requests.length, 6, 'six turns of one conversation');
    assert.equal(fake.pdfRequests.length, 1);
    assert.ok(seen.every((events) => events.at(-1)?.type === 'done'));
    assert.equal(usageToday().generations, 1);
  });

  test('a stream cut half-way stores nothing and reports the error; a retry then succeeds', async () => {
    addPaper('2605.00001');
    fake.mode = 'cut';
    const { events } = await run('2605.00001');
    const last = events.at(-1)!;
    assert.equal(last.type, 'error');
    assert.equal(getSummary('2605.00001', 'en'), null);
    assert.equal((sqlite().prepare('SELECT COUNT(*) AS n FROM Summary').get() as { n: number }).n, 0);
    fake.mode = 'normal';
    const retry = await run('2605.00001');
    assert.equal(retry.events.at(-1)!.type, 'done');
    assert.equal(getSummary('2605.00001', 'en')!.answers.length, 6);
  });

  test('an error body stores nothing', async () => {
    addPaper('2605.00001');
    fake.mode = 'error';
    const { events } = await run('2605.00001');
    assert.deepEqual(events.at(-1), {
      type: 'error',
      message: 'LLM HTTP 400: Invalid request: model not found',
    });
    assert.equal(getSummary('2605.00001', 'en'), null);
  });

  test('a newer paper version makes the summary stale; regenerating reads the new PDF', async () => {
    addPaper('2605.00001');
    await run('2605.00001');
    sqlite().prepare('UPDATE Paper SET version = 2 WHERE id = ?').run('2605.00001');
    const stale = getSummary('2605.00001', 'en')!;
    assert.equal(stale.paperVersion, 1);
    assert.equal(stale.currentVersion, 2);
    assert.equal(
      (await requestSummary('2605.00001', 'en', { client: 'test' })).kind,
      'cached',
      'stale is still served',
    );
    const { result } = await run('2605.00001', { regenerate: true });
    assert.equal(result.kind, 'job');
    assert.ok(
      result.kind === 'job' && result.stale?.paperVersion === 1,
      'the stale one is offered meanwhile',
    );
    assert.deepEqual(fake.pdfRequests, ['2605.00001v1', '2605.00001v2']);
    assert.match(fake.requests[6]!.messages[0]!.content, /Revised/);
    const fresh = getSummary('2605.00001', 'en')!;
    assert.equal(fresh.paperVersion, 2);
    assert.equal(fresh.currentVersion, 2);
  });

  test('without a PDF the summary is built from title and abstract, and says so', async () => {
    addPaper('2605.00002');
    await run('2605.00002');
    assert.match(fake.requests[0]!.messages[0]!.content, /only the title and abstract follow/);
    assert.match(fake.requests[0]!.messages[0]!.content, /Abstract of 2605\.00002/);
    assert.equal(getSummary('2605.00002', 'en')!.source, 'abstract');
  });

  test('a PDF whose text cannot be trusted is not used: the abstract is, the reader is told why, and it is logged', async (t) => {
    // Letters without words, as a font without a Unicode map gives them.
    let seed = 7;
    const junk = () =>
      Array.from(
        { length: 6 },
        () => String.fromCharCode(65 + ((seed = (seed * 48271) % 2147483647) % 26)) + 'qzxkv'.slice(seed % 4),
      ).join(' ');
    const pages = Array.from({ length: 3 }, () => ({
      left: Array.from({ length: 8 }, junk),
      right: Array.from({ length: 8 }, junk),
    }));
    fake.pdfs.set('2605.00003v1', await makePdf({ title: 'Qzx Kvb', pages, references: [] }));
    addPaper('2605.00003');
    const warn = t.mock.method(console, 'warn', () => undefined);
    const { events } = await run('2605.00003');
    assert.match(fake.requests[0]!.messages[0]!.content, /only the title and abstract follow/);
    assert.equal(getSummary('2605.00003', 'en')!.source, 'abstract');
    const status = events.find((e) => e.type === 'status' && e.stage === 'llm');
    assert.match(
      status?.type === 'status' ? (status.note ?? '') : '',
      /full text not used: the PDF text has no ordinary words/,
    );
    assert.ok(
      warn.mock.calls.some((c) =>
        /\[summaries\] 2605\.00003v1: using the abstract/.test(String(c.arguments[0])),
      ),
    );
  });

  test('a Chinese paper reaches the model in Chinese', async () => {
    fake.pdfs.set(
      '2605.00004v1',
      new Uint8Array(readFileSync(path.join(import.meta.dirname, '../pdf/papers/zh.pdf'))),
    );
    addPaper('2605.00004');
    await run('2605.00004', { language: 'zh' });
    assert.equal(getSummary('2605.00004', 'zh')!.source, 'pdf');
    assert.match(
      fake.requests[0]!.messages[0]!.content,
      /本文的核心观察是：每个词元需要关注的键的数量本身可以从数据中学习得到。/,
    );
  });

  test('per-client rate limit on new generations; cached summaries are not limited', async () => {
    setEnv({ SUMMARY_RATE_PER_HOUR: '2' });
    for (const id of ['2605.00011', '2605.00012', '2605.00013']) addPaper(id);
    await run('2605.00011', { client: '10.0.0.1' });
    await run('2605.00012', { client: '10.0.0.1' });
    const refused = await requestSummary('2605.00013', 'en', { client: '10.0.0.1' });
    assert.equal(refused.kind, 'refused');
    assert.equal(refused.kind === 'refused' && refused.reason, 'rate-limit');
    assert.equal((await requestSummary('2605.00011', 'en', { client: '10.0.0.1' })).kind, 'cached');
    assert.equal((await run('2605.00013', { client: '10.0.0.2' })).result.kind, 'job');
  });

  test('the daily budget stops new generations but not cached ones', async () => {
    setEnv({ SUMMARY_DAILY_GENERATIONS: '1' });
    addPaper('2605.00021');
    addPaper('2605.00022');
    await run('2605.00021');
    const refused = await requestSummary('2605.00022', 'en', { client: 'other' });
    assert.equal(refused.kind === 'refused' && refused.reason, 'budget');
    assert.equal((await requestSummary('2605.00021', 'en', { client: 'other' })).kind, 'cached');
    setEnv({ SUMMARY_DAILY_TOKENS: '1' });
    assert.equal((await requestSummary('2605.00022', 'en', { client: 'other' })).kind, 'refused');
  });

  test('no provider configured: a clear refusal in words for visitors (the configuration detail is for the log)', async () => {
    addPaper('2605.00001');
    setEnv({ LLM_BASE_URL: 'https://api.moonshot.cn/v1' });
    delete process.env.LLM_API_KEY;
    resetConfig();
    const r = await requestSummary('2605.00001', 'en', { client: 'test' });
    assert.equal(r.kind === 'refused' && r.reason, 'no-provider');
    assert.equal(r.kind === 'refused' ? r.message : '', 'Summaries are not enabled on this site.');
    assert.equal(fake.requests.length, 0);
  });

  test('queue: concurrency limit, and papers of the newest day go before older ones', async () => {
    setEnv({ LLM_CONCURRENCY: '1' });
    fake.firstTokenDelayMs = 50;
    addPaper('2605.00031');
    addPaper('2605.00032', 1, false);
    addPaper('2605.00033');
    const first = await requestSummary('2605.00031', 'en', { client: 'a' });
    const old = await requestSummary('2605.00032', 'en', { client: 'a' });
    const today = await requestSummary('2605.00033', 'en', { client: 'a' });
    assert.ok(first.kind === 'job' && old.kind === 'job' && today.kind === 'job');
    assert.notEqual(first.job.stage, 'queued', 'the first takes the only slot at once');
    assert.equal(today.job.position, 1);
    assert.equal(old.job.position, 2);
    const order: string[] = [];
    for (const r of [first, old, today]) void r.job.finished.then(() => order.push(r.job.paper.id));
    const oldEvents: SummaryEvent[] = [];
    old.job.subscribe((e) => oldEvents.push(e));
    await Promise.all([first.job.finished, old.job.finished, today.job.finished]);
    assert.deepEqual(order, ['2605.00031', '2605.00033', '2605.00032']);
    assert.deepEqual(
      oldEvents.filter((e) => e.type === 'queued').map((e) => (e as { position: number }).position),
      [2, 1],
    );
  });
});
