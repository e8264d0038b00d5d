import type { Metadata } from 'next';
import Link from 'next/link';
import { DEMOS } from '@/lib/demos';

export const metadata: Metadata = { title: 'Interactive demos' };

export default function DemosIndex() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Interactive demos</h1>
      <p>
        Every number on these pages is computed by this site from the published definitions, in your browser
        (the check of the published RoPE bases runs when the site is built). Each claim and default links to
        the post, paper or reference code it comes from.
      </p>
      <ul className="flex flex-col gap-3">
        {DEMOS.map((d) => (
          <li key={d.href}>
            <Link href={d.href} className="text-lg text-sky-700 underline dark:text-sky-400">
              {d.title}
            </Link>
            <p className="text-sm text-neutral-600 dark:text-neutral-400">{d.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
