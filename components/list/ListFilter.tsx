'use client';
// In-page filter, highlight and sort for a list (Ctrl/Cmd+F opens it). Its state lives in the URL
// (?include=&exclude=&match=all&mode=highlight&sort=popular) so a filtered view can be shared.
import { useCallback, useEffect, useRef, useState } from 'react';
import { cardText, clearMarks, keywordList, markTerms } from '@/lib/papers/highlight';
import { loadAllChunks } from '@/lib/papers/lazyLoad';
import { preferenceKeywords, setPreferenceKeywords } from '@/lib/papers/personal';

type Mode = 'filter' | 'highlight';
type Sort = 'announced' | 'popular' | 'preference';
interface State {
  include: string;
  exclude: string;
  all: boolean;
  mode: Mode;
  sort: Sort;
}

function readUrl(): State {
  const q = new URLSearchParams(location.search);
  return {
    include: q.get('include') ?? '',
    exclude: q.get('exclude') ?? '',
    all: q.get('match') === 'all',
    mode: q.get('mode') === 'highlight' ? 'highlight' : 'filter',
    sort: (['popular', 'preference'] as const).find((s) => s === q.get('sort')) ?? 'announced',
  };
}

function writeUrl(s: State): void {
  const q = new URLSearchParams(location.search);
  const set = (k: string, v: string | null) => (v ? q.set(k, v) : q.delete(k));
  set('include', s.include.trim() || null);
  set('exclude', s.exclude.trim() || null);
  set('match', s.all ? 'all' : null);
  set('mode', s.mode === 'highlight' ? 'highlight' : null);
  set('sort', s.sort === 'announced' ? null : s.sort);
  history.replaceState(history.state, '', `${location.pathname}${q.size ? `?${q}` : ''}${location.hash}`);
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
  const prefs = keywordList(preferenceKeywords().join('\n'));
  const all = [...document.querySelectorAll<HTMLElement>('#day-list article.paper, .paper-list article.paper')];
  let matching = 0;
  for (const card of all) {
    clearMarks(card);
    const text = cardText(card);
    const included = !include.length || (s.all ? include.every((w) => text.includes(w)) : include.some((w) => text.includes(w)));
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

  const run = useCallback(async (s: State) => {
    writeUrl(s);
    if (active(s)) await loadAllChunks();
    setResult(apply(s));
  }, []);

  useEffect(() => {
    const initial = readUrl();
    setState(initial);
    setPrefs(preferenceKeywords().join('\n'));
    if (active(initial)) {
      setOpen(true);
      void run(initial);
    }
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setOpen(true);
        setTimeout(() => includeBox.current?.focus(), 0);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run]);

  if (!state) return <button type="button" className="filter-toggle text-sm underline" aria-expanded="false" disabled>Filter</button>;
  const update = (patch: Partial<State>) => {
    const next = { ...state, ...patch };
    setState(next);
    void run(next);
  };
  const box = 'w-full rounded border border-zinc-300 bg-transparent p-1 text-sm dark:border-zinc-700';

  return (
    <div className="list-filter">
      <button type="button" className="filter-toggle cursor-pointer text-sm underline" aria-expanded={open} onClick={() => setOpen(!open)}>
        Filter{result && active(state) ? ` (${result.matching} of ${result.total})` : ''}
      </button>
      {open && (
        <form className="filter-panel mt-2 grid gap-3 rounded border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800" onSubmit={(e) => e.preventDefault()}>
          <label className="text-sm">
            Include (one per line)
            <textarea ref={includeBox} name="include" rows={3} className={box} value={state.include} onChange={(e) => update({ include: e.target.value })} />
          </label>
          <label className="text-sm">
            Exclude (one per line)
            <textarea name="exclude" rows={3} className={box} value={state.exclude} onChange={(e) => update({ exclude: e.target.value })} />
          </label>
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="sr-only">Matching</legend>
            <label>
              <input type="checkbox" name="all" checked={state.all} onChange={(e) => update({ all: e.target.checked })} /> all include words (AND)
            </label>
            <label>
              <input type="radio" name="mode" value="filter" checked={state.mode === 'filter'} onChange={() => update({ mode: 'filter' })} /> filter
            </label>
            <label>
              <input type="radio" name="mode" value="highlight" checked={state.mode === 'highlight'} onChange={() => update({ mode: 'highlight' })} /> highlight
            </label>
          </fieldset>
          <label className="text-sm">
            Sort{' '}
            <select name="sort" value={state.sort} onChange={(e) => update({ sort: e.target.value as Sort })} className="rounded border border-zinc-300 bg-transparent dark:border-zinc-700">
              <option value="announced">announcement order</option>
              <option value="popular">popularity</option>
              <option value="preference">my preference keywords</option>
            </select>
          </label>
          <label className="text-sm sm:col-span-2">
            My preference keywords (one per line, kept in this browser)
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
          {result && <p className="filter-count text-sm text-zinc-500 sm:col-span-2" role="status">{result.matching} of {result.total} papers match</p>}
        </form>
      )}
    </div>
  );
}
