// OpenSearch 1.1 description: browsers offer the site as a search engine (linked from /search).
import { config } from '@/lib/config';

export const dynamic = 'force-dynamic';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function GET(): Response {
  const site = esc(config().SITE_URL.replace(/\/$/, ''));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Cool Papers</ShortName>
  <Description>Search arXiv papers on Cool Papers</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Url type="text/html" method="get" template="${site}/search?q={searchTerms}"/>
  <Url type="application/atom+xml" template="${site}/search/feed?q={searchTerms}"/>
  <Url type="application/json" template="${site}/api/search?q={searchTerms}"/>
</OpenSearchDescription>
`;
  return new Response(xml, {
    headers: { 'content-type': 'application/opensearchdescription+xml; charset=utf-8' },
  });
}
