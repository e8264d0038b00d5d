// The one place environment variables are read and validated. Everything has an embedded default
// so a first run needs no configuration.
import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

const csv = z.string().transform((s) => s.split(/[\s,]+/).filter(Boolean));

const schema = z.object({
  /**
   * What `npm start` runs: `all` the site and the worker (one host, one command), `web` the site
   * only (several may run, on different PORTs), `worker` the ingest worker only (one is enough).
   */
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  DATABASE_PATH: z.string().default('data/coolpapers.db'),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Public base URL of the site, for feeds and canonical links. */
  SITE_URL: z.string().url().default('http://localhost:3000'),
  /** Categories the worker keeps current. */
  INGEST_CATEGORIES: csv.default(['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG']),
  /** arXiv announces Sunday–Thursday 20:00 US/Eastern. */
  INGEST_CRON: z.string().default('15 20 * * 0-4'),
  INGEST_TIMEZONE: z.string().default('America/New_York'),
  /** Set to 0 to keep the worker from touching the network (tests, offline machines). */
  INGEST_ON_START: z.enum(['0', '1']).default('1'),
  ARXIV_CONTACT: z.string().default('admin@localhost'),
  ARXIV_RSS_URL: z.string().url().default('https://rss.arxiv.org/rss/'),
  ARXIV_API_URL: z.string().url().default('https://export.arxiv.org/api/query'),
  ARXIV_OAI_URL: z.string().url().default('https://oaipmh.arxiv.org/oai'),
  /** Minimum gap between two requests to arXiv (arXiv asks for 1 request / 3 s). */
  ARXIV_MIN_INTERVAL_MS: z.coerce.number().int().nonnegative().default(3000),
  /**
   * Background lookups of v1 submission dates for papers that came from listings (RSS, daily
   * dumps): when the worker runs a tick, and how many papers a tick asks the arXiv API about at
   * most (100 per request, ARXIV_MIN_INTERVAL_MS apart). 0 turns the lookups off.
   */
  BACKFILL_CRON: z.string().default('*/10 * * * *'),
  BACKFILL_PER_TICK: z.coerce.number().int().nonnegative().default(500),
  HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  HTTP_RETRIES: z.coerce.number().int().nonnegative().default(4),
  MEILISEARCH_HOST: z.string().url().optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  LLM_BASE_URL: z.string().url().default('https://api.moonshot.cn/v1'),
  LLM_MODEL: z.string().default('kimi-latest'),
  LLM_API_KEY: z.string().optional(),
  /** Summaries: generations running at once, the model's context window, per-request timeout. */
  LLM_CONCURRENCY: z.coerce.number().int().positive().default(2),
  LLM_CONTEXT_TOKENS: z.coerce.number().int().positive().default(128_000),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  LLM_RETRIES: z.coerce.number().int().nonnegative().default(3),
  /** Bounds on one answer (`max_tokens` sent, and a cut-off on our side whatever the provider does). */
  LLM_MAX_TOKENS: z.coerce.number().int().positive().default(2048),
  LLM_MAX_ANSWER_CHARS: z.coerce.number().int().positive().default(8000),
  /** One generation (all six answers, waits and retries included) ends by then. */
  LLM_GENERATION_TIMEOUT_MS: z.coerce.number().int().positive().default(900_000),
  /** A provider asking to wait longer than this (Retry-After) fails the request at once. */
  LLM_RETRY_AFTER_MAX_MS: z.coerce.number().int().nonnegative().default(60_000),
  /**
   * Reverse proxies whose forwarded header is believed (IPs, CIDRs, or proxy-addr's names such as
   * `loopback`); empty: the socket's peer is the client. TRUSTED_PROXY_HEADER names the header
   * those proxies maintain (append to), so the client cannot have written the part we read.
   */
  TRUSTED_PROXIES: csv.default([]).superRefine((list, ctx) => {
    try {
      proxyaddr.compile(list);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
    }
  }),
  TRUSTED_PROXY_HEADER: z.enum(['x-forwarded-for', 'forwarded']).default('x-forwarded-for'),
  /**
   * New generations: per client per hour, across the site per hour, queued or running at once
   * across the site, and per UTC day across the site (count and tokens).
   */
  SUMMARY_RATE_PER_HOUR: z.coerce.number().int().nonnegative().default(10),
  SUMMARY_GLOBAL_RATE_PER_HOUR: z.coerce.number().int().nonnegative().default(200),
  SUMMARY_MAX_PENDING: z.coerce.number().int().positive().default(20),
  SUMMARY_DAILY_GENERATIONS: z.coerce.number().int().nonnegative().default(500),
  SUMMARY_DAILY_TOKENS: z.coerce.number().int().nonnegative().default(20_000_000),
  /** Categories whose new papers workers/summaries.ts summarises after an ingest (empty: off), and in which languages. */
  SUMMARY_PREGENERATE_CATEGORIES: csv.default([]),
  SUMMARY_PREGENERATE_LANGUAGES: csv.pipe(z.array(z.enum(['en', 'zh']))).default(['en']),
  /** Where paper PDFs come from (`<base><id>v<n>`) and the on-disk PDF cache with its size cap. */
  ARXIV_PDF_URL: z.string().url().default('https://arxiv.org/pdf/'),
  PDF_CACHE_DIR: z.string().default('data/pdf'),
  PDF_CACHE_MAX_MB: z.coerce.number().positive().default(1000),
  /** Where the inline PDF viewer loads from: the reader's browser fetches arXiv (ARXIV_PDF_URL), or this server's PDF cache (/pdf/<id>v<n>). */
  PDF_VIEWER_SOURCE: z.enum(['arxiv', 'cache']).default('arxiv'),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

/** Validated configuration; throws a readable error naming the bad variables. */
export function config(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Absolute path of the SQLite database file. */
export function databasePath(): string {
  return path.resolve(config().DATABASE_PATH);
}

/** Tests and scripts that change process.env call this to re-read it. */
export function resetConfig(): void {
  cached = undefined;
}
