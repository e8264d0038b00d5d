'use client';
// 404 page. For /arxiv/<id> of a paper we don't have, it offers to fetch it from arXiv. proxy.ts
// sends such addresses to MISSING_PREFIX + the address, which no route matches, so Next renders this
// on the server (a page calling notFound() gets a body only JavaScript fills, vercel/next.js#62228);
// lib/isrCache.mjs never caches it, as it names the address asked for.
import { usePathname } from 'next/navigation';
import { FetchFromArxiv } from '@/components/FetchFromArxiv';
import { parseArxivId } from '@/lib/arxiv/ids';
import { decodeSegment, MISSING_PREFIX } from '@/lib/papers/links';

export default function NotFound() {
  const current = usePathname() ?? '';
  const path = current.startsWith(MISSING_PREFIX) ? current.slice(MISSING_PREFIX.length) : current;
  const onArxiv = path.startsWith('/arxiv/');
  const encoded = path.replace(/^\/arxiv\//, '');
  const raw = decodeSegment(encoded) ?? encoded;
  const ids = (onArxiv ? raw : '')
    .split(',')
    .map((s) => parseArxivId(s)?.id)
    .filter((id): id is string => Boolean(id));
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      {ids.length ? (
        <>
          <p>
            <span className="notranslate">{ids.join(', ')}</span> {ids.length > 1 ? 'are' : 'is'} not in this
            database yet.
          </p>
          <FetchFromArxiv ids={ids} />
        </>
      ) : (
        <p>
          {onArxiv ? (
            <>
              <span className="notranslate">{raw}</span> is neither an arXiv id nor a category with papers
              here.
            </>
          ) : (
            'This page does not exist.'
          )}
        </p>
      )}
    </section>
  );
}
