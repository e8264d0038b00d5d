// One paper kept in this browser (starred, read) as a line: its title linking to its page, the
// first authors and the id, then whatever the list adds.
import type { BibtexPaper } from '@/lib/papers/bibtex';
import { paperPath } from '@/lib/papers/links';

export function PaperLine({
  paper,
  details,
  children,
}: {
  paper: BibtexPaper;
  details?: string;
  children?: React.ReactNode;
}) {
  return (
    <>
      <a href={paperPath(paper.id)} className="underline">
        {paper.titleText ?? paper.title}
      </a>{' '}
      <span className="notranslate text-sm text-zinc-500">
        {paper.authors.slice(0, 3).join(', ')}
        {paper.authors.length > 3 ? ' et al.' : ''} · {paper.id}
        {details ? ` · ${details}` : ''}
      </span>{' '}
      {children}
    </>
  );
}
