'use client';
// A card's PDF and Summary links, progressively enhanced: a plain click opens the PDF viewer or the
// FAQ panel under the card instead of leaving the list; a second click closes it. Modified clicks,
// and readers without JS, follow the links (/go/pdf/<id> in a new tab, /summary/<id>).
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import SummaryPanel from '@/components/summary/SummaryPanel';
import { pdfClickPath } from '@/lib/papers/links';
import PdfPanel from './PdfPanel';

type Kind = 'pdf' | 'summary';
type OpenPanel = { kind: Kind; id: string; pdfUrl: string; host: HTMLElement };

/** Counts the opening as the PDF link does (the viewer loads the file itself), and shows the new count. */
function countPdfOpen(link: HTMLAnchorElement, id: string): void {
  navigator.sendBeacon?.(pdfClickPath(id));
  const n = Number(/\((\d+)\)/.exec(link.textContent ?? '')?.[1] ?? 0) + 1;
  link.textContent = `PDF (${n})`;
}

export default function CardPanels() {
  const [open, setOpen] = useState<OpenPanel[]>([]);
  const pathname = usePathname();

  // Another page's cards replace these: drop their panels (closing their streams and viewers).
  useEffect(() => setOpen([]), [pathname]);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>(
        'article.paper a.summary, article.paper a.pdf-link',
      );
      const card = link?.closest<HTMLElement>('article.paper');
      const id = card?.dataset.paperId;
      if (!link || !card || !id) return;
      e.preventDefault();
      const kind: Kind = link.classList.contains('pdf-link') ? 'pdf' : 'summary';
      const shown = card.querySelector<HTMLElement>(`:scope > .card-${kind}`);
      link.setAttribute('aria-expanded', String(!shown));
      if (shown) {
        shown.remove();
        setOpen((list) => list.filter((p) => p.host !== shown));
        return;
      }
      const host = document.createElement('div');
      host.className = `card-${kind} mt-3`;
      // The PDF sits right under the links, above an open summary.
      if (kind === 'pdf') card.querySelector(':scope > nav.links')!.after(host);
      else card.append(host);
      if (kind === 'pdf') countPdfOpen(link, id);
      const base = card.closest<HTMLElement>('[data-pdf-base]')?.dataset.pdfBase ?? 'https://arxiv.org/pdf/';
      setOpen((list) => [...list, { kind, id, pdfUrl: `${base}${id}v${card.dataset.version ?? 1}`, host }]);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  const close = (p: OpenPanel) => {
    p.host.closest('article.paper')?.querySelector('a.pdf-link')?.setAttribute('aria-expanded', 'false');
    p.host.remove();
    setOpen((list) => list.filter((q) => q !== p));
  };
  return (
    <>
      {open.map((p) =>
        createPortal(
          p.kind === 'pdf' ? (
            <PdfPanel id={p.id} url={p.pdfUrl} onClose={() => close(p)} />
          ) : (
            <SummaryPanel paperId={p.id} autoStart />
          ),
          p.host,
          `${p.kind} ${p.id}`,
        ),
      )}
    </>
  );
}
