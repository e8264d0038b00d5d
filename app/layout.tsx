import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { PaperBehaviour } from '@/components/paper/PaperBehaviour';
import { SiteSearch } from '@/components/SiteSearch';
import { THEME_SCRIPT, ThemeToggle } from '@/components/ThemeToggle';
import './globals.css';
import './render.css';

export const metadata: Metadata = {
  title: { default: 'Cool Papers TS', template: '%s | Cool Papers TS' },
  description: "Skim each day's new arXiv papers fast.",
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The theme script sets class="dark" before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body
        id="top"
        className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100"
      >
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <nav
            aria-label="Site"
            className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4"
          >
            <Link href="/" className="font-semibold whitespace-nowrap">
              Cool Papers TS
            </Link>
            <SiteSearch />
            <Link href="/starred" className="text-sm text-zinc-600 dark:text-zinc-400">
              Starred
            </Link>
            <Link href="/history" className="text-sm text-zinc-600 dark:text-zinc-400">
              History
            </Link>
            {/* A plain link: the demos pages are heavy, no point prefetching them. */}
            <a href="/demos" className="text-sm text-zinc-600 dark:text-zinc-400">
              Demos
            </a>
            <ThemeToggle />
          </nav>
        </header>
        <main className="mx-auto max-w-4xl px-4 py-6">{children}</main>
        <PaperBehaviour />
      </body>
    </html>
  );
}
