// Polite HTTP for arXiv: one request at a time, one per interval, across all the site's processes (lib/arxiv/gate.ts),
// a descriptive User-Agent, retries with backoff on timeouts, resets and 5xx, and Retry-After
// honoured on 503/429 (by every process).
import pRetry, { AbortError } from 'p-retry';
import { config } from '@/lib/config';
import { arxivRequest, holdArxiv } from './gate';

export interface HttpOptions {
  minIntervalMs: number;
  retries: number;
  timeoutMs: number;
  /** Backoff before the first retry; doubles each time. */
  backoffMs: number;
  /** Longest Retry-After we are willing to sleep. */
  maxRetryAfterMs: number;
  userAgent: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly url: string,
  ) {
    super(`HTTP ${status} from ${url}`);
    this.name = 'HttpError';
  }
}

export interface HttpResponse {
  status: number;
  body: string;
}

export function defaultHttpOptions(): HttpOptions {
  const c = config();
  return {
    minIntervalMs: c.ARXIV_MIN_INTERVAL_MS,
    retries: c.HTTP_RETRIES,
    timeoutMs: c.HTTP_TIMEOUT_MS,
    backoffMs: 5000,
    maxRetryAfterMs: 120_000,
    userAgent: `CoolPapersTS/0.1 (+https://github.com/cool-papers-ts; mailto:${c.ARXIV_CONTACT})`,
  };
}

/** Seconds or an HTTP date, as RFC 9110 allows. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

class RetryableStatus extends Error {
  constructor(
    readonly status: number,
    readonly waitMs: number | undefined,
    url: string,
  ) {
    super(`HTTP ${status} from ${url}`);
  }
}

export class ArxivHttp {
  constructor(readonly options: HttpOptions = defaultHttpOptions()) {}

  private throttled<T>(fn: () => Promise<T>): Promise<T> {
    return arxivRequest(fn, this.options.timeoutMs, this.options.minIntervalMs);
  }

  /** GET a URL; non-retryable 4xx come back as a response so callers can read arXiv's error body. */
  async get(url: string, log: (msg: string) => void = () => {}): Promise<HttpResponse> {
    const o = this.options;
    return pRetry(
      () =>
        this.throttled(async () => {
          const res = await fetch(url, {
            headers: { 'User-Agent': o.userAgent, Accept: 'application/xml, text/xml, */*' },
            signal: AbortSignal.timeout(o.timeoutMs),
          });
          const body = await res.text();
          if (res.status >= 500 || res.status === 429) {
            throw new RetryableStatus(res.status, retryAfterMs(res.headers.get('retry-after')), url);
          }
          return { status: res.status, body };
        }),
      {
        retries: o.retries,
        minTimeout: o.backoffMs,
        factor: 2,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          log(`attempt ${attemptNumber} for ${url} failed (${error.message}); ${retriesLeft} retries left`);
          if (error instanceof RetryableStatus && error.waitMs !== undefined) {
            if (error.waitMs > o.maxRetryAfterMs)
              throw new AbortError(`${error.message}: Retry-After too long`);
            if (o.minIntervalMs > 0) await holdArxiv(Date.now() + error.waitMs, o.minIntervalMs);
            if (retriesLeft > 0) await new Promise((r) => setTimeout(r, error.waitMs));
          }
        },
      },
    ).catch((e: unknown) => {
      if (e instanceof RetryableStatus) throw new HttpError(e.status, '', url);
      throw e;
    });
  }
}
