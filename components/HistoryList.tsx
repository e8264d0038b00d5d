'use client';
// The reading history kept in this browser, by day (newest first), with export (JSON, BibTeX) and clear.
import { useEffect, useState } from 'react';
import { bibtexFile } from '@/lib/papers/bibtex';
import { clearHistory, readingHistory, type HistoryEntry, type Reading } from '@/lib/browser/personal';
import { PaperLine } from './PaperLine';

const HOW: Record<Reading, string> = { pdf: 'PDF', summary: 'summary', page: 'page' };

const download = (type: string, text: string) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;

function byDay(entries: HistoryEntry[]): [string, HistoryEntry[]][] {
  const days = new Map<string, HistoryEntry[]>();
  for (const e of entries) days.set(e.day, [...(days.get(e.day) ?? []), e]);
  return [...days];
}

export function HistoryList() {
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  useEffect(() => setHistory(readingHistory()), []);
  if (!history) return <p>Loading…</p>;
  if (!history.length)
    return (
      <p className="empty">Nothing read yet: papers appear here when you open their PDF, summary or page.</p>
    );

  const clear = () => {
    if (!window.confirm(`Clear the reading history of this browser (${history.length} entries)?`)) return;
    clearHistory();
    setHistory([]);
  };
  const link = 'cursor-pointer underline hover:no-underline';
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a
          href={download('application/json', JSON.stringify(history, null, 2))}
          download="reading-history.json"
          className={`export-json ${link}`}
        >
          Export (JSON)
        </a>
        <a
          href={download(
            'application/x-bibtex',
            bibtexFile([...new Map(history.map((e) => [e.id, e])).values()]),
          )}
          download="reading-history.bib"
          className={link}
        >
          Export (BibTeX)
        </a>
        <button
          type="button"
          onClick={clear}
          className={`clear-history ${link} text-red-700 dark:text-red-400`}
        >
          Clear history
        </button>
      </p>
      {byDay(history).map(([day, entries]) => (
        <section key={day} className="history-day space-y-2" data-day={day}>
          <h2 className="font-semibold">
            {day} <span className="text-sm font-normal text-zinc-500">({entries.length})</span>
          </h2>
          <ol className="space-y-2">
            {entries.map((e) => (
              <li key={e.id} data-paper-id={e.id}>
                <PaperLine
                  paper={e}
                  details={`${e.how.map((h) => HOW[h]).join(', ')} · ${new Date(e.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
