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

// Cards off screen have estimated heights (content-visibility) until the browser draws them, a
// few frames after the jump, or later on a busy machine; fonts arriving can also move them. So the
// card is held at its place until it has stayed there a while, the reader takes over, or time is up.
const SETTLED_MS = 1500;
const HOLD_LIMIT_MS = 10_000;
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** Keeps `card` at `offset` px from the window's top; resolves once it first got there. */
async function holdCard(card: HTMLElement, offset: number): Promise<void> {
  let readerMoved = false;
  const stop = () => (readerMoved = true);
  for (const type of READER_INPUT) addEventListener(type, stop, { capture: true, once: true, passive: true });
  const correct = () => {
    const drift = card.getBoundingClientRect().top - offset;
    if (Math.abs(drift) <= 1) return false;
    window.scrollBy({ top: drift, behavior: 'instant' });
    return true;
  };
  correct();
  await frame();
  void (async () => {
    const start = performance.now();
    let still = start;
    while (!readerMoved && card.isConnected) {
      // Corrects before it checks the time, so a long stall still ends with the card in place.
      const now = performance.now();
      if (correct()) still = now;
      if (now - still > SETTLED_MS || now - start > HOLD_LIMIT_MS) break;
      await frame();
    }
    for (const type of READER_INPUT) removeEventListener(type, stop, { capture: true });
  })();
}

/** Puts the reader back where they were, if they came back to this list; call once per list shown. */
export async function restorePlace(): Promise<void> {
  const place = cameBack() ? savedPlace() : null;
  if (!place) return;
  if (place.loaded > loadedCount()) await loadThrough(place.loaded);
  const card = document.getElementById(place.id);
  if (card) await holdCard(card, place.offset);
}
