// One chunk of a day's list with its papers loaded: what /arxiv/<spec>?date=&skip=&show= renders.
import { dayList, type DayList, type Section } from './day';
import type { ListSpec } from './spec';
import { loadPaperViews, type PaperView } from './view';

/** Papers in the first response: a screenful, the rest arrives in chunks as the reader scrolls. */
export const FIRST_CHUNK = 25;
/** Later chunks are fetched while the reader scrolls, so they can be larger. */
export const NEXT_CHUNK = 50;
export const MAX_CHUNK = 200;

export interface DayChunk extends DayList {
  skip: number;
  total: number;
  papers: (PaperView & { section: Section; index: number })[];
}

export async function dayChunk(
  spec: ListSpec,
  date: string | undefined,
  skip: number,
  show: number,
): Promise<DayChunk> {
  const list = dayList(spec, date);
  const slice = list.entries.slice(skip, skip + show);
  const views = await loadPaperViews(slice.map((e) => e.id));
  const byId = new Map(views.map((v) => [v.id, v]));
  const papers = slice.flatMap((entry, i) => {
    const view = byId.get(entry.id);
    return view
      ? [
          {
            ...view,
            listing: { date: list.date!, type: entry.type, category: entry.category },
            section: entry.section,
            index: skip + i + 1,
          },
        ]
      : [];
  });
  return { ...list, skip, total: list.entries.length, papers };
}

/** Reads ?skip=&show= defensively: user input never errors. */
export function chunkParams(
  skip: string | undefined,
  show: string | undefined,
): { skip: number; show: number } {
  const int = (s: string | undefined, fallback: number) => (s && /^\d{1,6}$/.test(s) ? Number(s) : fallback);
  return { skip: int(skip, 0), show: Math.min(Math.max(int(show, FIRST_CHUNK), 1), MAX_CHUNK) };
}
