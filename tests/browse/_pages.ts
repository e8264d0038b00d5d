// Reading our list pages back in tests: paper ids in document order with their sections,
// following the "more" links exactly as the lazy loader does.

export interface ListedPaper {
  id: string;
  section: string;
}

export function papersIn(html: string): ListedPaper[] {
  const out: ListedPaper[] = [];
  let section = '';
  for (const m of html.matchAll(/<details[^>]*data-section="([a-z]+)"|<article[^>]*data-paper-id="([^"]+)"/g)) {
    if (m[1]) section = m[1];
    else out.push({ id: m[2]!, section });
  }
  return out;
}

const unescape = (s: string) => s.replace(/&amp;/g, '&');

export function moreHref(html: string): string | null {
  const m = /<div data-more[^>]*><a class="more[^"]*" href="([^"]+)"/.exec(html);
  return m ? unescape(m[1]!) : null;
}

/** Every paper of a list page and its chunks. */
export async function wholeList(base: string, path: string): Promise<{ papers: ListedPaper[]; first: string; requests: number }> {
  const res = await fetch(base + path);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  const first = await res.text();
  const papers = papersIn(first);
  let next = moreHref(first);
  let requests = 1;
  while (next) {
    const html = await (await fetch(base + next)).text();
    papers.push(...papersIn(html));
    next = moreHref(html);
    requests++;
  }
  return { papers, first, requests };
}
