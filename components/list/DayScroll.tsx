'use client';
// Long days: loads the next server-rendered chunk when the "more" link nears the viewport, and
// shows the reader's position ("n / total") with a back-to-top link.
import { useEffect, useState } from 'react';
import { loadNextChunk } from '@/lib/papers/lazyLoad';

export function DayScroll({ total }: { total: number }) {
  const [position, setPosition] = useState(0);

  useEffect(() => {
    const list = document.getElementById('day-list');
    if (!list) return;
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
    watch();

    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const cards = list.querySelectorAll<HTMLElement>('article.paper:not([hidden])');
        let lo = 0;
        let hi = cards.length - 1;
        // First card whose bottom is below the top of the viewport (cards are in page order).
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cards[mid]!.getBoundingClientRect().bottom > 0) hi = mid;
          else lo = mid + 1;
        }
        setPosition(window.scrollY < 50 || !cards[lo] ? 0 : Number(cards[lo]!.dataset.index));
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', onScroll);
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
