// /arxiv/<spec>: a daily list, one paper's page, or several papers (/arxiv/id1,id2), as proxy.ts
// resolved the address (app/arxiv/resolve.ts); null when it names nothing a page shows.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { PageRoute } from '@/app/arxiv/resolve';
import { PaperCardList } from '@/components/paper/PaperCard';
import { PaperDetail } from '@/components/paper/PaperDetail';
import { dayChunk } from '@/lib/papers/dayPage';
import { paperMetadata } from '@/lib/papers/meta';
import { paperDetail } from '@/lib/papers/paper';
import { loadPaperViews } from '@/lib/papers/view';
import { DayPage, specTitle } from './DayPage';
import { ListFilter } from './ListFilter';

export async function arxivMetadata(target: PageRoute | null): Promise<Metadata> {
  if (!target) return { title: 'Not found' };
  if (target.kind === 'list') {
    return {
      title: specTitle(target.spec, target.text),
      alternates: { types: { 'application/atom+xml': `/arxiv/${target.text}/feed` } },
    };
  }
  if (target.ids.length > 1) return { title: `${target.ids.length} papers` };
  const detail = await paperDetail(target.ids[0]!.id);
  if (!detail) return { title: 'Paper not found' };
  const first = detail.listings.at(-1);
  return paperMetadata({ ...detail.paper, listing: first });
}

export async function ArxivPage({ target }: { target: PageRoute | null }) {
  if (!target) notFound();
  if (target.kind === 'list') {
    const { date, skip, show } = target.chunk;
    const chunk = await dayChunk(target.spec, date, skip, show);
    if (!chunk.days.length) notFound();
    return <DayPage chunk={chunk} spec={target.spec} specText={target.text} show={show} />;
  }
  if (target.ids.length === 1) {
    const detail = await paperDetail(target.ids[0]!.id);
    if (!detail) notFound();
    return (
      <>
        <PaperDetail detail={detail} />
        {/* RELATED PAPERS (search engineer): <RelatedPapers id={detail.paper.id} /> goes here. */}
      </>
    );
  }
  const papers = await loadPaperViews(target.ids.map((i) => i.id));
  const missing = target.ids.filter((i) => !papers.some((p) => p.id === i.id));
  if (!papers.length) notFound();
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold">{papers.length} papers</h1>
      {missing.length > 0 && (
        <p className="text-sm text-zinc-500">Not in the database: {missing.map((m) => m.id).join(', ')}</p>
      )}
      <ListFilter />
      <div className="paper-list">
        <PaperCardList papers={papers.map((p, i) => ({ ...p, index: i + 1 }))} total={papers.length} />
      </div>
    </section>
  );
}
