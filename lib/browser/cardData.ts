// Reading a paper card's data back in the browser (the attributes PaperCard writes).
import type { BibtexPaper } from '@/lib/papers/bibtex';

export function cardPaper(card: HTMLElement): BibtexPaper {
  const d = card.dataset;
  return {
    id: d.paperId ?? card.id,
    title: d.title ?? '',
    ...(d.titleText ? { titleText: d.titleText } : {}),
    authors: (d.authors ?? '').split('; ').filter(Boolean),
    year: d.year ?? null,
    primaryCategory: d.category ?? null,
  };
}

/** Plain-text citation for the Copy button: title, authors, id, link. */
export function citationText(p: BibtexPaper): string {
  return `${(p.titleText ?? p.title).replace(/\s+/g, ' ').trim()}\n${p.authors.join(', ')}\narXiv:${p.id}\nhttps://arxiv.org/abs/${p.id}`;
}
