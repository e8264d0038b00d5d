'use client';
// What a reader sees when a page fails to render: a plain apology and a way to try again. The
// error itself goes to the server log (Next.js sends the browser only a digest that names it there),
// so nothing about the code or the data is shown here.
import Link from 'next/link';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    <section className="space-y-3" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p>
        This page could not be shown just now. Trying again usually helps; if it keeps failing, please come
        back a little later.
      </p>
      <p className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded bg-zinc-900 px-3 py-1 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Try again
        </button>
        <Link href="/" className="underline">
          Home
        </Link>
      </p>
      {typeof digest === 'string' && (
        <p className="text-xs text-zinc-500">Reference for the site&apos;s operator: {digest}</p>
      )}
    </section>
  );
}
