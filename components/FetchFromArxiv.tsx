'use client';
// "Fetch from arXiv" for papers not in the database: a plain form (app/arxiv/fetch), which with
// JavaScript shows that it is working and how long it has been, then opens the papers, or says in
// the page why it could not, within 15 s even when arXiv does not answer at all.
import { useEffect, useState } from 'react';

const LIMIT_MS = 15_000;

type State = { phase: 'idle' } | { phase: 'fetching'; since: number } | { phase: 'failed'; message: string };

export function FetchFromArxiv({ ids }: { ids: string[] }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [, tick] = useState(0);
  useEffect(() => {
    if (state.phase !== 'fetching') return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [state.phase]);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setState({ phase: 'fetching', since: Date.now() });
    const failed = (message: string) => setState({ phase: 'failed', message });
    try {
      const res = await fetch('/arxiv/fetch', {
        method: 'POST',
        body: new FormData(e.currentTarget),
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(LIMIT_MS),
      });
      const body = (await res.json().catch(() => ({}))) as { location?: string; error?: string };
      if (res.ok && body.location) window.location.assign(body.location);
      else failed(body.error ?? 'arXiv could not be reached. Please try again later.');
    } catch {
      failed('arXiv did not answer within 15 seconds. Please try again later.');
    }
  };

  const busy = state.phase === 'fetching';
  return (
    <div className="space-y-2">
      <form method="post" action="/arxiv/fetch" onSubmit={submit}>
        <input type="hidden" name="ids" value={ids.join(',')} />
        <button
          type="submit"
          disabled={busy}
          className="cursor-pointer rounded border border-zinc-300 px-3 py-1 disabled:cursor-wait disabled:opacity-60 dark:border-zinc-700"
        >
          {state.phase === 'failed' ? 'Try again' : 'Fetch from arXiv'}
        </button>
      </form>
      {busy && (
        <p role="status" className="fetch-progress text-sm text-zinc-600 dark:text-zinc-400">
          {/* eslint-disable-next-line react-hooks/purity -- the elapsed time is meant to change: a timer re-renders it each second */}
          Fetching from arXiv… {Math.floor((Date.now() - state.since) / 1000)} s
        </p>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="fetch-error text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
    </div>
  );
}
