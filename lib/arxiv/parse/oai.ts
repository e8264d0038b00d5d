// OAI-PMH ListRecords / GetRecord with metadataPrefix=arXiv, one page at a time.
import { parseArxivId } from '../ids';
import { dayOf, normaliseAbstract, optional, parseDate, squash } from '../text';
import { FeedError, type ParsedBatch } from '../types';
import { attr, child, list, parseXml, text, type XmlNode } from '../xml';

export interface ParsedOaiPage extends ParsedBatch {
  /** Present while more pages follow. */
  resumptionToken?: string;
  completeListSize?: number;
  deleted: number;
}

export function parseOaiPage(xml: string): ParsedOaiPage {
  const doc = parseXml(xml);
  const root = doc['OAI-PMH'] as XmlNode | undefined;
  if (!root) throw new FeedError('not an OAI-PMH response', 'malformed');
  const page: ParsedOaiPage = { papers: [], listings: [], errors: [], deleted: 0 };
  const error = root.error;
  if (error !== undefined) {
    // An empty harvest window is an answer, not a failure.
    if (attr(error, 'code') === 'noRecordsMatch') return page;
    throw new FeedError(`OAI-PMH error ${attr(error, 'code') ?? ''}: ${squash(text(error))}`, 'api-error');
  }
  const container = (root.ListRecords ?? root.GetRecord) as XmlNode | undefined;
  if (!container) throw new FeedError('OAI-PMH response without records', 'malformed');

  for (const record of list(container.record) as XmlNode[]) {
    const header = record.header as XmlNode | undefined;
    if (attr(header, 'status') === 'deleted') {
      page.deleted++;
      continue;
    }
    const meta = child(record.metadata, 'arXiv') as XmlNode | undefined;
    const parsed = parseArxivId(text(meta?.id) || text(child(header, 'identifier')));
    if (!meta || !parsed) {
      page.errors.push({ id: text(child(header, 'identifier')), reason: 'record without arXiv metadata' });
      continue;
    }
    const authors = list(child(meta.authors, 'author')).map((a) => {
      const parts = [text(child(a, 'forenames')), text(child(a, 'keyname')), text(child(a, 'suffix'))];
      return squash(parts.filter(Boolean).join(' '));
    });
    const categories = squash(text(meta.categories)).split(' ').filter(Boolean);
    const title = squash(text(meta.title));
    if (!title || categories.length === 0) {
      page.errors.push({ id: parsed.id, reason: 'record without title or categories' });
      continue;
    }
    page.papers.push({
      id: parsed.id,
      title,
      abstract: normaliseAbstract(text(meta.abstract)),
      authors: authors.filter(Boolean),
      categories,
      comments: optional(text(meta.comments)),
      journalRef: optional(text(meta['journal-ref'])),
      doi: optional(text(meta.doi)),
      license: optional(text(meta.license)),
      submittedAt: parseDate(text(meta.created)),
      updatedAt: parseDate(text(meta.updated)) ?? parseDate(text(meta.created)),
      asOf: dayOf(parseDate(text(meta.updated)) ?? parseDate(text(meta.created))),
    });
  }
  const token = container.resumptionToken;
  const tokenText = squash(text(token));
  if (tokenText) page.resumptionToken = tokenText;
  const size = Number(attr(token, 'completeListSize'));
  if (Number.isFinite(size) && size > 0) page.completeListSize = size;
  return page;
}
