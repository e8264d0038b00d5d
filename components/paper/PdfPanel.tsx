'use client';
// A paper's PDF under its card: "open in new tab" and close at once, the viewer (pdf.js) loaded
// on first use. The PDF comes from the card's data-pdf-base (arXiv, or this site's PDF cache).
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ViewerState } from './PdfViewer';

// pdf.js and its stylesheet load with the first PDF opened, and never on the server.
const PdfViewer = dynamic(() => import('./PdfViewer'), { ssr: false });

function statusText(s: ViewerState): string {
  if (s.phase === 'loading') return `Loading the PDF…${s.percent === null ? '' : ` ${s.percent}%`}`;
  if (s.phase === 'ready') return `${s.pages} page${s.pages === 1 ? '' : 's'}`;
  return '';
}

export default function PdfPanel({ id, url, onClose }: { id: string; url: string; onClose: () => void }) {
  const [state, setState] = useState<ViewerState>({ phase: 'loading', percent: null });
  const link = 'underline hover:no-underline';
  return (
    <section
      className="pdf-panel rounded border border-zinc-200 p-2 dark:border-zinc-800"
      aria-label={`PDF of ${id}`}
      data-phase={state.phase}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold">PDF</span>
        <span className="pdf-status text-zinc-500" role="status">
          {statusText(state)}
        </span>
        <a href={url} target="_blank" rel="noopener" className={`pdf-new-tab ${link}`}>
          Open in new tab ↗
        </a>
        <button type="button" onClick={onClose} className={`pdf-close ml-auto cursor-pointer ${link}`}>
          Close
        </button>
      </div>
      {state.phase === 'error' && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {state.message}{' '}
          <a href={url} target="_blank" rel="noopener" className={link}>
            Try it in a new tab.
          </a>
        </p>
      )}
      {state.phase !== 'error' && <PdfViewer url={url} onState={setState} />}
    </section>
  );
}
