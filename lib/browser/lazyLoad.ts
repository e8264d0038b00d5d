// Lazy loading of a long day (browser side). The server renders every chunk: the page's
// "more" link points at the same list with ?skip=, whose HTML we fetch and splice in, so
// without JavaScript the link simply opens the next chunk. Jumps (a section link, Back to card
// #300, the filter) fetch all the chunks they need at once and splice them in order.

let queue: Promise<unknown> = Promise.resolve();

const dayList = () => document.getElementById('day-list');

/** Cards on the page so far. */
export const loadedCount = () => dayList()?.querySelectorAll('article.paper').length ?? 0;

async function fetchChunk(href: string): Promise<Document | null> {
  const res = await fetch(href, { headers: { accept: 'text/html' } }).catch(() => null);
  if (!res?.ok) return null;
  return new DOMParser().parseFromString(await res.text(), 'text/html');
}

/** Splices a fetched chunk into the list; false when it was not one or the day is complete. */
function append(doc: Document): boolean {
  const list = dayList();
  const next = doc.getElementById('day-list');
  const more = list?.querySelector('[data-more]');
  if (!list || !next || !more) return false;
  for (const section of next.querySelectorAll<HTMLElement>('[data-section]')) {
    const mine = list.querySelector<HTMLElement>(`[data-section="${section.dataset.section}"] .items`);
    if (mine) mine.append(...section.querySelector('.items')!.childNodes);
    else more.before(document.adoptNode(section));
  }
  const nextMore = next.querySelector('[data-more]');
  more.replaceWith(nextMore ? document.adoptNode(nextMore) : '');
  return Boolean(nextMore);
}

async function loadThroughNow(index: number): Promise<void> {
  const more = document.querySelector<HTMLAnchorElement>('#day-list [data-more] a.more');
  if (!more) return;
  const url = new URL(more.href);
  const skip = Number(url.searchParams.get('skip'));
  const show = Number(url.searchParams.get('show'));
  const last = Math.min(index, Number(dayList()!.dataset.total));
  const hrefs: string[] = [];
  for (let s = skip; s < last && show > 0; s += show) {
    url.searchParams.set('skip', String(s));
    hrefs.push(url.href);
  }
  const docs = hrefs.map(fetchChunk); // all in flight at once, spliced in order
  for (const doc of docs) if (!append((await doc) ?? document.implementation.createHTMLDocument())) return;
}

/** Loads chunks until card number `index` (1-based) is on the page; one load at a time. */
export function loadThrough(index: number): Promise<void> {
  const run = queue.then(() => loadThroughNow(index));
  queue = run.catch(() => undefined);
  return run;
}

/** Appends the next chunk; false when the day is complete. */
export async function loadNextChunk(): Promise<boolean> {
  await loadThrough(loadedCount() + 1);
  return Boolean(document.querySelector('#day-list [data-more]'));
}

export const loadAllChunks = () => loadThrough(Infinity);
