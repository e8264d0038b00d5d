// The reader's place in a long list (browser side): which card is at the top of the window, how
// far down, and how many cards were loaded, kept per address in sessionStorage. Coming back to the
// list (Back/Forward, reload) loads those cards again and puts that card where it was. A page the
// browser restores whole from its back/forward cache needs none of this.
import { loadedCount, loadThrough } from './lazyLoad';

interface Place {
  id: string;
  /** The card's top, relative to the window's top (px). */
  offset: number;
  loaded: number;
}

const key = () => `coolpapers:place:${location.pathname}${location.search}`;

// History traversals the app router handles (no new document) fire popstate: remember where to.
let poppedTo: string | null = null;
if (typeof window !== 'undefined') addEventListener('popstate', () => (poppedTo = location.href));
let firstList = true;

/** Whether this list was reached by Back/Forward or a reload, not by following a link. */
function cameBack(): boolean {
  const popped = poppedTo === location.href;
  poppedTo = null;
  if (popped) return true;
  if (!firstList) return false;
  firstList = false;
  // The document's own load, if it was this list.
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return (
    (nav?.type === 'back_forward' || nav?.type === 'reload') &&
    nav.name.split('#')[0] === location.href.split('#')[0]
  );
}

export function savePlace(card: HTMLElement | undefined): void {
  if (!card?.id) return;
  const place: Place = {
    id: card.id,
    offset: Math.round(card.getBoundingClientRect().top),
    loaded: loadedCount(),
  };
  try {
    sessionStorage.setItem(key(), JSON.stringify(place));
  } catch {
    /* storage full or disabled: nothing to restore later */
  }
}

function savedPlace(): Place | null {
  try {
    const place = JSON.parse(sessionStorage.getItem(key()) ?? 'null') as Place | null;
    return place &&
      typeof place.id === 'string' &&
      Number.isFinite(place.offset) &&
      Number.isFinite(place.loaded)
      ? place
      : null;
  } catch {
    return null;
  }
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

/** Puts the reader back where they were, if they came back to this list; call once per list shown. */
export async function restorePlace(): Promise<void> {
  const place = cameBack() ? savedPlace() : null;
  if (!place) return;
  if (place.loaded > loadedCount()) await loadThrough(place.loaded);
  const card = document.getElementById(place.id);
  if (!card) return;
  // Cards off screen have estimated heights until drawn: settle over a few frames.
  for (let i = 0; i < 3; i++) {
    const drift = card.getBoundingClientRect().top - place.offset;
    if (Math.abs(drift) > 1) window.scrollBy({ top: drift, behavior: 'instant' });
    await frame();
  }
}
