// List specs in /arxiv/<spec>: which categories a daily list shows.
//   cs.CL              one category
//   cs                 an archive: every cs.* category
//   cs.AI,cs.CL        union
//   cs.AI+cs.LG-cs.CY  in cs.AI or cs.LG, and not in cs.CY
// A term without a dot is an archive. Exclusion looks at the paper's own categories (all of
// them, not just where it was listed that day): "-cs.CY" drops any paper tagged cs.CY.

import { archives, CATEGORY_NAMES } from '@/lib/arxiv/taxonomy';

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

/** Parses a spec; null when it is not one (the route then tries arXiv ids). */
export function parseSpec(input: string): ListSpec | null {
  const s = input.trim();
  if (!s || s.length > 500) return null;
  const include: string[] = [];
  const exclude: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    const m = TOKEN.exec(s);
    if (!m) return null;
    const [, sign, term] = m as unknown as [string, string, string];
    (sign === '-' ? exclude : include).push(term);
  }
  if (!include.length) return null;
  return { include: [...new Set(include)], exclude: [...new Set(exclude)] };
}

export function formatSpec(spec: ListSpec): string {
  return spec.include.join('+') + spec.exclude.map((e) => `-${e}`).join('');
}

export const isArchive = (term: string) => !term.includes('.');
