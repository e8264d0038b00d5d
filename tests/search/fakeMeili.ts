// A loopback stand-in for Meilisearch (it cannot run here) that answers the routes our engine
// uses with Meilisearch's documented response shapes: 202 summarized tasks, GET /tasks/:uid task
// objects, and search responses with hits/_formatted/estimatedTotalHits. Its matching is a
// small model of Meilisearch's: words (last one as a prefix), "phrases", -negation,
// matchingStrategy all/last, attributesToSearchOn, array filters, sort, highlight and crop,
// attributesToRetrieve and showRankingScore.
// No stemming and no typos, so tests written against it hold for both engines.
import type http from 'node:http';
import { startServer, type TestServer } from '@/tests/helpers/http';

type Doc = Record<string, unknown>;
interface Task {
  uid: number;
  indexUid: string;
  type: string;
  enqueuedAt: string;
}

// Meilisearch's normalizer (charabia): compatibility decomposition, nonspacing marks removed, lower case.
const words = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

// Documents are replaced, never changed, on upsert: their words can be kept with them.
const wordsOf = new WeakMap<Doc, Map<string, string[]>>();
function fieldWords(doc: Doc, attr: string): string[] {
  const perDoc = wordsOf.get(doc) ?? wordsOf.set(doc, new Map()).get(doc)!;
  return perDoc.get(attr) ?? perDoc.set(attr, words([doc[attr]].flat().join(' '))).get(attr)!;
}

interface QTerm {
  words: string[];
  phrase: boolean;
  negative: boolean;
}
function parseQ(q: string): QTerm[] {
  return [...q.matchAll(/(-?)(?:"([^"]*)"|(\S+))/g)]
    .map(([, neg, phrase, word]) => ({
      words: words(phrase ?? word ?? ''),
      phrase: phrase !== undefined,
      negative: neg === '-',
    }))
    .filter((t) => t.words.length);
}

function contains(tokens: string[], t: QTerm, prefixLast: boolean): boolean {
  if (!t.phrase && t.words.length > 1) return t.words.every((w) => tokens.includes(w));
  for (let i = 0; i + t.words.length <= tokens.length; i++) {
    if (
      t.words.every((w, j) =>
        prefixLast && j === t.words.length - 1 ? tokens[i + j]!.startsWith(w) : tokens[i + j] === w,
      )
    )
      return true;
  }
  return false;
}

function leaf(doc: Doc, expr: string): boolean {
  const m = /^(\w+) (=|!=|>=|<=|>|<) (?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?))$/.exec(expr.trim());
  if (!m) throw Object.assign(new Error(`invalid filter ${expr}`), { code: 'invalid_search_filter' });
  const [, attr, op, str, num] = m;
  const want: string | number = str !== undefined ? str.replace(/\\(.)/g, '$1') : Number(num);
  const values = [doc[attr!]].flat();
  const test = (v: unknown) => {
    if (v === null || v === undefined) return false;
    switch (op) {
      case '=':
        return v === want;
      case '!=':
        return v !== want;
      case '>=':
        return (v as number) >= (want as number);
      case '<=':
        return (v as number) <= (want as number);
      case '>':
        return (v as number) > (want as number);
      default:
        return (v as number) < (want as number);
    }
  };
  return op === '!=' ? values.every(test) : values.some(test);
}

const filterOk = (doc: Doc, filter: unknown): boolean =>
  !filter ||
  (filter as (string | string[])[]).every((f) =>
    Array.isArray(f) ? f.some((g) => leaf(doc, g)) : leaf(doc, f),
  );

function mark(text: string, terms: QTerm[], pre: string, post: string): string {
  const all = terms.filter((t) => !t.negative).flatMap((t) => t.words);
  return text.replace(/[\p{L}\p{N}]+/gu, (w) =>
    all.some((q) => words(w)[0]?.startsWith(q)) ? pre + w + post : w,
  );
}

function crop(text: string, terms: QTerm[], length: number, marker: string): string {
  const toks = text.split(/\s+/);
  const all = terms.filter((t) => !t.negative).flatMap((t) => t.words);
  const at = Math.max(
    0,
    toks.findIndex((w) => words(w).some((x) => all.includes(x))),
  );
  const start = Math.max(0, at - Math.floor(length / 2));
  const part = toks.slice(start, start + length).join(' ');
  return (start > 0 ? marker : '') + part + (start + length < toks.length ? marker : '');
}

export interface FakeMeili extends TestServer {
  docs: Map<string, Doc>;
  settings: Record<string, unknown>;
}

export async function startFakeMeili(): Promise<FakeMeili> {
  const docs = new Map<string, Doc>();
  const settings: Record<string, unknown> = {};
  const tasks: Task[] = [];
  const enqueue = (res: http.ServerResponse, indexUid: string, type: string) => {
    const task = { uid: tasks.length, indexUid, type, enqueuedAt: new Date().toISOString() };
    tasks.push(task);
    send(res, 202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt });
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = await startServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    const url = new URL(req.url!, 'http://x');
    const m = /^\/indexes\/([\w-]+)\/(settings|documents\/delete-batch|documents|search)$/.exec(url.pathname);
    const task = /^\/tasks\/(\d+)$/.exec(url.pathname);
    if (task && req.method === 'GET') {
      const t = tasks[Number(task[1])];
      if (!t)
        return send(res, 404, {
          message: `Task \`${task[1]}\` not found.`,
          code: 'task_not_found',
          type: 'invalid_request',
          link: 'https://docs.meilisearch.com/errors#task_not_found',
        });
      const now = new Date().toISOString();
      return send(res, 200, {
        uid: t.uid,
        batchUid: t.uid,
        indexUid: t.indexUid,
        status: 'succeeded',
        type: t.type,
        canceledBy: null,
        details: {},
        error: null,
        duration: 'PT0.001S',
        enqueuedAt: t.enqueuedAt,
        startedAt: now,
        finishedAt: now,
      });
    }
    if (!m)
      return send(res, 404, { message: 'Not found', code: 'not_found', type: 'invalid_request', link: '' });
    const [, indexUid, route] = m;
    if (route === 'settings' && req.method === 'PATCH') {
      Object.assign(settings, body);
      return enqueue(res, indexUid!, 'settingsUpdate');
    }
    if (route === 'documents' && req.method === 'POST') {
      const key = url.searchParams.get('primaryKey') ?? 'id';
      for (const d of body as Doc[]) docs.set(String(d[key]), d);
      return enqueue(res, indexUid!, 'documentAdditionOrUpdate');
    }
    if (route === 'documents/delete-batch' && req.method === 'POST') {
      for (const id of body as string[]) docs.delete(String(id));
      return enqueue(res, indexUid!, 'documentDeletion');
    }
    if (route === 'search' && req.method === 'POST') {
      const started = Date.now();
      const terms = parseQ(String(body.q ?? ''));
      const attrs: string[] = body.attributesToSearchOn ?? (settings.searchableAttributes as string[]);
      const weight = (a: string) => attrs.length - attrs.indexOf(a);
      const positive = terms.filter((t) => !t.negative);
      // 'all': every term; 'last': at least the first term, ranked by how many leading terms match.
      const found: { doc: Doc; score: number }[] = [];
      for (const doc of docs.values()) {
        if (!filterOk(doc, body.filter)) continue;
        const fields = attrs.map((a) => ({ a, toks: fieldWords(doc, a) }));
        const has = (t: QTerm) =>
          fields.some((f) => contains(f.toks, t, !t.phrase && t === terms[terms.length - 1]));
        if (terms.some((t) => t.negative && has(t))) continue;
        let leading = 0;
        while (leading < positive.length && has(positive[leading]!)) leading++;
        if (leading < (body.matchingStrategy === 'last' ? 1 : positive.length)) continue;
        const score = positive.reduce(
          (s, t) => s + fields.reduce((x, f) => x + (contains(f.toks, t, false) ? weight(f.a) : 0), 0),
          0,
        );
        found.push({ doc, score: leading * 1000 + score });
      }
      // _rankingScore (showRankingScore): 0 to 1, higher is better, as Meilisearch reports it.
      const best = positive.length * (1000 + attrs.reduce((x, a) => x + weight(a), 0));
      const retrieve = body.attributesToRetrieve as string[] | undefined;
      const [sortAttr, dir] = ((body.sort as string[] | undefined)?.[0] ?? '').split(':');
      found.sort((a, b) => {
        if (sortAttr) {
          const x = (a.doc[sortAttr] as number | null) ?? -Infinity;
          const y = (b.doc[sortAttr] as number | null) ?? -Infinity;
          if (x !== y) return dir === 'desc' ? y - x : x - y;
        }
        return b.score - a.score;
      });
      const offset = body.offset ?? 0;
      const limit = body.limit ?? 20;
      const pre = body.highlightPreTag ?? '<em>';
      const post = body.highlightPostTag ?? '</em>';
      const hits = found.slice(offset, offset + limit).map(({ doc, score }) => {
        const shown = retrieve ? Object.fromEntries(retrieve.map((a) => [a, doc[a]])) : doc;
        const formatted: Doc = { ...shown };
        for (const a of body.attributesToHighlight ?? [])
          formatted[a] = mark(String(doc[a]), terms, pre, post);
        for (const a of body.attributesToCrop ?? [])
          formatted[a] = mark(
            crop(String(doc[a]), terms, body.cropLength ?? 10, body.cropMarker ?? '…'),
            terms,
            pre,
            post,
          );
        const highlighted = body.attributesToHighlight?.length || body.attributesToCrop?.length;
        return {
          ...shown,
          ...(highlighted ? { _formatted: formatted } : {}),
          ...(body.showRankingScore ? { _rankingScore: score / best } : {}),
        };
      });
      const maxTotal = (settings.pagination as { maxTotalHits?: number } | undefined)?.maxTotalHits ?? 1000;
      return send(res, 200, {
        hits,
        query: body.q ?? '',
        processingTimeMs: Date.now() - started,
        limit,
        offset,
        estimatedTotalHits: Math.min(found.length, maxTotal),
      });
    }
    send(res, 405, {
      message: 'Method not allowed',
      code: 'method_not_allowed',
      type: 'invalid_request',
      link: '',
    });
  });
  // Each search blocks the event loop for the whole scan: an idle keep-alive socket must not time
  // out meanwhile while the client already sends its next request on it.
  server.server.keepAliveTimeout = 60_000;
  return Object.assign(server, { docs, settings });
}
