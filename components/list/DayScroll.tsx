'use client';
// Long days: loads the next server-rendered chunk when the "more" link nears the viewport, shows
// the reader's position ("n / total") with a back-to-top link, keeps their place for Back/Forward
// (lib/browser/place.ts), and makes section links ("Cross-lists (31)") load what they need at once.
import { useEffect, useState } from 'react';
import { loadNextChunk, loadThrough } from '@/lib/browser/lazyLoad';
import { restorePlace, savePlace } from '@/lib/browser/place';

/** The first card whose bottom is below the top of the window (cards are in page order). */
function topCard(list: HTMLElement): HTMLElement | undefined {
  const cards = list.querySelectorAll<HTMLElement>('article.paper:not([hidden])');
  let lo = 0;
  let hi = cards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cards[mid]!.getBoundingClientRect().bottom > 0) hi = mid;
    else lo = mid + 1;
  }
  return cards[lo];
}

export function DayScroll({ total }: { total: number }) {
  const [position, setPosition] = useState(0);

  useEffect(() => {
    const list = document.getElementById('day-list');
    if (!list) return;
    // This page puts the reader back itself, once its cards are loaded again.
    history.scrollRestoration = 'manual';
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((e) => e.isIntersecting)) void loadNextChunk().then(watch);
      },
      { rootMargin: '1500px 0px' },
    );
    // The "more" block is replaced by each chunk: watch whichever is current.
    const watch = () => {
      observer.disconnect();
      const more = list.querySelector('[data-more]');
      if (more) observer.observe(more);
    };
    void restorePlace().then(watch);

    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const card = topCard(list);
        setPosition(window.scrollY < 50 || !card ? 0 : Number(card.dataset.index));
        savePlace(card);
      });
    };
    const onLeave = () => savePlace(topCard(list));
    const onSectionLink = (e: MouseEvent) => {
      const link = (e.target as Element).closest?.<HTMLAnchorElement>('a[data-section-link]');
      if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      const id = new URL(link.href).hash.slice(1);
      void loadThrough(Number(link.dataset.first)).then(() => {
        const section = document.getElementById(id) as HTMLDetailsElement | null;
        if (!section) return;
        section.open = true;
        section.scrollIntoView({ block: 'start' });
        history.replaceState(history.state, '', `#${id}`);
        watch();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('click', onSectionLink);
    return () => {
      history.scrollRestoration = 'auto';
      observer.disconnect();
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('click', onSectionLink);
    };
  }, []);

  if (!position) return null;
  return (
    <div className="day-position fixed right-3 bottom-3 z-40 flex items-center gap-2 rounded-full border border-zinc-300 bg-white/90 px-3 py-1 text-sm shadow dark:border-zinc-700 dark:bg-zinc-900/90">
      <span aria-live="off" className="position">
        {position} / {total}
      </span>
      <a href="#top" className="back-to-top underline" aria-label="Back to top">
        ↑ top
      </a>
    </div>
  );
}
