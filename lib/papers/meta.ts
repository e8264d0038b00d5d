// Highwire Press citation_* tags (what Zotero's connector and Google Scholar read) and Open
// Graph tags for a paper page.
import type { Metadata } from 'next';
import { pdfUrl } from '@/lib/arxiv/ids';
import { plainText } from '@/lib/render';
import type { PaperView } from './view';

const day = (iso: string | null | undefined) => iso?.slice(0, 10).replaceAll('-', '/');

export function paperMetadata(p: PaperView): Metadata {
  const date = day(p.submittedAt) ?? day(p.listing?.date) ?? null;
  // Plain text (lib/render/plain): these places cannot typeset TeX.
  const description = plainText(p.abstract).slice(0, 300);
  const other: Record<string, string | string[]> = {
    citation_title: p.titleText,
    citation_author: p.authors,
    citation_arxiv_id: p.id,
    citation_pdf_url: pdfUrl(p.id),
    citation_abstract_html_url: `https://arxiv.org/abs/${p.id}`,
  };
  if (date) {
    other.citation_date = date;
    other.citation_online_date = date;
  }
  if (p.doi) other.citation_doi = p.doi;
  if (p.journalRef) other.citation_journal_title = p.journalRef;
  return {
    title: p.titleText,
    description,
    other,
    openGraph: {
      type: 'article',
      title: p.titleText,
      description,
      siteName: 'Cool Papers TS',
      authors: p.authors.slice(0, 10),
    },
  };
}
