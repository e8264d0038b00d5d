// The paper page body: the card plus every field, its versions and where it was listed.
import Link from 'next/link';
import { absUrl } from '@/lib/arxiv/ids';
import { listPath } from '@/lib/papers/links';
import type { PaperDetail as Detail } from '@/lib/papers/paper';
import { PaperCard } from './PaperCard';
import { RecordReading } from './RecordReading';
import { RelatedPapers } from '@/components/search/RelatedPapers';

export function PaperDetail({ detail }: { detail: Detail }) {
  const { paper, versions, listings } = detail;
  return (
    <div className="space-y-6">
      <h1 className="sr-only">{paper.titleText}</h1>
      <RecordReading
        paper={{
          id: paper.id,
          title: paper.title,
          titleText: paper.titleText,
          authors: paper.authors,
          year: paper.submittedAt?.slice(0, 4) ?? null,
          primaryCategory: paper.primaryCategory,
        }}
        how="page"
      />
      <PaperCard paper={paper} index={1} />
      <dl className="paper-fields grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>arXiv id</dt>
        <dd className="notranslate">
          <a href={absUrl(paper.id, paper.version)} target="_blank" rel="noopener" className="underline">
            {paper.id}v{paper.version}
          </a>
        </dd>
        {paper.journalRef && (
          <>
            <dt>Journal reference</dt>
            <dd>{paper.journalRef}</dd>
          </>
        )}
        {paper.doi && (
          <>
            <dt>DOI</dt>
            <dd className="notranslate">
              <a href={`https://doi.org/${paper.doi}`} target="_blank" rel="noopener" className="underline">
                {paper.doi}
              </a>
            </dd>
          </>
        )}
        {paper.submittedAt && (
          <>
            <dt>Submitted</dt>
            <dd>{paper.submittedAt.slice(0, 10)}</dd>
          </>
        )}
        {paper.updatedAt && (
          <>
            <dt>Updated</dt>
            <dd>{paper.updatedAt.slice(0, 10)}</dd>
          </>
        )}
        <dt>Opened</dt>
        <dd>
          PDF {paper.clicks.pdf} times, summary {paper.clicks.summary} times
        </dd>
      </dl>
      {versions.length > 0 && (
        <section>
          <h2 className="font-semibold">Versions</h2>
          <ul className="versions text-sm">
            {versions.map((v) => (
              <li key={v.version}>
                <a href={absUrl(paper.id, v.version)} target="_blank" rel="noopener" className="underline">
                  v{v.version}
                </a>{' '}
                {v.submittedAt?.slice(0, 10)} {v.size && <span className="text-zinc-500">({v.size})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {listings.length > 0 && (
        <section>
          <h2 className="font-semibold">Listed</h2>
          <ul className="listings text-sm">
            {listings.map((l) => (
              <li key={`${l.date} ${l.category}`}>
                <Link href={`${listPath(l.category, l.date)}#${paper.id}`} className="underline">
                  {l.category} on {l.date}
                </Link>{' '}
                <span className="text-zinc-500">({l.type})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RelatedPapers id={paper.id} />
    </div>
  );
}
