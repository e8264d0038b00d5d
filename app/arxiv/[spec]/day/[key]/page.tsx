// A daily list by path (see app/arxiv/resolve.ts): proxy.ts rewrites /arxiv/<spec>?date=… here,
// and Next caches each rendering (ISR) so repeat requests cost about as much as a static file.
import { ArxivPage, arxivMetadata } from '@/components/list/ArxivPage';
import { dayRoute } from '@/app/arxiv/resolve';

// Click counts on the cards may lag by this much; arXiv data changes move the key instead.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ spec: string; key: string }> };

export async function generateMetadata({ params }: Props) {
  return arxivMetadata(dayRoute(await params));
}

export default async function Page({ params }: Props) {
  return <ArxivPage target={dayRoute(await params)} />;
}
