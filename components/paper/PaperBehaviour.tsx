'use client';
// Everything interactive on paper cards, by event delegation from one leaf in the layout:
// star, follow a subject, copy, BibTeX, reading history and visited marks, and the keyboard (j/k
// next/previous, s star, o PDF, / search, ? help). Cards arriving later (lazy loading) are picked
// up by a MutationObserver.
import { useEffect, useRef, useState } from 'react';
import { bibtexEntry } from '@/lib/papers/bibtex';
import { cardPaper, citationText } from '@/lib/browser/cardData';
import { keywordList, markTerms } from '@/lib/browser/highlight';
import {
  followedCategories,
  recordReading,
  starredPapers,
  toggleFollow,
  toggleStar,
  visitedIds,
  type Reading,
} from '@/lib/browser/personal';
import CardPanels from './CardPanels';

const cards = () =>
  [...document.querySelectorAll<HTMLElement>('article.paper')].filter((c) => c.offsetParent !== null);

function paintStar(card: HTMLElement, starred: boolean): void {
  const button = card.querySelector<HTMLButtonElement>('[data-action="star"]');
  if (!button) return;
  // The colour follows aria-pressed (a class toggled beside text-zinc-400 would lose to it).
  button.setAttribute('aria-pressed', String(starred));
  button.textContent = starred ? '★' : '☆';
  card.classList.toggle('starred', starred);
}

/** The + / − after each subject link of a card. */
function addFollowButtons(card: HTMLElement, followed: Set<string>): void {
  for (const link of card.querySelectorAll<HTMLAnchorElement>('.subjects a.subject')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'follow';
    button.dataset.action = 'follow';
    button.dataset.category = link.textContent ?? '';
    paintFollow(button, followed.has(button.dataset.category));
    const pair = document.createElement('span');
    pair.className = 'subject-pair';
    link.replaceWith(pair);
    pair.append(link, button);
  }
}

function paintFollow(button: HTMLElement, followed: boolean): void {
  const category = button.dataset.category!;
  button.setAttribute('aria-pressed', String(followed));
  button.setAttribute('aria-label', `${followed ? 'Unfollow' : 'Follow'} ${category}`);
  button.title = followed
    ? `Following ${category}: click to unfollow`
    : `Follow ${category} on your home page`;
  button.textContent = followed ? '−' : '+';
}

function paintAll(root: ParentNode): void {
  // Runs on every DOM change (a PDF viewer makes many): read the stored marks only for new cards.
  const cards = root.querySelectorAll<HTMLElement>('article.paper:not([data-painted])');
  if (!cards.length) return;
  const visited = visitedIds();
  const starred = new Set(starredPapers().map((p) => p.id));
  const followed = new Set(followedCategories());
  for (const card of cards) {
    card.dataset.painted = '';
    const id = card.dataset.paperId!;
    paintStar(card, starred.has(id));
    card.classList.toggle('visited', visited.has(id));
    addFollowButtons(card, followed);
    // Search hits carry their query terms.
    if (card.dataset.highlight) markTerms(card, keywordList(card.dataset.highlight));
  }
}

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

export function PaperBehaviour() {
  const [shown, setShown] = useState<{ title: string; text: string } | null>(null);
  const [help, setHelp] = useState(false);
  const current = useRef<HTMLElement | null>(null);

  useEffect(() => {
    paintAll(document);
    const observer = new MutationObserver(() => paintAll(document));
    observer.observe(document.body, { childList: true, subtree: true });

    const select = (card: HTMLElement | undefined) => {
      if (!card) return;
      current.current?.classList.remove('current');
      card.classList.add('current');
      current.current = card;
      card.scrollIntoView({ block: 'start' });
      card.querySelector<HTMLElement>('.title-link')?.focus({ preventScroll: true });
    };

    const onClick = (e: MouseEvent) => {
      const target = e.target as HTMLElement;
      const card = target.closest<HTMLElement>('article.paper');
      if (!card) return;
      const visit = target.closest<HTMLElement>('[data-visit]')?.dataset.visit;
      if (visit) {
        recordReading(cardPaper(card), visit as Reading);
        card.classList.add('visited');
        return;
      }
      const button = target.closest<HTMLElement>('[data-action]');
      const action = button?.dataset.action;
      const paper = cardPaper(card);
      if (action === 'star') paintStar(card, toggleStar(paper));
      if (action === 'follow') {
        const category = button!.dataset.category!;
        const followed = toggleFollow(category);
        for (const b of document.querySelectorAll<HTMLElement>('article.paper [data-action="follow"]'))
          if (b.dataset.category === category) paintFollow(b, followed);
      }
      if (action === 'copy' || action === 'bibtex') {
        const text = action === 'copy' ? citationText(paper) : bibtexEntry(paper);
        navigator.clipboard?.writeText(text).catch(() => undefined);
        setShown({ title: action === 'copy' ? 'Copied' : 'BibTeX (copied)', text });
      }
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const list = cards();
      const at = current.current ? list.indexOf(current.current) : -1;
      if (e.key === 'j') select(list[at + 1] ?? list.at(-1));
      else if (e.key === 'k') select(list[Math.max(at - 1, 0)]);
      else if (e.key === 's' && current.current)
        paintStar(current.current, toggleStar(cardPaper(current.current)));
      else if (e.key === 'o' && current.current)
        current.current.querySelector<HTMLAnchorElement>('.pdf-link')?.click();
      else if (e.key === '/') document.querySelector<HTMLInputElement>('input[name="q"]')?.focus();
      else if (e.key === '?') setHelp((h) => !h);
      else if (e.key === 'Escape') setHelp(false);
      else return;
      e.preventDefault();
    };

    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      observer.disconnect();
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <>
      <CardPanels />
      {shown && (
        <div
          role="dialog"
          aria-label={shown.title}
          className="copied fixed inset-x-2 bottom-2 z-50 mx-auto max-w-xl rounded border border-zinc-300 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div className="mb-1 flex justify-between text-sm font-semibold">
            {shown.title}
            <button
              type="button"
              onClick={() => setShown(null)}
              aria-label="Close"
              className="cursor-pointer px-2"
            >
              ×
            </button>
          </div>
          <textarea
            readOnly
            value={shown.text}
            rows={Math.min(10, shown.text.split('\n').length)}
            className="w-full font-mono text-xs"
            aria-label={shown.title}
          />
        </div>
      )}
      {help && (
        <div
          role="dialog"
          aria-label="Keyboard shortcuts"
          className="shortcut-help fixed top-16 right-2 z-50 rounded border border-zinc-300 bg-white p-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <h2 className="mb-2 font-semibold">Keyboard shortcuts</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4">
            <dt>
              <kbd>j</kbd> / <kbd>k</kbd>
            </dt>
            <dd>next / previous paper</dd>
            <dt>
              <kbd>s</kbd>
            </dt>
            <dd>star the current paper</dd>
            <dt>
              <kbd>o</kbd>
            </dt>
            <dd>open or close its PDF</dd>
            <dt>
              <kbd>/</kbd>
            </dt>
            <dd>search papers</dd>
            <dt>
              <kbd>Ctrl/⌘ F</kbd>
            </dt>
            <dd>filter this list</dd>
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>this help (Esc closes)</dd>
          </dl>
        </div>
      )}
    </>
  );
}
