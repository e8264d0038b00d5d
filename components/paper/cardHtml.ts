// One paper card as an HTML string. Lists insert many cards as one block of server HTML
// (dangerouslySetInnerHTML), so React neither hydrates nor diffs them: hydration stays O(1) in the
// number of cards. Behaviour comes from <PaperBehaviour/>'s delegated listeners (data-action).
// Plain text is escaped here; titleHtml/abstractHtml/commentsHtml are already sanitised HTML.
import { absUrl } from '@/lib/arxiv/ids';
import { pdfClickPath, paperPath, relatedPath, summaryPath } from '@/lib/papers/links';
import type { PaperView } from '@/lib/papers/view';

const AUTHORS_SHOWN = 40;
const BUTTON = 'cursor-pointer rounded border border-zinc-300 px-2 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Attributes from a record; undefined values are left out. */
const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('');

function cardDate(p: PaperView): string | null {
  return p.listing?.date ?? p.submittedAt?.slice(0, 10) ?? null;
}

function authorsHtml(authors: string[]): string {
  const rest = authors.slice(AUTHORS_SHOWN);
  const more = rest.length
    ? `<details class="inline"><summary class="inline cursor-pointer text-zinc-500"> et al. (${rest.length} more)</summary>${esc(', ' + rest.join(', '))}</details>`
    : '';
  return `<p class="authors notranslate text-sm text-zinc-700 dark:text-zinc-300">${esc(authors.slice(0, AUTHORS_SHOWN).join(', '))}${more}</p>`;
}

function metaHtml(p: PaperView, date: string | null): string {
  const [primary, ...others] = p.categories;
  let html = `<dt>Subjects</dt><dd class="subjects notranslate break-words"><strong>${esc(primary ?? '')}</strong>${others.length ? esc(`, ${others.join(', ')}`) : ''}</dd>`;
  if (p.comments) html += `<dt>Comments</dt><dd class="comments break-words">${p.commentsHtml ?? esc(p.comments)}</dd>`;
  if (date) {
    const type = p.listing && p.listing.type !== 'new' ? `<span class="ml-2">(${esc(p.listing.type)})</span>` : '';
    html += `<dt>Date</dt><dd><time datetime="${esc(date)}">${esc(date)}</time>${type}</dd>`;
  }
  return `<dl class="meta mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-zinc-600 dark:text-zinc-400">${html}</dl>`;
}

function linksHtml(p: PaperView): string {
  const count = (n: number) => (n ? ` (${n})` : '');
  return (
    `<nav aria-label="Links for ${esc(p.id)}" class="links mt-2 flex flex-wrap gap-2 text-sm">` +
    `<a class="pdf-link ${BUTTON}" href="${esc(pdfClickPath(p.id))}" data-visit="">PDF${count(p.clicks.pdf)}</a>` +
    `<a class="summary ${BUTTON}" href="${esc(summaryPath(p.id))}" data-visit="">Summary${count(p.clicks.summary)}</a>` +
    `<a class="${BUTTON}" href="${esc(absUrl(p.id))}">arXiv</a>` +
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
}

export function paperCardHtml(p: PaperView, { index, total, highlightTerms }: CardOptions): string {
  const date = cardDate(p);
  const article = attrs({
    id: p.id,
    'data-paper-id': p.id,
    'data-title': p.title,
    // Copy and the starred list show plain text; BibTeX keeps the TeX (LaTeX typesets it).
    'data-title-text': p.titleText === p.title ? undefined : p.titleText,
    'data-authors': p.authors.join('; '),
    'data-year': date?.slice(0, 4),
    'data-category': p.primaryCategory,
    'data-clicks': p.clicks.pdf + p.clicks.summary,
    'data-index': index,
    'data-highlight': highlightTerms?.length ? highlightTerms.join('\n') : undefined,
    // Off-screen cards skip layout until scrolled near (remembering their size once laid out), so
    // the first screen of a long list is laid out first.
    class: 'paper scroll-mt-16 border-b border-zinc-200 py-4 dark:border-zinc-800 [content-visibility:auto] [contain-intrinsic-size:auto_24rem]',
  });
  const indexTitle = `arXiv ${p.id}${total ? ` (${index} of ${total})` : ''}`;
  return (
    `<article${article}>` +
    `<h2 class="text-lg leading-snug font-semibold">` +
    `<a href="${esc(absUrl(p.id))}" class="index notranslate mr-2 text-sm font-normal text-zinc-500" title="${esc(indexTitle)}">#${index}</a>` +
    `<a href="${esc(paperPath(p.id))}" class="title-link hover:underline">${p.titleHtml}</a>` +
    `<button type="button" data-action="star" aria-pressed="false" aria-label="Star ${esc(p.id)}" class="star ml-2 cursor-pointer align-middle text-zinc-400">☆</button>` +
    `</h2>` +
    authorsHtml(p.authors) +
    `<div class="abstract mt-2 space-y-2 text-[0.95rem] leading-relaxed">${p.abstractHtml}</div>` +
    metaHtml(p, date) +
    linksHtml(p) +
    `</article>`
  );
}
