// Paper PDFs from arXiv (pdf/<id>v<n>), politely (in turn with all the site's processes' requests to
// arXiv, lib/arxiv/gate.ts; our User-Agent, retries), kept on disk; the oldest-used files go when the
// cache outgrows PDF_CACHE_MAX_MB.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import pRetry, { AbortError } from 'p-retry';
import { arxivRequest } from '@/lib/arxiv/gate';
import { defaultHttpOptions } from '@/lib/arxiv/http';
import { config } from '@/lib/config';

const cacheDir = () => path.resolve(config().PDF_CACHE_DIR);
// Raise when the extracted text changes, so that texts kept by an older extractor are not reused.
const TEXT_VERSION = 2;
const cacheFile = (id: string, version: number, ext: 'pdf' | 'txt' = 'pdf') =>
  path.join(
    cacheDir(),
    `${id.replace('/', '_')}v${version}${ext === 'txt' ? `.text${TEXT_VERSION}` : ''}.${ext}`,
  );

/**
 * The extracted text of one version: from the disk cache (next to the PDF) or extracted once by
 * `extract` from the PDF. Re-reading a paper (other language, regeneration) then costs a file read.
 */
export async function pdfText(
  id: string,
  version: number,
  extract: (pdf: Uint8Array) => Promise<string>,
): Promise<string> {
  const file = cacheFile(id, version, 'txt');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    /* not cached */
  }
  const text = await extract(await fetchPdf(id, version));
  writeFileSync(file, text);
  return text;
}

/** The PDF of one version, from the disk cache or arXiv; throws when it cannot be had. */
export async function fetchPdf(id: string, version: number): Promise<Uint8Array> {
  const file = cacheFile(id, version);
  try {
    const data = readFileSync(file);
    const now = new Date();
    utimesSync(file, now, now); // mtime = last use, for eviction
    return new Uint8Array(data);
  } catch {
    /* not cached */
  }
  const http = defaultHttpOptions();
  const url = `${config().ARXIV_PDF_URL.replace(/\/?$/, '/')}${id}v${version}`;
  const data = await pRetry(
    () =>
      arxivRequest(async () => {
        const res = await fetch(url, {
          headers: { 'User-Agent': http.userAgent, Accept: 'application/pdf' },
          signal: AbortSignal.timeout(http.timeoutMs),
        });
        if (res.status === 429 || res.status >= 500) throw new Error(`HTTP ${res.status} from ${url}`);
        if (!res.ok) throw new AbortError(`HTTP ${res.status} from ${url}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (!Buffer.from(bytes.subarray(0, 5)).toString('latin1').startsWith('%PDF'))
          throw new AbortError(`not a PDF: ${url}`);
        return bytes;
      }),
    { retries: Math.min(http.retries, 2), minTimeout: 1000, factor: 2 },
  );
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(file, data);
  evict();
  return data;
}

/** Deletes least recently used PDFs (and extracted texts) until the cache fits its cap. */
export function evict(): void {
  const cap = config().PDF_CACHE_MAX_MB * 1024 * 1024;
  const files = readdirSync(cacheDir())
    .filter((f) => f.endsWith('.pdf') || f.endsWith('.txt'))
    .map((f) => {
      const full = path.join(cacheDir(), f);
      const st = statSync(full);
      return { full, size: st.size, used: st.mtimeMs };
    })
    .sort((a, b) => a.used - b.used);
  let total = files.reduce((n, f) => n + f.size, 0);
  for (const f of files) {
    if (total <= cap) break;
    unlinkSync(f.full);
    total -= f.size;
  }
}
