// Related papers for the paper page: the paper's stored keywords run as a query, without itself.
import Link from 'next/link';
import { paperPath, relatedPath } from '@/lib/papers/links';
import { plainText } from '@/lib/render';
import { runSearch } from '@/lib/search/service';

export async function RelatedPapers({ id, limit = 5 }: { id: string; limit?: number }) {
  const r = await runSearch({ related: id, limit: String(limit) });
  if (!r.hits.length) return null;
  return (
    <section aria-labelledby="related-heading" className="space-y-2">
      <h2 id="related-heading" className="font-semibold">
        Related papers
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {r.hits.map((h) => (
          <li key={h.id}>
            <Link href={paperPath(h.id)}>{plainText(h.title)}</Link>{' '}
            <span className="text-gray-500">{h.authors.slice(0, 3).join(', ')}</span>
          </li>
        ))}
      </ul>
      <Link href={relatedPath(id)} className="text-sm underline">
        More related papers
      </Link>
    </section>
  );
}
