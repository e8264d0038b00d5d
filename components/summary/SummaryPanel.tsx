'use client';
// The FAQ panel: shows a cached summary at once, or opens the SSE stream and shows the queue
// position, then each answer as the server renders it (maths typeset, unclosed formulas held
// back server-side), then the stored result. Errors come with a retry; a summary of an older
// paper version offers to regenerate. Language switch en/zh.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StreamEvent } from '@/lib/summaries/events';
import type { SummaryView } from '@/lib/summaries/view';

type Lang = 'en' | 'zh';

type State =
  | { phase: 'idle' }
  | { phase: 'connecting' }
  | { phase: 'queued'; position: number }
  | { phase: 'generating'; stage: 'pdf' | 'llm'; note?: string }
  | { phase: 'done' }
  | { phase: 'error'; message: string; retry: boolean };

export interface SummaryPanelProps {
  paperId: string;
  language?: Lang;
  /** Cached summary rendered by the server page (instant display, no request). */
  initial?: SummaryView | null;
  /** Start streaming on mount when nothing is cached (the summary page); a card panel waits for a click. */
  autoStart?: boolean;
  /** Keep ?lang= in the address bar in step with the switch (standalone page). */
  syncUrl?: boolean;
}

const LABEL: Record<Lang, string> = { en: 'English', zh: '中文' };

export default function SummaryPanel({
  paperId,
  language = 'en',
  initial = null,
  autoStart = false,
  syncUrl = false,
}: SummaryPanelProps) {
  const [lang, setLang] = useState<Lang>(language);
  const [summary, setSummary] = useState<SummaryView | null>(initial);
  const [answers, setAnswers] = useState<Array<{ q: string; html: string }>>([]);
  const [state, setState] = useState<State>(initial ? { phase: 'done' } : { phase: 'idle' });
  const source = useRef<EventSource | null>(null);

  const start = useCallback(
    (which: Lang, regenerate = false) => {
      source.current?.close();
      setAnswers([]);
      setState({ phase: 'connecting' });
      const url = `/api/summary/${paperId}?lang=${which}${regenerate ? '&regenerate=1' : ''}`;
      const es = new EventSource(url);
      source.current = es;
      let finished = false;
      es.onmessage = (m: MessageEvent<string>) => {
        const e = JSON.parse(m.data) as StreamEvent;
        switch (e.type) {
          case 'queued':
            return setState({ phase: 'queued', position: e.position });
          case 'status':
            return setState({ phase: 'generating', stage: e.stage, note: e.note });
          case 'question':
            return setAnswers((a) => {
              const next = a.slice();
              next[e.index] = { q: e.q, html: next[e.index]?.html ?? '' };
              return next;
            });
          case 'html':
            return setAnswers((a) => {
              const next = a.slice();
              // A change: keep the start of the answer's HTML so far, then what follows.
              next[e.index] = {
                q: next[e.index]?.q ?? '',
                html: (next[e.index]?.html ?? '').slice(0, e.keep) + e.html,
              };
              return next;
            });
          case 'delta':
            return; // the rendered html event follows; raw tokens are for non-browser clients
          case 'summary':
            finished = true;
            es.close();
            setSummary(e.summary);
            setAnswers([]);
            return setState({ phase: 'done' });
          case 'refused':
            finished = true;
            es.close();
            return setState({ phase: 'error', message: e.message, retry: e.reason === 'rate-limit' });
          case 'error':
            finished = true;
            es.close();
            return setState({
              phase: 'error',
              message: `The summary could not be generated: ${e.message}. Nothing was saved.`,
              retry: true,
            });
        }
      };
      es.onerror = () => {
        if (finished) return;
        es.close();
        setState({
          phase: 'error',
          message: 'The connection to the server was lost. The generation continues on the server.',
          retry: true,
        });
      };
    },
    [paperId],
  );

  useEffect(() => {
    if (autoStart && !initial) start(language);
    return () => source.current?.close();
  }, [autoStart, initial, language, start]);

  const switchTo = (which: Lang) => {
    if (which === lang) return;
    setLang(which);
    setSummary(null);
    if (syncUrl) {
      const url = new URL(window.location.href);
      url.searchParams.set('lang', which);
      window.history.replaceState(null, '', url);
    }
    start(which);
  };

  const shown = state.phase === 'done' && summary ? summary.answers : answers;
  return (
    <section
      className="summary-panel space-y-3 rounded border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid="summary-panel"
      data-phase={state.phase}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {(['en', 'zh'] as const).map((l) => (
          <button
            key={l}
            type="button"
            onClick={() => switchTo(l)}
            aria-pressed={l === lang}
            className={l === lang ? 'font-semibold underline' : 'text-zinc-500'}
          >
            {LABEL[l]}
          </button>
        ))}
        {state.phase === 'idle' && (
          <button
            type="button"
            onClick={() => start(lang)}
            className="rounded bg-zinc-900 px-2 py-0.5 text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            Summarize
          </button>
        )}
        <Progress state={state} />
      </div>
      {summary && state.phase === 'done' && (
        <SummaryMeta summary={summary} onRegenerate={() => start(lang, true)} />
      )}
      {shown.map((a, i) => (
        <div key={i} className="summary-answer">
          <p className="faq-q font-semibold">{a.q}</p>
          <div
            className="faq-a prose-sm [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5"
            dangerouslySetInnerHTML={{ __html: a.html }}
          />
        </div>
      ))}
      {state.phase === 'error' && (
        <div role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.message}{' '}
          {state.retry && (
            <button type="button" onClick={() => start(lang)} className="underline">
              Retry
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Progress({ state }: { state: State }) {
  const text =
    state.phase === 'connecting'
      ? 'Connecting…'
      : state.phase === 'queued'
        ? `Queued: position ${state.position}`
        : state.phase === 'generating'
          ? state.stage === 'pdf'
            ? 'Reading the PDF…'
            : `Generating…${state.note ? ` (${state.note})` : ''}`
          : '';
  return text ? (
    <span className="text-zinc-500" data-testid="summary-progress" aria-live="polite">
      {text}
    </span>
  ) : null;
}

function SummaryMeta({ summary, onRegenerate }: { summary: SummaryView; onRegenerate: () => void }) {
  return (
    <div className="space-y-1 text-xs text-zinc-500">
      <p>
        Generated by {summary.model} from v{summary.paperVersion}
        {summary.source === 'abstract'
          ? ' — from the title and abstract only: the full text could not be downloaded or read reliably'
          : ''}
        {summary.truncated ? ' — the paper was truncated to fit the model’s context' : ''}.
      </p>
      {summary.stale && (
        <p data-testid="summary-stale" className="text-amber-700 dark:text-amber-400">
          This summary read v{summary.paperVersion}; the paper is now at v{summary.currentVersion}.{' '}
          <button type="button" onClick={onRegenerate} className="underline">
            Regenerate
          </button>
        </p>
      )}
    </div>
  );
}
