import { ArxivPage, arxivMetadata, type Query } from '@/components/list/ArxivPage';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ spec: string }>; searchParams: Promise<Query> };

export async function generateMetadata({ params }: Props) {
  return arxivMetadata((await params).spec);
}

export default async function Page({ params, searchParams }: Props) {
  return <ArxivPage raw={(await params).spec} query={await searchParams} />;
}
