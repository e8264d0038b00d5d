// List specs in /arxiv/<spec>: which categories a daily list shows.
//   cs.CL              one category
//   cs                 an archive: every cs.* category
//   cs.AI,cs.CL        union
//   cs.AI+cs.LG-cs.CY  in cs.AI or cs.LG, and not in cs.CY
// A term without a dot is an archive. Exclusion looks at the paper's own categories (all of
// them, not just where it was listed that day): "-cs.CY" drops any paper tagged cs.CY.
// Merged categories are one term under their canonical name (cs.SY is eess.SY).

import { archives, canonicalCategory, CATEGORY_NAMES } from '@/lib/arxiv/taxonomy';

export interface ListSpec {
  include: string[];
  exclude: string[];
}

// Terms are matched longest-known-code first, because codes contain "-" too (hep-th,
// cond-mat.mes-hall); unknown codes fall back to a hyphen-free pattern.
const KNOWN = [...CATEGORY_NAMES.keys(), ...archives().map((a) => a.id)]
  .sort((a, b) => b.length - a.length)
  .map((c) => c.replace(/[.-]/g, '\\$&'));
const TOKEN = new RegExp(`([,+ -]?)(${KNOWN.join('|')}|[a-z]+(?:\\.[A-Za-z]+)?)(?=$|[,+ -])`, 'y');

interface Term {
  /** "" for the first term, else the separator before it: "-" excludes. */
  sign: string;
  /** The canonical spelling of the category or archive (cs.SY is written eess.SY). */
  term: string;
}

/** A spec's terms in order, each once; null when the text is not a spec. */
function terms(input: string): Term[] | null {
  const s = input.trim();
  if (!s || s.length > 500) return null;
  const out: Term[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    const m = TOKEN.exec(s);
    if (!m) return null;
    const [, sign, term] = m as unknown as [string, string, string];
    const t = { sign, term: canonicalCategory(term) };
    if (!out.some((o) => o.term === t.term && (o.sign === '-') === (t.sign === '-'))) out.push(t);
  }
  return out;
}

/** Parses a spec; null when it is not one (the route then tries arXiv ids). */
export function parseSpec(input: string): ListSpec | null {
  const all = terms(input);
  const include = all?.filter((t) => t.sign !== '-').map((t) => t.term) ?? [];
  if (!include.length) return null;
  return { include, exclude: all!.filter((t) => t.sign === '-').map((t) => t.term) };
}

/**
 * The spec as written with canonical category names and each term once, separators kept:
 * "cs.SY,cs.AI" → "eess.SY,cs.AI". Lists redirect to it, so either spelling shows one list.
 */
export function canonicalSpecText(input: string): string | null {
  const all = terms(input);
  if (!all?.some((t) => t.sign !== '-')) return null;
  return all.map((t) => t.sign + t.term).join('');
}
