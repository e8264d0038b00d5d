'use client';
// Cards' "Summary" links, progressively enhanced: a plain click opens the FAQ panel inline under
// the card (queue state and streaming, or at once when cached) instead of leaving the list; a
// second click closes it. Modified clicks, and readers without JS, follow the link to /summary/<id>.
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import SummaryPanel from './SummaryPanel';

type OpenPanel = { id: string; host: HTMLElement };

export default function CardSummaries() {
  const [open, setOpen] = useState<OpenPanel[]>([]);
  const pathname = usePathname();

  // Another page's cards replace these: drop their panels (closing their streams).
  useEffect(() => setOpen([]), [pathname]);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('article.paper a.summary');
      const card = link?.closest<HTMLElement>('article.paper');
      if (!link || !card?.dataset.paperId) return;
      e.preventDefault();
      const shown = card.querySelector<HTMLElement>(':scope > .card-summary');
      link.setAttribute('aria-expanded', String(!shown));
      if (shown) {
        shown.remove();
        setOpen((list) => list.filter((p) => p.host !== shown));
        return;
      }
      const host = document.createElement('div');
      host.className = 'card-summary mt-3';
      card.append(host);
      setOpen((list) => [...list, { id: card.dataset.paperId!, host }]);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  return <>{open.map((p) => createPortal(<SummaryPanel paperId={p.id} autoStart />, p.host, p.id))}</>;
}
