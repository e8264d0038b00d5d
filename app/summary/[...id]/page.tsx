// /summary/<arxiv id>?lang=en|zh — a paper's FAQ. Cached: shown at once, rendered on the server.
// Otherwise the panel streams the generation (JS) or, without JS, a form starts it and the page
// refreshes itself while the generation runs.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecordReading } from '@/components/paper/RecordReading';
import SummaryPanel from '@/components/summary/SummaryPanel';
import { absUrl } from '@/lib/arxiv/ids';
import { plainText } from '@/lib/render';
import { loadPaperViews } from '@/lib/papers/view';
import { SUMMARIES_DISABLED, summariesEnabled } from '@/lib/summaries/availability';
import { jobProgress, REFUSALS } from '@/lib/summaries/queue';
import { getSummary, paperForSummary } from '@/lib/summaries/store';
import { idFromSegments } from '@/lib/papers/links';
import { languageOf, summaryView } from '@/lib/summaries/view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Summary', robots: { index: false } };

type Props = {
  params: Promise<{ id: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SummaryPage({ params, searchParams }: Props) {
  const id = idFromSegments((await params).id)?.id;
  const query = await searchParams;
  const paper = id ? paperForSummary(id) : null;
  if (!id || !paper) notFound();
  const language = languageOf(typeof query.lang === 'string' ? query.lang : undefined);
  const cached = getSummary(id, language);
  const job = cached ? undefined : jobProgress(id, language);
  const [view] = await loadPaperViews([id], { render: false });
  const reading = {
    id,
    title: paper.title,
    titleText: plainText(paper.title),
    authors: view?.authors ?? [],
    year: view?.submittedAt?.slice(0, 4) ?? null,
    primaryCategory: view?.primaryCategory ?? null,
  };
  // Without a provider nothing can be generated: say so plainly, once, instead of offering to.
  const disabled = !cached && !job && !summariesEnabled();
  const refused =
    typeof query.refused === 'string' && query.refused in REFUSALS
      ? REFUSALS[query.refused as keyof typeof REFUSALS]
      : null;
  return (
    <article className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-zinc-500">
          <a href={absUrl(id)} target="_blank" rel="noopener" className="underline">
            arXiv:{id}
          </a>{' '}
          · FAQ ·{' '}
          {(['en', 'zh'] as const).map((l) => (
            <Link
              key={l}
              href={`/summary/${id}?lang=${l}`}
              className={l === language ? 'font-semibold' : 'underline'}
            >
              {l === 'en' ? 'English' : '中文'}{' '}
            </Link>
          ))}
        </p>
        <h1 className="text-xl font-semibold">{plainText(paper.title)}</h1>
      </header>
      <RecordReading paper={reading} how="summary" />
      {disabled ? (
        <p className="summary-disabled text-zinc-600 dark:text-zinc-400">{SUMMARIES_DISABLED}</p>
      ) : (
        <>
          {!cached && (
            <noscript>
              {job ? (
                <>
                  <meta httpEquiv="refresh" content="3" />
                  <p>
                    {job.stage === 'queued' ? `Queued: position ${job.position}` : 'Generating…'} This page
                    refreshes itself.
                  </p>
                </>
              ) : (
                <form method="post" action={`/api/summary/${id}?lang=${language}`}>
                  {refused && <p role="alert">{refused}</p>}
                  <button type="submit" className="underline">
                    Generate the summary
                  </button>
                </form>
              )}
            </noscript>
          )}
          <SummaryPanel
            key={language}
            paperId={id}
            language={language}
            initial={cached ? summaryView(cached) : null}
            autoStart
            syncUrl
          />
        </>
      )}
    </article>
  );
}
