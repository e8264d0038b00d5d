// The personal layer without accounts: stars, reading history and preference keywords live in the
// browser's localStorage; followed categories in a cookie of this browser, so the home page can be
// rendered with them on the server. Browser-only (called from client components).
import type { BibtexPaper } from '@/lib/papers/bibtex';
import { FOLLOW_COOKIE, parseFollowed } from '@/lib/papers/follow';
import { decodeSegment } from '@/lib/papers/links';

const STARS = 'coolpapers:stars';
const HISTORY = 'coolpapers:history';
const PREFERENCES = 'coolpapers:preferences';
const HISTORY_CAP = 3000;

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

/** Stars or un-stars; returns the new state. */
export function toggleStar(paper: BibtexPaper): boolean {
  const stars = starredPapers();
  const without = stars.filter((p) => p.id !== paper.id);
  const starred = without.length === stars.length;
  write(STARS, starred ? [{ ...paper, starredAt: new Date().toISOString() }, ...without] : without);
  return starred;
}

/** How a paper was read: its PDF, its summary, or its page on this site. */
export type Reading = 'pdf' | 'summary' | 'page';

/** One paper read on one day (local time), newest first; `how` lists every way it was read that day. */
export type HistoryEntry = BibtexPaper & { at: string; day: string; how: Reading[] };

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export const readingHistory = (): HistoryEntry[] => read<HistoryEntry[]>(HISTORY, []);
export const visitedIds = (): Set<string> => new Set(readingHistory().map((e) => e.id));

/** Records that the reader opened a paper; the same paper read again today moves to the top. */
export function recordReading(paper: BibtexPaper, how: Reading): void {
  const now = new Date();
  const day = localDay(now);
  const history = readingHistory();
  const today = history.find((e) => e.id === paper.id && e.day === day);
  const rest = history.filter((e) => e !== today);
  const how2 = today ? [...new Set([...today.how, how])] : [how];
  write(HISTORY, [{ ...paper, at: now.toISOString(), day, how: how2 }, ...rest].slice(0, HISTORY_CAP));
}

export const clearHistory = () => localStorage.removeItem(HISTORY);

/** Preference keywords (one per line in the UI): papers matching more of them sort first. */
export const preferenceKeywords = (): string[] => read<string[]>(PREFERENCES, []);
export const setPreferenceKeywords = (words: string[]) => write(PREFERENCES, words);

/** Categories this browser follows (home page, + / − beside subjects). */
export function followedCategories(): string[] {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(`${FOLLOW_COOKIE}=`));
  return parseFollowed(raw ? (decodeSegment(raw.slice(FOLLOW_COOKIE.length + 1)) ?? '') : '');
}

export function setFollowedCategories(categories: string[]): void {
  const value = encodeURIComponent(parseFollowed(categories.join(',')).join(','));
  document.cookie = `${FOLLOW_COOKIE}=${value}; path=/; max-age=${60 * 60 * 24 * 730}; samesite=lax`;
}

/** Follows or unfollows a category; returns whether it is followed now. */
export function toggleFollow(category: string): boolean {
  const now = followedCategories();
  const following = !now.includes(category);
  setFollowedCategories(following ? [...now, category] : now.filter((c) => c !== category));
  return following;
}
