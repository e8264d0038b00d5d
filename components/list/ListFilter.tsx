'use client';
// In-page filter, highlight and sort for a list (Ctrl/Cmd+F opens it where the reader is). Its state
// lives in the URL (?include=&exclude=&match=all&mode=highlight&sort=popular&prefer=) so a filtered
// view can be shared, and it goes along when the reader changes day or category from the list.
// papers.cool's ?sort=1 (popularity), ?sort=0 (announcement order) and ?sort=word,word (preference)
// are read too.
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cardText, clearMarks, keywordList, markTerms } from '@/lib/browser/highlight';
import { loadAllChunks } from '@/lib/browser/lazyLoad';
import { preferenceKeywords, setPreferenceKeywords } from '@/lib/browser/personal';

type Mode = 'filter' | 'highlight';
type Sort = 'announced' | 'popular' | 'preference';
interface State {
  include: string;
  exclude: string;
  all: boolean;
  mode: Mode;
  sort: Sort;
  /** Preference keywords given in the URL (one per line); else this browser's own. */
  prefer: string;
}

/** The sort named in the URL, papers.cool's forms included. */
function readSort(q: URLSearchParams): Pick<State, 'sort' | 'prefer'> {
  const sort = q.get('sort') ?? '';
  const prefer = q.get('prefer') ?? '';
  if (sort === 'popular' || sort === '1') return { sort: 'popular', prefer };
  if (sort === 'preference') return { sort, prefer };
  if (sort && sort !== 'announced' && sort !== '0')
    return {
      sort: 'preference',
      prefer: sort
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean)
        .join('\n'),
    };
  return { sort: 'announced', prefer };
}

function readUrl(): State {
  const q = new URLSearchParams(location.search);
  return {
    include: q.get('include') ?? '',
    exclude: q.get('exclude') ?? '',
    all: q.get('match') === 'all',
    mode: q.get('mode') === 'highlight' ? 'highlight' : 'filter',
    ...readSort(q),
  };
}

/** The filter's own parameters for a state (the rest of an address is left alone). */
function filterParams(s: State, q: URLSearchParams): URLSearchParams {
  const set = (k: string, v: string | null) => (v ? q.set(k, v) : q.delete(k));
  set('include', s.include.trim() || null);
  set('exclude', s.exclude.trim() || null);
  set('match', s.all ? 'all' : null);
  set('mode', s.mode === 'highlight' ? 'highlight' : null);
  set('sort', s.sort === 'announced' ? null : s.sort);
  set('prefer', s.sort === 'preference' && s.prefer.trim() ? s.prefer.trim() : null);
  return q;
}

function writeUrl(s: State): void {
  const q = filterParams(s, new URLSearchParams(location.search));
  history.replaceState(history.state, '', `${location.pathname}${q.size ? `?${q}` : ''}${location.hash}`);
}

/** Links to another day or category of lists: the filter goes along. */
const CARRY = 'a.prev-day, a.next-day, .calendar a, article.paper a.subject';

/** The card at the top of the window and where it is, to keep it there when cards hide or move. */
function anchorCard(): { card: HTMLElement; top: number } | null {
  const card = [...document.querySelectorAll<HTMLElement>('article.paper:not([hidden])')].find(
    (c) => c.getBoundingClientRect().bottom > 0,
  );
  return card && window.scrollY > 0 ? { card, top: card.getBoundingClientRect().top } : null;
}

const active = (s: State) => Boolean(s.include.trim() || s.exclude.trim() || s.sort !== 'announced');

function sortKey(card: HTMLElement, sort: Sort, prefs: string[]): number {
  if (sort === 'popular') return -Number(card.dataset.clicks ?? 0);
  if (sort === 'preference') {
    const text = cardText(card);
    return -prefs.filter((w) => text.includes(w)).length;
  }
  return 0;
}

/** Applies the state to every card; returns how many match. */
function apply(s: State): { matching: number; total: number } {
  const include = keywordList(s.include);
  const exclude = keywordList(s.exclude);
  const prefs = keywordList(s.prefer.trim() ? s.prefer : preferenceKeywords().join('\n'));
  const all = [
    ...document.querySelectorAll<HTMLElement>('#day-list article.paper, .paper-list article.paper'),
  ];
  let matching = 0;
  for (const card of all) {
    clearMarks(card);
    const text = cardText(card);
    const included =
      !include.length ||
      (s.all ? include.every((w) => text.includes(w)) : include.some((w) => text.includes(w)));
    const ok = included && !exclude.some((w) => text.includes(w));
    if (ok) matching++;
    card.hidden = s.mode === 'filter' && !ok;
    card.classList.toggle('match', ok && include.length > 0);
    if (ok) markTerms(card, include);
  }
  for (const items of document.querySelectorAll<HTMLElement>('.items')) {
    const list = [...items.querySelectorAll<HTMLElement>(':scope > article.paper')];
    // Stable sort: ties keep announcement order.
    list
      .map((card) => ({ card, key: sortKey(card, s.sort, prefs), index: Number(card.dataset.index) }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .forEach(({ card }) => items.append(card));
  }
  return { matching, total: all.length };
}

export function ListFilter() {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State | null>(null);
  const [result, setResult] = useState<{ matching: number; total: number } | null>(null);
  const [prefs, setPrefs] = useState('');
  const includeBox = useRef<HTMLTextAreaElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const router = useRouter();
  const current = useRef<State | null>(null);

  const run = useCallback(async (s: State) => {
    current.current = s;
    writeUrl(s);
    if (active(s)) await loadAllChunks();
    // Keep the card the reader was looking at where it was (or the next one still shown).
    const anchor = anchorCard();
    setResult(apply(s));
    if (anchor) {
      let card: Element | null = anchor.card;
      while (card && (card as HTMLElement).hidden) card = card.nextElementSibling;
      if (card) window.scrollBy({ top: card.getBoundingClientRect().top - anchor.top, behavior: 'instant' });
    }
  }, []);

  useEffect(() => {
    const initial = readUrl();
    current.current = initial;
    setState(initial);
    setPrefs(preferenceKeywords().join('\n'));
    if (active(initial)) {
      setOpen(true);
      void run(initial);
    }
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        const wasOpen = Boolean(panel.current?.querySelector('.filter-panel'));
        setOpen(true);
        // The panel stays on screen (sticky): focusing it must not scroll the list back to the top,
        // and when it is stuck over the list, the cards the reader was looking at move below it.
        setTimeout(() => {
          includeBox.current?.focus({ preventScroll: true });
          const box = panel.current?.getBoundingClientRect();
          if (!wasOpen && box && box.top <= 0 && window.scrollY > 0)
            window.scrollBy({ top: -box.height, behavior: 'instant' });
        }, 0);
      }
    };
    // Captured before next/link's own handler, which leaves a click whose default was prevented alone.
    const onCarry = (e: MouseEvent) => {
      const link = (e.target as Element).closest?.<HTMLAnchorElement>(CARRY);
      const s = current.current;
      if (!link || !s || !active(s) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)
        return;
      e.preventDefault();
      const url = new URL(link.href);
      router.push(`${url.pathname}?${filterParams(s, url.searchParams)}`);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onCarry, true);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onCarry, true);
    };
  }, [run, router]);

  if (!state)
    return (
      <button type="button" className="filter-toggle text-sm underline" aria-expanded="false" disabled>
        Filter
      </button>
    );
  const update = (patch: Partial<State>) => {
    const next = { ...state, ...patch };
    setState(next);
    void run(next);
  };
  const box = 'w-full rounded border border-zinc-300 bg-transparent p-1 text-sm dark:border-zinc-700';

  return (
    <div
      ref={panel}
      className={`list-filter ${open ? 'sticky top-0 z-30 -mx-2 bg-white px-2 py-2 shadow-sm dark:bg-zinc-950' : ''}`}
    >
      <button
        type="button"
        className="filter-toggle cursor-pointer text-sm underline"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Filter{result && active(state) ? ` (${result.matching} of ${result.total})` : ''}
      </button>
      {open && (
        <form
          className="filter-panel mt-2 grid grid-cols-2 gap-2 rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800"
          onSubmit={(e) => e.preventDefault()}
        >
          <label>
            Include (one per line)
            <textarea
              ref={includeBox}
              name="include"
              rows={2}
              className={box}
              value={state.include}
              onChange={(e) => update({ include: e.target.value })}
            />
          </label>
          <label>
            Exclude (one per line)
            <textarea
              name="exclude"
              rows={2}
              className={box}
              value={state.exclude}
              onChange={(e) => update({ exclude: e.target.value })}
            />
          </label>
          <fieldset className="col-span-2 flex flex-wrap items-center gap-x-3 gap-y-1">
            <legend className="sr-only">Matching and order</legend>
            <label>
              <input
                type="checkbox"
                name="all"
                checked={state.all}
                onChange={(e) => update({ all: e.target.checked })}
              />{' '}
              all words (AND)
            </label>
            <label>
              <input
                type="radio"
                name="mode"
                value="filter"
                checked={state.mode === 'filter'}
                onChange={() => update({ mode: 'filter' })}
              />{' '}
              filter
            </label>
            <label>
              <input
                type="radio"
                name="mode"
                value="highlight"
                checked={state.mode === 'highlight'}
                onChange={() => update({ mode: 'highlight' })}
              />{' '}
              highlight
            </label>
            <label>
              Sort{' '}
              <select
                name="sort"
                value={state.sort}
                onChange={(e) => update({ sort: e.target.value as Sort })}
                className="rounded border border-zinc-300 bg-transparent dark:border-zinc-700"
              >
                <option value="announced">announcement order</option>
                <option value="popular">popularity</option>
                <option value="preference">my preference keywords</option>
              </select>
            </label>
          </fieldset>
          <details className="col-span-2" open={state.sort === 'preference'}>
            <summary className="cursor-pointer">My preference keywords</summary>
            <label>
              <span className="sr-only">My preference keywords</span> (one per line, kept in this browser)
              <textarea
                name="preferences"
                rows={2}
                className={box}
                value={prefs}
                onChange={(e) => {
                  setPrefs(e.target.value);
                  setPreferenceKeywords(keywordList(e.target.value));
                  if (state.sort === 'preference') void run(state);
                }}
              />
            </label>
          </details>
          {result && (
            <p className="filter-count col-span-2 text-zinc-500" role="status">
              {result.matching} of {result.total} papers match
            </p>
          )}
        </form>
      )}
    </div>
  );
}
