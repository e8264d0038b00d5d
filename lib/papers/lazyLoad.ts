// Lazy loading of a long day (browser side). The server renders every chunk: the page's
// "more" link points at the same list with ?skip=, whose HTML we fetch and splice in, so
// without JavaScript the link simply opens the next chunk.

let pending: Promise<boolean> | null = null;

/** Appends the next chunk; false when the day is complete. */
export function loadNextChunk(): Promise<boolean> {
  return (pending ??= fetchNext().finally(() => (pending = null)));
}

async function fetchNext(): Promise<boolean> {
  const more = document.querySelector<HTMLAnchorElement>('#day-list [data-more] a.more');
  const list = document.getElementById('day-list');
  if (!more || !list) return false;
  const res = await fetch(more.href, { headers: { accept: 'text/html' } });
  if (!res.ok) return false;
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  const next = doc.getElementById('day-list');
  if (!next) return false;
  for (const section of next.querySelectorAll<HTMLElement>('[data-section]')) {
    const mine = list.querySelector<HTMLElement>(`[data-section="${section.dataset.section}"] .items`);
    if (mine) mine.append(...section.querySelector('.items')!.childNodes);
    else list.querySelector('[data-more]')!.before(document.adoptNode(section));
  }
  const nextMore = next.querySelector('[data-more]');
  list.querySelector('[data-more]')!.replaceWith(nextMore ? document.adoptNode(nextMore) : '');
  return Boolean(nextMore);
}

export async function loadAllChunks(): Promise<void> {
  while (await loadNextChunk());
}
