// Everything the paper page shows beyond the card: versions and the days/categories it was listed.
import { read } from '@/lib/db';
import { paperListingRow, paperVersionRow } from '@/lib/db/rows';
import { loadPaperViews, type PaperView } from './view';

export interface PaperDetail {
  paper: PaperView;
  versions: { version: number; submittedAt: string | null; size: string | null }[];
  listings: { date: string; category: string; type: string }[];
}

export async function paperDetail(id: string): Promise<PaperDetail | null> {
  const [paper] = await loadPaperViews([id]);
  if (!paper) return null;
  const versions = read(
    paperVersionRow,
    'SELECT version, submittedAt, size FROM PaperVersion WHERE paperId = ? ORDER BY version',
  )
    .all(id)
    .map((v) => ({ ...v, submittedAt: v.submittedAt ? new Date(v.submittedAt).toISOString() : null }));
  const listings = read(
    paperListingRow,
    'SELECT date, category, type FROM Listing WHERE paperId = ? ORDER BY date DESC, category',
  ).all(id);
  return { paper, versions, listings };
}
