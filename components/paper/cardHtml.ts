// One paper card as an HTML string. Lists insert many cards as one block of server HTML
// (dangerouslySetInnerHTML), so React neither hydrates nor diffs them: hydration stays O(1) in the
// number of cards. Behaviour comes from <PaperBehaviour/>'s delegated listeners (data-action).
// Plain text is escaped here; titleHtml/abstractHtml/commentsHtml are already sanitised HTML.
import { absUrl } from '@/lib/arxiv/ids';
import { authorPath, listPath, pdfClickPath, paperPath, relatedPath, summaryPath } from '@/lib/papers/links';
import type { PaperView } from '@/lib/papers/view';
import { escapeHtml } from '@/lib/render/escape';

const AUTHORS_SHOWN = 40;
// A card names at most this many authors (the paper page names them all), so one card of a
// collaboration paper with thousands stays small.
const AUTHORS_IN_CARD = 500;
const BUTTON =
  'cursor-pointer rounded border border-zinc-300 px-2 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

// Links leaving the site open in a new tab, so the list stays where the reader was.
const EXTERNAL = 'target="_blank" rel="noopener"';

const esc = (s: string | number) => escapeHtml(String(s));

/** Attributes from a record; undefined values are left out. */
const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('');

function cardDate(p: PaperView): string | null {
  return p.listing?.date ?? p.submittedAt?.slice(0, 10) ?? p.announcedOn;
}

/** Each author links to a search of their name. */
const authorLinks = (names: string[]) =>
  names.map((n) => `<a href="${esc(authorPath(n))}" class="author">${esc(n)}</a>`).join(', ');

function authorsHtml(id: string, authors: string[]): string {
  const rest = authors.slice(AUTHORS_SHOWN, AUTHORS_IN_CARD);
  const unnamed = authors.length - AUTHORS_IN_CARD;
  const onPage = unnamed > 0 ? `, <a href="${esc(paperPath(id))}">and ${unnamed} more</a>` : '';
  const more = rest.length
    ? `<details class="inline"><summary class="inline cursor-pointer text-zinc-500"> et al. (${authors.length - AUTHORS_SHOWN} more)</summary>, ${authorLinks(rest)}${onPage}</details>`
    : '';
  return `<p class="authors notranslate text-sm text-zinc-700 dark:text-zinc-300">${authorLinks(authors.slice(0, AUTHORS_SHOWN))}${more}</p>`;
}

/** A subject links to its daily list; <PaperBehaviour/> adds the + / − beside it that follows it (a button only script can use). */
const subjectHtml = (c: string) => `<a href="${esc(listPath(c))}" class="subject">${esc(c)}</a>`;

function metaHtml(p: PaperView, date: string | null): string {
  const [primary, ...others] = p.categories;
  const subjects = [primary ? `<strong>${subjectHtml(primary)}</strong>` : '', ...others.map(subjectHtml)]
    .filter(Boolean)
    .join(', ');
  let html = `<dt>Subjects</dt><dd class="subjects notranslate break-words">${subjects}</dd>`;
  if (p.comments)
    html += `<dt>Comments</dt><dd class="comments break-words">${p.commentsHtml ?? esc(p.comments)}</dd>`;
  if (date) {
    const type =
      p.listing && p.listing.type !== 'new' ? `<span class="ml-2">(${esc(p.listing.type)})</span>` : '';
    html += `<dt>Date</dt><dd><time datetime="${esc(date)}">${esc(date)}</time>${type}</dd>`;
  }
  return `<dl class="meta mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-zinc-600 dark:text-zinc-400">${html}</dl>`;
}

function linksHtml(p: PaperView, summaries: boolean): string {
  const count = (n: number) => (n ? ` (${n})` : '');
  // Without JavaScript PDF opens in a new tab (through the click counter); with it, a plain click
  // opens the viewer under the card (<CardPdfs/>).
  const summary =
    summaries || p.hasSummary
      ? `<a class="summary ${BUTTON}" href="${esc(summaryPath(p.id))}" data-visit="summary">Summary${count(p.clicks.summary)}</a>`
      : '';
  return (
    `<nav aria-label="Links for ${esc(p.id)}" class="links mt-2 flex flex-wrap gap-2 text-sm">` +
    `<a class="pdf-link ${BUTTON}" href="${esc(pdfClickPath(p.id))}" ${EXTERNAL} data-visit="pdf">PDF${count(p.clicks.pdf)}</a>` +
    summary +
    `<a class="${BUTTON}" href="${esc(absUrl(p.id))}" ${EXTERNAL}>arXiv</a>` +
    `<a class="${BUTTON}" href="${esc(relatedPath(p.id))}">Related</a>` +
    `<button type="button" class="${BUTTON}" data-action="copy" aria-label="Copy citation text of ${esc(p.id)}">Copy</button>` +
    `<button type="button" class="${BUTTON}" data-action="bibtex" aria-label="Copy BibTeX of ${esc(p.id)}">BibTeX</button>` +
    `</nav>`
  );
}

export interface CardOptions {
  index: number;
  total?: number;
  /** Search hits carry their query terms (marked in the browser). */
  highlightTerms?: string[];
  /** Summaries can be generated on this site; otherwise only papers with a stored summary offer one. */
  summaries: boolean;
}

export function paperCardHtml(
  p: PaperView,
  { index, total, highlightTerms, summaries }: CardOptions,
): string {
  const date = cardDate(p);
  const article = attrs({
    id: p.id,
    'data-paper-id': p.id,
    'data-title': p.title,
    // Copy and the starred list show plain text; BibTeX keeps the TeX (LaTeX typesets it).
    'data-title-text': p.titleText === p.title ? undefined : p.titleText,
    'data-authors': p.authors.slice(0, AUTHORS_IN_CARD).join('; '),
    'data-version': p.version,
    'data-year': date?.slice(0, 4),
    'data-category': p.primaryCategory,
    'data-clicks': p.clicks.pdf + p.clicks.summary,
    'data-index': index,
    'data-highlight': highlightTerms?.length ? highlightTerms.join('\n') : undefined,
    // Off-screen cards skip layout until scrolled near (remembering their size once laid out), so
    // the first screen of a long list is laid out first.
    class:
      'paper scroll-mt-16 border-b border-zinc-200 py-4 dark:border-zinc-800 [content-visibility:auto] [contain-intrinsic-size:auto_24rem]',
  });
  const indexTitle = `arXiv ${p.id}${total ? ` (${index} of ${total})` : ''}`;
  return (
    `<article${article}>` +
    `<h2 class="text-lg leading-snug font-semibold">` +
    `<a href="${esc(absUrl(p.id))}" ${EXTERNAL} class="index notranslate mr-2 text-sm font-normal text-zinc-500" title="${esc(indexTitle)}">#${index}</a>` +
    `<a href="${esc(paperPath(p.id))}" class="title-link hover:underline">${p.titleHtml}</a>` +
    `<button type="button" data-action="star" aria-pressed="false" aria-label="Star ${esc(p.id)}" class="star ml-2 cursor-pointer align-middle text-zinc-400 aria-pressed:text-amber-500">☆</button>` +
    `</h2>` +
    authorsHtml(p.id, p.authors) +
    `<div class="abstract mt-2 space-y-2 text-[0.95rem] leading-relaxed">${p.abstractHtml}</div>` +
    metaHtml(p, date) +
    linksHtml(p, summaries) +
    `</article>`
  );
}
