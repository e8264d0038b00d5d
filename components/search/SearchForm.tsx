// The search box with its filters: a plain GET form, so it works without JavaScript and every
// choice lives in the URL.
import type { SearchParamsInput } from '@/lib/search/service';

export function SearchForm({ params }: { params: SearchParamsInput }) {
  return (
    <form action="/search" method="get" role="search" className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex min-w-64 flex-1 flex-col">
        <span className="sr-only">Search papers</span>
        <input
          name="q"
          type="search"
          defaultValue={params.q}
          placeholder='words, "a phrase", -exclude, au:name, cat:cs.CL, or an arXiv id'
          className="rounded border px-2 py-1"
          autoFocus
        />
      </label>
      <label className="flex flex-col">
        Categories
        <input
          name="cat"
          defaultValue={params.cat.join(',')}
          placeholder="cs.CL, math"
          className="w-32 rounded border px-2 py-1"
        />
      </label>
      <label className="flex flex-col">
        Date
        <select name="date" defaultValue={params.date} className="rounded border px-2 py-1">
          <option value="announced">announced</option>
          <option value="submitted">submitted</option>
        </select>
      </label>
      <label className="flex flex-col">
        From
        <input name="from" type="date" defaultValue={params.from} className="rounded border px-2 py-1" />
      </label>
      <label className="flex flex-col">
        To
        <input name="to" type="date" defaultValue={params.to} className="rounded border px-2 py-1" />
      </label>
      <label className="flex flex-col">
        Sort
        <select name="sort" defaultValue={params.sort} className="rounded border px-2 py-1">
          <option value="relevance">relevance</option>
          <option value="newest">newest</option>
          <option value="popularity">popularity</option>
        </select>
      </label>
      <button type="submit" className="rounded border px-3 py-1">
        Search
      </button>
    </form>
  );
}
