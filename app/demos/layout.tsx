// Shared frame of the interactive demos: uPlot's stylesheet and a small nav between demos.
import 'uplot/dist/uPlot.min.css';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DEMOS } from '@/lib/demos';

export default function DemosLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-6xl overflow-x-hidden px-3 py-4 sm:px-6">
      <nav aria-label="Demos" className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/demos" className="underline-offset-2 hover:underline">
          All demos
        </Link>
        {DEMOS.map((d) => (
          <Link key={d.href} href={d.href} className="underline-offset-2 hover:underline">
            {d.title}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
