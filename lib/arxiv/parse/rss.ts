// arXiv feeds: the current rss.arxiv.org RSS 2.0 (with arxiv:announce_type), and the legacy
// formats it replaced in 2024 (RSS 1.0/RDF and export.arxiv.org's RSS 2.0).
import { listingDay } from '../calendar';
import { archiveOf, parseArxivId } from '../ids';
import { announcementDay, htmlToText, normaliseAbstract, optional, splitAuthors, squash } from '../text';
import { ANNOUNCE_TYPES, FeedError, type AnnounceType, type ParsedBatch, type PaperRecord } from '../types';
import { child, list, parseXml, text, type XmlNode } from '../xml';
import { listingsFor, typeFor } from './listing';

export interface ParsedFeed extends ParsedBatch {
  /** Announcement day the feed stands for. */
  date: string | undefined;
  /** Categories or archives the feed covers (empty: unknown, treat as everything). */
  scope: string[];
}

export function parseFeed(xml: string): ParsedFeed {
  const doc = parseXml(xml);
  if (doc.rss) return parseRss2(child(doc.rss, 'channel') as XmlNode);
  if (doc.RDF) return parseRdf(doc.RDF as XmlNode);
  throw new FeedError('not an RSS or RDF feed', 'malformed');
}

function emptyFeed(date: string | undefined, scope: string[]): ParsedFeed {
  return { papers: [], listings: [], errors: [], date, scope };
}

function parseRss2(channel: XmlNode | undefined): ParsedFeed {
  if (!channel) throw new FeedError('RSS without a channel', 'malformed');
  const title = squash(text(channel.title));
  const items = list(channel.item) as XmlNode[];
  if (items.length === 0 && /^feed error/i.test(title)) {
    throw new FeedError(squash(text(channel.description)) || title, 'error-feed');
  }
  const date = announcementDay(text(channel.pubDate) || text(channel.lastBuildDate));
  const current = items.some((i) => i.announce_type !== undefined);
  if (!current && items.length > 0) return parseLegacyItems(items, date, legacyScope(title));
  const scope = currentScope(text(channel.link));
  const feed = emptyFeed(date, scope);
  items.forEach((item, position) => {
    const guid = text(item.guid) || text(item.link);
    const parsed = parseArxivId(guid);
    if (!parsed) return void feed.errors.push({ id: guid, reason: 'item without an arXiv id' });
    const categories = list(item.category)
      .map((c) => squash(text(c)))
      .filter(Boolean);
    const type = squash(text(item.announce_type));
    if (!ANNOUNCE_TYPES.includes(type as AnnounceType)) {
      return void feed.errors.push({ id: parsed.id, reason: `unknown announce type "${type}"` });
    }
    const day = announcementDay(text(item.pubDate)) ?? date;
    if (!categories.length || !day) {
      return void feed.errors.push({ id: parsed.id, reason: 'item without categories or date' });
    }
    const description = text(item.description);
    const abstract = description.replace(/^[\s\S]*?Abstract:\s*/, '');
    feed.papers.push({
      id: parsed.id,
      version: parsed.version,
      title: squash(text(item.title)),
      abstract: normaliseAbstract(abstract),
      authors: list(item.creator).flatMap((c) => splitAuthors(text(c))),
      categories,
      license: optional(text(item.rights)),
      asOf: day,
    });
    feed.listings.push(...listingsFor(parsed.id, categories, day, type as AnnounceType, position, scope));
  });
  return feed;
}

/** "http://rss.arxiv.org/rss/cs.AI+cs.CL" → ["cs.AI", "cs.CL"]. */
function currentScope(link: string): string[] {
  const m = /\/rss\/([^/?#\s]+)/.exec(link);
  return m ? m[1]!.split('+').filter(Boolean) : [];
}

/** "math updates on arXiv.org" → ["math"]. */
function legacyScope(title: string): string[] {
  const m = /^(\S+) updates on arXiv\.org/i.exec(title);
  return m ? [m[1]!] : [];
}

function parseRdf(rdf: XmlNode): ParsedFeed {
  const channel = child(rdf, 'channel') as XmlNode | undefined;
  const date = announcementDay(text(child(channel, 'date')));
  return parseLegacyItems(
    list(rdf.item) as XmlNode[],
    date,
    legacyScope(squash(text(child(channel, 'title')))),
  );
}

// "Title. (arXiv:1209.2411v1 [math.PR])", "… [math.DG] UPDATED)", "(arXiv:astro-ph/0012023v2 UPDATED)"
const LEGACY_TITLE =
  /^([\s\S]*?)\.?\s*\(arXiv:(\S+?)(?:\s+\[([^\]]+)\])?(?:\s+(UPDATED|CROSS LISTED))?\)\s*$/;

function parseLegacyItems(items: XmlNode[], date: string | undefined, scope: string[]): ParsedFeed {
  const feed = emptyFeed(date, scope);
  items.forEach((item, position) => {
    const rawTitle = squash(text(item.title));
    const m = LEGACY_TITLE.exec(rawTitle);
    const parsed = m ? parseArxivId(m[2]!) : null;
    if (!m || !parsed)
      return void feed.errors.push({
        id: text(item.link),
        reason: `unrecognised item title "${rawTitle.slice(0, 80)}"`,
      });
    if (!date) return void feed.errors.push({ id: parsed.id, reason: 'feed without a date' });
    const primary = m[3] ?? archiveOf(parsed.id.split('/')[0]!);
    const html = text(item.description);
    const authorsHtml =
      list(item.creator).map(text).join(', ') || (/Authors:([\s\S]*?)<\/p>/i.exec(html)?.[1] ?? '');
    const abstractHtml = html.replace(/<p>\s*Authors:[\s\S]*?<\/p>/i, '');
    const paper: PaperRecord = {
      id: parsed.id,
      version: parsed.version,
      title: m[1]!.trim(),
      abstract: normaliseAbstract(htmlToText(abstractHtml).replace(/\n\s*/g, ' ')),
      authors: splitAuthors(htmlToText(authorsHtml)),
      categories: [primary],
      asOf: date,
    };
    feed.papers.push(paper);
    const listed = scope.length === 0 || scope.includes(archiveOf(primary)) ? primary : scope[0]!;
    const type = typeFor(listed, primary, m[4] === 'UPDATED');
    feed.listings.push({ paperId: parsed.id, category: listed, date: listingDay(date), type, position });
  });
  return feed;
}
