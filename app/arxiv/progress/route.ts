// papers.cool's /arxiv/progress?paper=<id>[&lang=zh]: a summary's state as one number, as its
// clients read it: 1 done, 0 not started, -n queued at position n, between 0 and 1 while generating.
import { parseArxivId } from '@/lib/arxiv/ids';
import { QUESTIONS } from '@/lib/llm/prompts';
import { jobProgress } from '@/lib/summaries/queue';
import { getSummary } from '@/lib/summaries/store';
import { languageOf } from '@/lib/summaries/view';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const id = parseArxivId(params.get('paper') ?? '')?.id;
  const text = (body: string, status = 200) =>
    new Response(`${body}\n`, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  if (!id) return text('Not an arXiv id.', 404);
  const language = languageOf(params.get('lang'));
  if (getSummary(id, language)) return text('1');
  const job = jobProgress(id, language);
  if (!job) return text('0');
  if (job.stage === 'queued') return text(String(-job.position));
  const done = job.answered ? job.answered - 1 : 0;
  return text(String(Math.min(0.99, Math.max(0.01, done / QUESTIONS[language].length))));
}
