// Old-style ids keep their slash in URLs: /arxiv/hep-th/9901001 (and hep-th/9901001v2).
import { ArxivPage, arxivMetadata, type Query } from '@/components/list/ArxivPage';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ spec: string; num: string }>; searchParams: Promise<Query> };

export async function generateMetadata({ params }: Props) {
  const { spec, num } = await params;
  return arxivMetadata(`${spec}/${num}`);
}

export default async function Page({ params, searchParams }: Props) {
  const { spec, num } = await params;
  return <ArxivPage raw={`${spec}/${num}`} query={await searchParams} />;
}
