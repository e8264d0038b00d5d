// Bracketed links to where a default or a claim was published: [tiger.py] [Tiger post].
import { SOURCES, type SourceId } from '@/lib/demos/sources';

export default function Cite({ ids }: { ids: SourceId[] }) {
  return (
    <span className="whitespace-normal text-xs text-neutral-600 dark:text-neutral-400">
      {' '}
      [
      {ids.map((id, k) => (
        <span key={id}>
          {k > 0 && '; '}
          <a
            href={SOURCES[id].url}
            className="underline decoration-dotted underline-offset-2"
            rel="noreferrer"
          >
            {SOURCES[id].label}
          </a>
        </span>
      ))}
      ]
    </span>
  );
}

/** A short "Simplification:" note under a demo: what differs from the source, in one place. */
export function Simplification({ children }: { children: React.ReactNode }) {
  return (
    <p className="text-xs text-neutral-600 dark:text-neutral-400">
      <span className="font-semibold">Simplifications:</span> {children}
    </p>
  );
}
