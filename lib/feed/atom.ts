// Atom 1.0 (RFC 4287) feeds of paper lists: daily lists now, search results later.
import { XMLBuilder } from 'fast-xml-parser';
import { absUrl, pdfUrl } from '@/lib/arxiv/ids';
import { plainText } from '@/lib/render';
import type { PaperView } from '@/lib/papers/view';

export interface AtomFeedInput {
  title: string;
  /** Absolute URL of the feed itself (rel="self"); also the feed's id. */
  selfUrl: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  alternateUrl: string;
  /** ISO timestamp of the newest content. */
  updated: string;
  entries: PaperView[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: false,
  suppressEmptyNode: true,
});

/** The date an entry says it was updated: its listing day, else arXiv's timestamps or first announcement, else the feed's. */
export function entryUpdated(p: PaperView, fallback: string): string {
  const day = p.listing?.date ?? (p.updatedAt || p.submittedAt ? undefined : p.announcedOn);
  return day ? `${day}T00:00:00Z` : (p.updatedAt ?? p.submittedAt ?? fallback);
}

export function atomFeed(feed: AtomFeedInput): string {
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      id: feed.selfUrl,
      title: feed.title,
      updated: feed.updated,
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': feed.selfUrl },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': feed.alternateUrl },
      ],
      generator: 'Cool Papers TS',
      entry: feed.entries.map((p) => ({
        id: absUrl(p.id),
        title: { '@_type': 'text', '#text': p.titleText },
        updated: entryUpdated(p, feed.updated),
        ...(p.submittedAt ? { published: p.submittedAt } : {}),
        // RFC 4287 needs an author per entry when the feed has none.
        author: (p.authors.length ? p.authors : ['Unknown']).map((name) => ({ name })),
        link: [
          { '@_rel': 'alternate', '@_type': 'text/html', '@_href': absUrl(p.id) },
          { '@_rel': 'related', '@_type': 'application/pdf', '@_title': 'pdf', '@_href': pdfUrl(p.id) },
        ],
        category: p.categories.map((c) => ({ '@_term': c })),
        summary: { '@_type': 'text', '#text': plainText(p.abstract) },
      })),
    },
  };
  return builder.build(doc) as string;
}
