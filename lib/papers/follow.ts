// Followed categories: kept in a cookie of the reader's browser (the server only reads it to render
// the home page) and shareable as /?follow=cs.CL,cs.LG. Browser-safe: no taxonomy here, the home
// page drops codes arXiv does not have.
export const FOLLOW_COOKIE = 'coolpapers-follow';
export const MAX_FOLLOWED = 60;

const CODE = /^[a-z][a-z-]{0,15}(?:\.[A-Za-z-]{1,16})?$/;

/** Category codes from a comma/space separated list, deduplicated, in order, capped. */
export function parseFollowed(text: string | string[] | undefined): string[] {
  const parts = [text ?? ''].flat().flatMap((t) => t.split(/[\s,+]+/));
  return [...new Set(parts.filter((p) => CODE.test(p)))].slice(0, MAX_FOLLOWED);
}

export const followPath = (categories: string[]) =>
  categories.length ? `/?follow=${categories.join(',')}` : '/';
