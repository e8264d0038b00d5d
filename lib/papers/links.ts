// Our URLs for a paper, and reading them back. Old-style ids contain a slash: the paper page
// serves it as two path segments (/arxiv/hep-th/9901001); /summary/, /go/pdf/ and /pdf/ take the
// rest of the path.
import { parseArxivId, type ArxivId } from '@/lib/arxiv/ids';

export const paperPath = (id: string) => `/arxiv/${id}`;
export const summaryPath = (id: string) => `/summary/${id}`;
export const pdfClickPath = (id: string) => `/go/pdf/${id}`;
export const relatedPath = (id: string) => `/search?related=${encodeURIComponent(id)}`;
/** An author search; the form stays short, as cards carry one per author. */
export const authorPath = (name: string) =>
  `/search?q=au:${encodeURIComponent(`"${name.replace(/"/g, '')}"`).replace(/%20/g, '+')}`;
export const listPath = (spec: string, date?: string | null) =>
  `/arxiv/${spec}${date ? `?date=${date}` : ''}`;
/** Where proxy.ts sends /arxiv/… addresses naming nothing we have (app/arxiv/resolve.ts): no route
 * matches MISSING_PREFIX + the address, so Next answers with app/not-found.tsx. */
export const MISSING_PREFIX = '/__missing';

/**
 * A URL segment decoded: route params may arrive still percent-encoded (%2F in old-style ids, %2C
 * for commas). Null when its percent-encoding is malformed (proxy.ts answers such addresses 400).
 */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The arXiv id that route segments spell (["2401.12345v2"] or ["hep-th", "9901001"]); else null. */
export function idFromSegments(segments: string[]): ArxivId | null {
  const decoded = segments.map(decodeSegment);
  return decoded.every((s) => s !== null) ? parseArxivId(decoded.join('/')) : null;
}
