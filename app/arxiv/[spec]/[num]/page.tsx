// Old-style ids keep their slash in URLs: /arxiv/hep-th/9901001 (and hep-th/9901001v2). proxy.ts
// has resolved the address (app/arxiv/resolve.ts), so this is the same page as /arxiv/<spec>.
export { default, generateMetadata } from '../page';

export const dynamic = 'force-dynamic';
