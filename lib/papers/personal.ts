// The personal layer without accounts: stars, visited papers and preference keywords live in the
// browser's localStorage. Browser-only (called from client components).
import type { BibtexPaper } from './bibtex';

const STARS = 'coolpapers:stars';
const VISITED = 'coolpapers:visited';
const PREFERENCES = 'coolpapers:preferences';
const VISITED_CAP = 5000;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}
const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

export type StarredPaper = BibtexPaper & { starredAt: string };

export const starredPapers = (): StarredPaper[] => read<StarredPaper[]>(STARS, []);
export const isStarred = (id: string) => starredPapers().some((p) => p.id === id);

/** Stars or un-stars; returns the new state. */
export function toggleStar(paper: BibtexPaper): boolean {
  const stars = starredPapers();
  const without = stars.filter((p) => p.id !== paper.id);
  const starred = without.length === stars.length;
  write(STARS, starred ? [{ ...paper, starredAt: new Date().toISOString() }, ...without] : without);
  return starred;
}

export const visitedIds = (): Set<string> => new Set(read<string[]>(VISITED, []));

export function markVisited(id: string): void {
  const ids = read<string[]>(VISITED, []).filter((v) => v !== id);
  write(VISITED, [id, ...ids].slice(0, VISITED_CAP));
}

/** Preference keywords (one per line in the UI): papers matching more of them sort first. */
export const preferenceKeywords = (): string[] => read<string[]>(PREFERENCES, []);
export const setPreferenceKeywords = (words: string[]) => write(PREFERENCES, words);
