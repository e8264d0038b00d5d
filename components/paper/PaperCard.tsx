// One paper in a list (daily lists, search hits, starred papers, several-id pages).
// A server component: buttons carry data-action and are handled by <PaperBehaviour/> (one
// client leaf in the layout), so cards added later by lazy loading work without hydration.
import { absUrl } from '@/lib/arxiv/ids';
import { pdfClickPath, paperPath, relatedPath, summaryPath } from '@/lib/papers/links';
import type { PaperView } from '@/lib/papers/view';

const AUTHORS_SHOWN = 40;

function cardDate(p: PaperView): string | null {
  return p.listing?.date ?? p.submittedAt?.slice(0, 10) ?? null;
}

function Authors({ authors }: { authors: string[] }) {
  const shown = authors.slice(0, AUTHORS_SHOWN);
  const rest = authors.slice(AUTHORS_SHOWN);
  return (
    <p className="authors notranslate text-sm text-zinc-700 dark:text-zinc-300">
      {shown.join(', ')}
      {rest.length > 0 && (
        <details className="inline">
          <summary className="inline cursor-pointer text-zinc-500"> et al. ({rest.length} more)</summary>
          {', ' + rest.join(', ')}
        </details>
      )}
    </p>
  );
}

const button = 'cursor-pointer rounded border border-zinc-300 px-2 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function PaperCard({ paper, index, total, highlightTerms }: { paper: PaperView; index: number; total?: number; highlightTerms?: string[] }) {
  const date = cardDate(paper);
  return (
    <article
      id={paper.id}
      data-paper-id={paper.id}
      data-title={paper.title}
      data-authors={paper.authors.join('; ')}
      data-year={date?.slice(0, 4)}
      data-category={paper.primaryCategory}
      data-clicks={paper.clicks.pdf + paper.clicks.summary}
      data-index={index}
      data-highlight={highlightTerms?.length ? highlightTerms.join('\n') : undefined}
      className="paper scroll-mt-16 border-b border-zinc-200 py-4 dark:border-zinc-800"
    >
      <h2 className="text-lg leading-snug font-semibold">
        <a href={absUrl(paper.id)} className="index notranslate mr-2 text-sm font-normal text-zinc-500" title={`arXiv ${paper.id}${total ? ` (${index} of ${total})` : ''}`}>
          #{index}
        </a>
        <a href={paperPath(paper.id)} className="title-link hover:underline" dangerouslySetInnerHTML={{ __html: paper.titleHtml }} />
        <button type="button" data-action="star" aria-pressed="false" aria-label={`Star ${paper.id}`} className="star ml-2 cursor-pointer align-middle text-zinc-400">
          ☆
        </button>
      </h2>
      <Authors authors={paper.authors} />
      <div className="abstract mt-2 space-y-2 text-[0.95rem] leading-relaxed" dangerouslySetInnerHTML={{ __html: paper.abstractHtml }} />
      <dl className="meta mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-zinc-600 dark:text-zinc-400">
        <dt>Subjects</dt>
        <dd className="subjects notranslate break-words">
          <strong>{paper.categories[0]}</strong>
          {paper.categories.length > 1 && `, ${paper.categories.slice(1).join(', ')}`}
        </dd>
        {paper.comments && (
          <>
            <dt>Comments</dt>
            {paper.commentsHtml ? (
              <dd className="comments break-words" dangerouslySetInnerHTML={{ __html: paper.commentsHtml }} />
            ) : (
              <dd className="comments break-words">{paper.comments}</dd>
            )}
          </>
        )}
        {date && (
          <>
            <dt>Date</dt>
            <dd>
              <time dateTime={date}>{date}</time>
              {paper.listing && paper.listing.type !== 'new' && <span className="ml-2">({paper.listing.type})</span>}
            </dd>
          </>
        )}
      </dl>
      <nav aria-label={`Links for ${paper.id}`} className="links mt-2 flex flex-wrap gap-2 text-sm">
        <a className={`pdf-link ${button}`} href={pdfClickPath(paper.id)} data-visit="">
          PDF{paper.clicks.pdf ? ` (${paper.clicks.pdf})` : ''}
        </a>
        <a className={`summary ${button}`} href={summaryPath(paper.id)} data-visit="">
          Summary{paper.clicks.summary ? ` (${paper.clicks.summary})` : ''}
        </a>
        <a className={button} href={absUrl(paper.id)}>
          arXiv
        </a>
        <a className={button} href={relatedPath(paper.id)}>
          Related
        </a>
        <button type="button" className={button} data-action="copy" aria-label={`Copy citation text of ${paper.id}`}>
          Copy
        </button>
        <button type="button" className={button} data-action="bibtex" aria-label={`Copy BibTeX of ${paper.id}`}>
          BibTeX
        </button>
      </nav>
    </article>
  );
}
