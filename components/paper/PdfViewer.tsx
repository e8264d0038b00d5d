'use client';
// pdf.js's PDFViewer in a box: pages drawn as they scroll into view, selectable text, links.
// Loaded only when a reader opens a PDF (PdfPanel imports this module lazily), so lists never
// download pdf.js. Its worker, fonts and CMaps come from /pdfjs/<version>/ (app/pdfjs).
import 'pdfjs-dist/web/pdf_viewer.css';
import { useEffect, useRef, useState } from 'react';

export type ViewerState =
  | { phase: 'loading'; percent: number | null }
  | { phase: 'ready'; pages: number }
  | { phase: 'error'; message: string };

type PdfJs = typeof import('pdfjs-dist');
type ViewerModule = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

let modules: Promise<{ pdfjs: PdfJs; viewer: ViewerModule }> | undefined;

/** pdf.js, then its viewer layer, which reads the library from globalThis.pdfjsLib. */
function loadModules() {
  return (modules ??= (async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = `/pdfjs/${pdfjs.version}/build/pdf.worker.min.mjs`;
    (globalThis as { pdfjsLib?: PdfJs }).pdfjsLib = pdfjs;
    return { pdfjs, viewer: await import('pdfjs-dist/web/pdf_viewer.mjs') };
  })());
}

function describe(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidPDFException') return 'The file is not a readable PDF.';
  if (name === 'ResponseException' || name === 'UnexpectedResponseException')
    return 'The PDF could not be fetched (the server refused it or is unreachable).';
  return 'The PDF could not be loaded (no connection to its server, or the server does not allow it).';
}

export default function PdfViewer({ url, onState }: { url: string; onState: (s: ViewerState) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState<string>('page-width');
  const viewerRef = useRef<InstanceType<ViewerModule['PDFViewer']> | null>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    void (async () => {
      onState({ phase: 'loading', percent: null });
      const { pdfjs, viewer } = await loadModules();
      if (cancelled || !container.current) return;
      const assets = `/pdfjs/${pdfjs.version}`;
      const eventBus = new viewer.EventBus();
      const linkService = new viewer.PDFLinkService({
        eventBus,
        externalLinkTarget: viewer.LinkTarget.BLANK,
        externalLinkRel: 'noopener',
      });
      const pdfViewer = new viewer.PDFViewer({
        container: container.current,
        eventBus,
        linkService,
        removePageBorders: false,
      });
      linkService.setViewer(pdfViewer);
      viewerRef.current = pdfViewer;
      eventBus.on('pagesinit', () => (pdfViewer.currentScaleValue = 'page-width'));
      eventBus.on('pagechanging', (e: { pageNumber: number }) => setPage(e.pageNumber));
      eventBus.on('scalechanging', (e: { presetValue?: string; scale: number }) =>
        setScale(e.presetValue ?? String(e.scale)),
      );
      const task = pdfjs.getDocument({
        url,
        cMapUrl: `${assets}/cmaps/`,
        cMapPacked: true,
        standardFontDataUrl: `${assets}/standard_fonts/`,
        wasmUrl: `${assets}/wasm/`,
        iccUrl: `${assets}/iccs/`,
      });
      task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
        if (!cancelled)
          onState({
            phase: 'loading',
            percent: total ? Math.min(100, Math.round((loaded / total) * 100)) : null,
          });
      };
      destroy = () => {
        void task.destroy();
        pdfViewer.cleanup();
      };
      try {
        const doc = await task.promise;
        if (cancelled) return;
        pdfViewer.setDocument(doc);
        linkService.setDocument(doc);
        setPages(doc.numPages);
        onState({ phase: 'ready', pages: doc.numPages });
      } catch (e) {
        if (!cancelled) onState({ phase: 'error', message: describe(e) });
      }
    })().catch((e: unknown) => !cancelled && onState({ phase: 'error', message: describe(e) }));
    return () => {
      cancelled = true;
      destroy?.();
      viewerRef.current = null;
    };
  }, [url, onState]);

  const zoom = (factor: number) => {
    const v = viewerRef.current;
    if (v) v.currentScale = Math.min(4, Math.max(0.25, v.currentScale * factor));
  };
  const button =
    'cursor-pointer rounded border border-zinc-300 px-2 leading-6 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';
  return (
    <>
      <div className="pdf-controls mt-2 flex items-center gap-2 text-sm" hidden={!pages}>
        <span className="pdf-page text-zinc-500 tabular-nums">
          page {page} of {pages}
        </span>
        <button type="button" className={button} onClick={() => zoom(1 / 1.2)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={button} onClick={() => zoom(1.2)} aria-label="Zoom in">
          +
        </button>
        <button
          type="button"
          className={button}
          onClick={() => viewerRef.current && (viewerRef.current.currentScaleValue = 'page-width')}
          aria-pressed={scale === 'page-width'}
        >
          fit width
        </button>
      </div>
      <div className="relative mt-2 h-[min(800px,80vh)] overflow-hidden rounded border border-zinc-300 bg-zinc-200 dark:border-zinc-700 dark:bg-zinc-800">
        <div
          ref={container}
          className="pdf-scroll absolute inset-0 overflow-auto"
          tabIndex={0}
          aria-label="PDF pages"
        >
          <div className="pdfViewer" />
        </div>
      </div>
    </>
  );
}
