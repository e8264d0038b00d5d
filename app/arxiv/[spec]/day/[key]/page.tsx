// A daily list by path (see lib/papers/dayRoute.ts): proxy.ts rewrites /arxiv/<spec>?date=… here,
// and Next caches each rendering (ISR) so repeat requests cost about as much as a static file.
import { notFound } from 'next/navigation';
import { ArxivPage, arxivMetadata } from '@/components/list/ArxivPage';
import { parseDayKey } from '@/lib/papers/dayRoute';
import { parseTarget } from '@/lib/papers/target';

// Click counts on the cards may lag by this much; arXiv data changes move the key instead.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ spec: string; key: string }> };

export async function generateMetadata({ params }: Props) {
  return arxivMetadata((await params).spec);
}

export default async function Page({ params }: Props) {
  const { spec, key } = await params;
  const query = parseDayKey(key);
  if (!query || parseTarget(spec)?.kind !== 'list') notFound();
  return <ArxivPage raw={spec} query={query} />;
}
