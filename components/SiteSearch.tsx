'use client';
// The search box in every page's header: a plain GET form to /search, so it works without
// JavaScript; an arXiv id or URL jumps to the paper (/search redirects). On a daily list it offers
// to search only that list's categories (the list marks them with data-search-scope). The search
// page has its own box with every filter, so the header leaves it out there.
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

export const SEARCH_FORM_ID = 'site-search';

export function SiteSearch() {
  const pathname = usePathname();
  const [scope, setScope] = useState<string | null>(null);
  useEffect(
    () => setScope(document.querySelector('[data-search-scope]')?.getAttribute('data-search-scope') || null),
    [pathname],
  );
  if (pathname === '/search') return null;
  return (
    <form
      id={SEARCH_FORM_ID}
      action="/search"
      method="get"
      role="search"
      className="order-last flex w-full items-center gap-2 sm:order-none sm:w-auto sm:flex-1"
    >
      <input
        type="search"
        name="q"
        aria-label="Search papers"
        placeholder="Search, or paste an arXiv id or URL"
        className="min-w-0 flex-1 rounded border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
      />
      {scope && (
        <label
          className="flex items-center gap-1 text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400"
          title={`Search only in ${scope}`}
        >
          <input type="checkbox" name="cat" value={scope} />
          <span className="notranslate max-w-32 truncate">in {scope.replaceAll(',', ', ')}</span>
        </label>
      )}
      <button
        type="submit"
        className="cursor-pointer rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Search
      </button>
    </form>
  );
}
