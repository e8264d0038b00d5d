'use client';
// The starred papers kept in this browser, with BibTeX export and a shareable link.
import { useEffect, useState } from 'react';
import { bibtexFile } from '@/lib/papers/bibtex';
import { PaperLine } from './PaperLine';
import { starredPapers, toggleStar, type StarredPaper } from '@/lib/browser/personal';

export function StarredList() {
  const [stars, setStars] = useState<StarredPaper[] | null>(null);
  const [bibtex, setBibtex] = useState<string | null>(null);
  useEffect(() => setStars(starredPapers()), []);
  if (!stars) return <p>Loading…</p>;
  if (!stars.length)
    return <p className="empty">No starred papers yet: press ☆ on a paper (or s on the current one).</p>;

  const share = `/arxiv/${stars.map((s) => s.id).join(',')}`;
  const download = `data:application/x-bibtex;charset=utf-8,${encodeURIComponent(bibtexFile(stars))}`;
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap gap-3 text-sm">
        <a href={share} className="share-link underline">
          Shareable link ({stars.length} papers)
        </a>
        <a href={download} download="starred-papers.bib" className="underline">
          Download BibTeX
        </a>
        <button
          type="button"
          className="show-bibtex cursor-pointer underline"
          onClick={() => setBibtex(bibtex ? null : bibtexFile(stars))}
        >
          {bibtex ? 'Hide' : 'Show'} BibTeX
        </button>
      </p>
      {bibtex && (
        <textarea
          readOnly
          aria-label="BibTeX of starred papers"
          className="bibtex-export h-64 w-full font-mono text-xs"
          value={bibtex}
        />
      )}
      <ol className="starred list-decimal space-y-2 pl-6">
        {stars.map((p) => (
          <li key={p.id} data-paper-id={p.id}>
            <PaperLine paper={p}>
              <button
                type="button"
                aria-label={`Unstar ${p.id}`}
                className="cursor-pointer text-amber-500"
                onClick={() => (toggleStar(p), setStars(starredPapers()))}
              >
                ★
              </button>
            </PaperLine>
          </li>
        ))}
      </ol>
    </div>
  );
}
