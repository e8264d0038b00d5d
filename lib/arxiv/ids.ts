// arXiv identifiers in every form people paste, normalised in one place.
//   new style: 2401.12345, 0704.0001 (4-digit numbers before 2015), optional vN
//   old style: hep-th/9901001, math.AG/0601001 (subject class in old ids), optional vN
//   wrapped:   arXiv:…, https://arxiv.org/abs/…, /pdf/….pdf, export.arxiv.org, oai:arXiv.org:…

export interface ArxivId {
  /** Canonical id without version: "2401.12345", "hep-th/9901001". */
  id: string;
  /** Version number when the input named one. */
  version?: number;
}

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
// Old-style archives may carry a subject class ("math.AG/0601001"); the canonical id drops it.
const OLD_STYLE = /^([a-z][a-z-]*)(?:\.[A-Z]{2})?\/(\d{7})(?:v(\d+))?$/;

/** Parses any accepted form; returns null when the text is not an arXiv id. */
export function parseArxivId(input: string): ArxivId | null {
  let s = input.trim();
  s = s.replace(/^<|>$/g, '');
  s = s.replace(/^(?:https?:\/\/)?(?:[\w-]+\.)?arxiv\.org\/(?:abs|pdf|html|format)\//i, '');
  s = s.replace(/^oai:arxiv\.org:/i, '');
  s = s.replace(/^arxiv:\s*/i, '');
  s = s
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .replace(/\.pdf$/i, '');

  const n = NEW_STYLE.exec(s);
  if (n) {
    const [, yy, mm, num, v] = n as unknown as [string, string, string, string, string | undefined];
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    // 5-digit numbers started in 2015 (1501.00001); before that ids had 4 digits.
    if (num.length === 5 && Number(yy) < 15) return null;
    if (num.length === 4 && Number(yy) >= 15) return null;
    return withVersion(`${yy}${mm}.${num}`, v);
  }
  const o = OLD_STYLE.exec(s);
  if (o) {
    const [, archive, num, v] = o as unknown as [string, string, string, string | undefined];
    return withVersion(`${archive}/${num}`, v);
  }
  return null;
}

function withVersion(id: string, v: string | undefined): ArxivId {
  return v ? { id, version: Number(v) } : { id };
}

/** Canonical id or throws with a message that names the bad input. */
export function normaliseArxivId(input: string): string {
  const parsed = parseArxivId(input);
  if (!parsed) throw new Error(`not an arXiv id: ${JSON.stringify(input.slice(0, 100))}`);
  return parsed.id;
}

export const absUrl = (id: string, version?: number) =>
  `https://arxiv.org/abs/${id}${version ? `v${version}` : ''}`;
export const pdfUrl = (id: string, version?: number) =>
  `https://arxiv.org/pdf/${id}${version ? `v${version}` : ''}`;

/** Archive of a category: "cs" for "cs.CL", "hep-th" for "hep-th", "math" for "math.AG". */
export function archiveOf(category: string): string {
  const dot = category.indexOf('.');
  return dot === -1 ? category : category.slice(0, dot);
}
