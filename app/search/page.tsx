// /search: results of a query (or related papers of ?related=<id>) as the same cards as the lists.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PaperCard } from '@/components/paper/PaperCard';
import { SearchForm } from '@/components/search/SearchForm';
import { paperPath } from '@/lib/papers/links';
import { loadPaperViews } from '@/lib/papers/view';
import { plainText } from '@/lib/render';
import { runSearch, type RawParams } from '@/lib/search/service';
import { searchQueryString } from '@/lib/search/urls';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = [(await searchParams).q].flat()[0];
  return {
    title: q ? `${q.slice(0, 80)} – search` : 'Search',
    alternates: {
      types: { 'application/atom+xml': `/search/feed${q ? `?q=${encodeURIComponent(q)}` : ''}` },
    },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const r = await runSearch(await searchParams);
  if (r.jump) redirect(paperPath(r.jump));
  const papers = await loadPaperViews(r.hits.map((h) => h.id));
  const first = (r.page - 1) * r.params.limit;
  return (
    <div className="space-y-4">
      <link
        rel="search"
        type="application/opensearchdescription+xml"
        title="Cool Papers"
        href="/opensearch.xml"
      />
      <SearchForm params={r.params} />
      {r.relatedTo && (
        <p>
          Related to{' '}
          <Link href={paperPath(r.relatedTo.id)} className="underline">
            {plainText(r.relatedTo.title)}
          </Link>
        </p>
      )}
      {r.notes.map((n) => (
        <p key={n} role="status" className="text-sm text-amber-700">
          {n}
        </p>
      ))}
      {(r.params.q || r.relatedTo) && (
        <p className="text-sm" data-testid="result-count">
          {r.total === 0
            ? 'No papers found.'
            : `${r.total >= 1000 ? '1,000+' : r.total.toLocaleString('en')} paper${r.total === 1 ? '' : 's'}`}
          {r.total > 0 && (
            <>
              {' '}
              · <a href={`/search/feed${searchQueryString(r.params, { page: undefined })}`}>Atom feed</a>
            </>
          )}
        </p>
      )}
      <ol className="space-y-4">
        {papers.map((p, i) => (
          <li key={p.id}>
            <PaperCard paper={p} index={first + i + 1} total={r.total} highlightTerms={r.terms} />
          </li>
        ))}
      </ol>
      {r.pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {r.page > 1 && (
            <Link href={`/search${searchQueryString(r.params, { page: r.page - 1 })}`}>← Previous</Link>
          )}
          <span>
            Page {r.page} of {r.pages}
          </span>
          {r.page < r.pages && (
            <Link href={`/search${searchQueryString(r.params, { page: r.page + 1 })}`}>Next →</Link>
          )}
        </nav>
      )}
    </div>
  );
}
