// arXiv API (export.arxiv.org/api/query) Atom responses, including its error entries.
import { parseArxivId } from '../ids';
import { dayOf, normaliseAbstract, optional, parseDate, squash } from '../text';
import { FeedError, type ParsedBatch, type PaperRecord } from '../types';
import { attr, child, list, parseXml, text, type XmlNode } from '../xml';

export interface ParsedAtom extends ParsedBatch {
  totalResults: number;
}

export function parseApiAtom(xml: string): ParsedAtom {
  const doc = parseXml(xml);
  const feed = doc.feed as XmlNode | undefined;
  if (!feed) throw new FeedError('not an Atom feed', 'malformed');
  const entries = list(feed.entry) as XmlNode[];
  // arXiv reports bad requests as a feed whose single entry has an .../api/errors#... id.
  const error = entries.find((e) => text(e.id).includes('/api/errors'));
  if (error) throw new FeedError(`arXiv API error: ${squash(text(error.summary))}`, 'api-error');

  const out: ParsedAtom = {
    papers: [],
    listings: [],
    errors: [],
    totalResults: Number(text(feed.totalResults)) || 0,
  };
  for (const entry of entries) {
    const parsed = parseArxivId(text(entry.id));
    if (!parsed) {
      out.errors.push({ id: text(entry.id), reason: 'entry without an arXiv id' });
      continue;
    }
    const primary = attr(entry.primary_category, 'term');
    const terms = list(entry.category)
      .map((c) => attr(c, 'term'))
      .filter((t): t is string => !!t);
    const categories = [...new Set([primary, ...terms].filter((t): t is string => !!t))];
    const published = parseDate(text(entry.published));
    const updated = parseDate(text(entry.updated));
    const version = parsed.version ?? 1;
    const paper: PaperRecord = {
      id: parsed.id,
      version,
      title: squash(text(entry.title)),
      abstract: normaliseAbstract(text(entry.summary)),
      authors: list(entry.author)
        .map((a) => squash(text(child(a, 'name'))))
        .filter(Boolean),
      categories,
      comments: optional(text(entry.comment)),
      journalRef: optional(text(entry.journal_ref)),
      doi: optional(text(entry.doi)),
      submittedAt: published,
      updatedAt: updated,
      asOf: dayOf(updated),
      versions: [{ version, submittedAt: version === 1 ? published : updated }],
    };
    if (!paper.title || categories.length === 0) {
      out.errors.push({ id: parsed.id, reason: 'entry without title or categories' });
      continue;
    }
    out.papers.push(paper);
  }
  return out;
}
