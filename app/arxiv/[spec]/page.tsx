// /arxiv/<spec>: proxy.ts has resolved the address (app/arxiv/resolve.ts) and passes the result on.
import { headers } from 'next/headers';
import { ArxivPage, arxivMetadata } from '@/components/list/ArxivPage';
import { routeFromHeaders } from '@/app/arxiv/resolve';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return arxivMetadata(routeFromHeaders(await headers()));
}

export default async function Page() {
  return <ArxivPage target={routeFromHeaders(await headers())} />;
}
