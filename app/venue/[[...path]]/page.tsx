// papers.cool's /venue/… addresses (conference proceedings: /venue/ICML.2025, /venue/<id>@OpenReview,
// /venue/kimi?paper=…, feeds). This site follows arXiv only, so it says so and offers the nearest
// thing: an arXiv search for the conference (many of its papers are on arXiv). /venue/search
// redirects to our search (lib/papers/legacy.ts).
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Conference proceedings', robots: { index: false } };

type Props = { params: Promise<{ path?: string[] }> };

export default async function VenuePage({ params }: Props) {
  const path = (await params).path ?? [];
  // "ICML.2025" → "ICML 2025"; paper ids ("abc@OpenReview") and "latest"/"feed"/"kimi" name no conference.
  const venue =
    /^[A-Za-z][\w-]*(?:\.\d{4})?$/.test(path[0] ?? '') && !['latest', 'kimi', 'feed'].includes(path[0]!)
      ? path[0]!.replace('.', ' ')
      : null;
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold">Conference proceedings are not on this site</h1>
      <p>
        This address comes from papers.cool&apos;s venue section. This site follows arXiv only: it has no
        conference proceedings, their papers or their feeds.
      </p>
      <p>
        {venue ? (
          <Link href={`/search?q=${encodeURIComponent(venue)}`} className="underline">
            Search arXiv for “{venue}”
          </Link>
        ) : (
          <Link href="/search" className="underline">
            Search arXiv
          </Link>
        )}{' '}
        — many conference papers are on arXiv too — or go to{' '}
        <Link href="/" className="underline">
          the home page
        </Link>
        .
      </p>
    </section>
  );
}
