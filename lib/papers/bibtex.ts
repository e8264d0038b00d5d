// BibTeX for papers, in the form arXiv's own export uses (@misc with eprint fields).
// Browser-safe: the star page and the card's BibTeX button call it client-side.

export interface BibtexPaper {
  id: string;
  /** TeX, as stored (accents as Unicode): LaTeX typesets its maths. */
  title: string;
  /** Plain text (lib/render/plain) where it differs from `title`, for lists and citations. */
  titleText?: string;
  authors: string[];
  /** Year of first submission or listing. */
  year?: string | number | null;
  primaryCategory?: string | null;
}

// BibTeX needs balanced braces; drop the unbalanced ones rather than emit a broken entry.
function balanced(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if (ch === '{') depth++;
    if (ch === '}') {
      if (depth === 0) continue;
      depth--;
    }
    out += ch;
  }
  return out + '}'.repeat(depth);
}

function citeKey(p: BibtexPaper): string {
  const surname = (p.authors[0] ?? 'arxiv').trim().split(/\s+/).at(-1) ?? 'arxiv';
  const ascii =
    surname
      .normalize('NFKD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase() || 'arxiv';
  return `${ascii}${p.year ?? ''}_${p.id.replace(/[^0-9A-Za-z.]/g, '')}`;
}

export function bibtexEntry(p: BibtexPaper): string {
  const fields: [string, string][] = [
    ['title', balanced(p.title)],
    ['author', balanced(p.authors.join(' and ') || 'Unknown')],
    ...(p.year ? ([['year', String(p.year)]] as [string, string][]) : []),
    ['eprint', p.id],
    ['archivePrefix', 'arXiv'],
    ...(p.primaryCategory ? ([['primaryClass', p.primaryCategory]] as [string, string][]) : []),
    ['url', `https://arxiv.org/abs/${p.id}`],
  ];
  return `@misc{${citeKey(p)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

export const bibtexFile = (papers: BibtexPaper[]) => papers.map(bibtexEntry).join('\n\n') + '\n';
