// Paper cards in pages (daily lists, search hits, starred papers, several-id pages): server HTML
// from paperCardHtml, outside React's tree. Buttons carry data-action and are handled by
// <PaperBehaviour/> (one client leaf in the layout), so cards added later by lazy loading work too.
import { preload } from 'react-dom';
import { config } from '@/lib/config';
import { mathFontUrls } from '@/lib/papers/mathFonts';
import type { PaperView } from '@/lib/papers/view';
import { summariesEnabled } from '@/lib/summaries/availability';
import { paperCardHtml, type CardOptions } from './cardHtml';

/** Asks for the maths fonts these cards use in <head>, so they load alongside the stylesheet. */
function preloadingFonts(html: string): { __html: string } {
  for (const href of mathFontUrls(html))
    preload(href, { as: 'font', type: 'font/woff', crossOrigin: 'anonymous' });
  return { __html: html };
}

/**
 * Where the inline PDF viewer loads a card's PDF from (`<base><id>v<version>`), read at request time
 * (a static page built earlier must not fix it), set on the cards' wrapper.
 */
function pdfBase(): string {
  const c = config();
  return c.PDF_VIEWER_SOURCE === 'cache' ? '/pdf/' : c.ARXIV_PDF_URL.replace(/\/?$/, '/');
}

/** One card; the wrapper is display: contents, so the <article> lays out as if it stood alone. */
export function PaperCard({ paper, ...options }: Omit<CardOptions, 'summaries'> & { paper: PaperView }) {
  return (
    <div
      className="contents"
      data-pdf-base={pdfBase()}
      dangerouslySetInnerHTML={preloadingFonts(
        paperCardHtml(paper, { ...options, summaries: summariesEnabled() }),
      )}
    />
  );
}

/** A list's cards as direct children of one .items block (the filter sorts them in place). */
export function PaperCardList({
  papers,
  total,
}: {
  papers: (PaperView & { index: number })[];
  total?: number;
}) {
  const summaries = summariesEnabled();
  return (
    <div
      className="items"
      data-pdf-base={pdfBase()}
      dangerouslySetInnerHTML={preloadingFonts(
        papers.map((p) => paperCardHtml(p, { index: p.index, total, summaries })).join(''),
      )}
    />
  );
}
