// Our URLs for a paper. Old-style ids contain a slash: the paper page serves it as two path
// segments (/arxiv/hep-th/9901001); /summary/, /go/pdf/ and /pdf/ take the rest of the path.
export const paperPath = (id: string) => `/arxiv/${id}`;
export const summaryPath = (id: string) => `/summary/${id}`;
export const pdfClickPath = (id: string) => `/go/pdf/${id}`;
export const relatedPath = (id: string) => `/search?related=${encodeURIComponent(id)}`;
/** An author search; the form stays short, as cards carry one per author. */
export const authorPath = (name: string) => `/search?q=au:${encodeURIComponent(`"${name.replace(/"/g, '')}"`).replace(/%20/g, '+')}`;
export const listPath = (spec: string, date?: string | null) => `/arxiv/${spec}${date ? `?date=${date}` : ''}`;
/** Where proxy.ts sends /arxiv/… addresses naming nothing we have (lib/papers/missing.ts): no route
 * matches MISSING_PREFIX + the address, so Next answers with app/not-found.tsx. */
export const MISSING_PREFIX = '/__missing';
