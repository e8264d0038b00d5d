// /api/summary/<arxiv id>?lang=en|zh
//   GET, Accept: text/event-stream (EventSource) → SSE: `data: {json}` events (StreamEvent,
//     lib/summaries/events.ts) — queued (position), status, question, delta (raw tokens), html
//     (changes to the answer's HTML), then summary (complete), refused (limits) or error.
//   GET otherwise → the cached summary as JSON (404 with the generation state when there is none).
//   POST (no-JS form) → starts the generation and redirects back to the summary page.
//   ?regenerate=1 → generate anew although a (stale) summary is cached.
import { NextResponse, type NextRequest } from 'next/server';
import { clientAddress } from '@/lib/clientAddress';
import { countClick } from '@/lib/papers/clicks';
import { idFromSegments } from '@/lib/papers/links';
import type { StreamEvent } from '@/lib/summaries/events';
import { jobProgress, requestSummary, type SummaryRequest } from '@/lib/summaries/queue';
import { getSummary } from '@/lib/summaries/store';
import { languageOf, summaryView } from '@/lib/summaries/view';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string[] }> };

export async function GET(request: NextRequest, { params }: Params) {
  const id = idFromSegments((await params).id)?.id;
  if (!id) return NextResponse.json({ error: 'not an arXiv id' }, { status: 404 });
  const language = languageOf(request.nextUrl.searchParams.get('lang'));
  const regenerate = request.nextUrl.searchParams.get('regenerate') === '1';
  if (!(request.headers.get('accept') ?? '').includes('text/event-stream')) {
    const cached = getSummary(id, language);
    if (cached)
      return NextResponse.json(
        { summary: summaryView(cached) },
        { headers: { 'Cache-Control': 'no-cache' } },
      );
    const job = jobProgress(id, language);
    return NextResponse.json({ summary: null, generating: job ? job.stage : null }, { status: 404 });
  }
  return stream(id, language, clientAddress(request.headers), regenerate);
}

export async function POST(request: NextRequest, { params }: Params) {
  const id = idFromSegments((await params).id)?.id;
  if (!id) return NextResponse.json({ error: 'not an arXiv id' }, { status: 404 });
  const language = languageOf(request.nextUrl.searchParams.get('lang'));
  const regenerate = request.nextUrl.searchParams.get('regenerate') === '1';
  const result = await requestSummary(id, language, { client: clientAddress(request.headers), regenerate });
  if (result.kind === 'job') countClick(id, 'summary');
  const back = new URL(`/summary/${id}`, request.nextUrl);
  back.searchParams.set('lang', language);
  if (result.kind === 'refused') back.searchParams.set('refused', result.reason);
  return NextResponse.redirect(back, 303);
}

function stream(
  id: string,
  language: ReturnType<typeof languageOf>,
  client: string,
  regenerate: boolean,
): Response {
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (e: StreamEvent) => {
        if (open) controller.enqueue(encoder.encode(`data: ${JSON.stringify(e)}\n\n`));
      };
      const close = () => {
        if (!open) return;
        open = false;
        unsubscribe?.();
        controller.close();
      };
      let result: SummaryRequest;
      try {
        result = await requestSummary(id, language, { client, regenerate });
      } catch (e) {
        // The database stayed locked (a very long write elsewhere): nothing started, the reader may retry.
        send({
          type: 'error',
          message: `the generation could not be started (${e instanceof Error ? e.message : String(e)}); please try again`,
        });
        return close();
      }
      if (result.kind === 'cached') {
        send({ type: 'summary', summary: summaryView(result.summary) });
        return close();
      }
      if (result.kind === 'refused') {
        send({ type: 'refused', reason: result.reason, message: result.message });
        return close();
      }
      countClick(id, 'summary');
      const { job } = result;
      unsubscribe = job.subscribe((e) => {
        if (e.type === 'done') {
          const saved = getSummary(id, language);
          // The job rendered each answer as it completed: the view reuses that HTML.
          if (saved) send({ type: 'summary', summary: summaryView(saved, job.rendered) });
          close();
        } else {
          send(e);
          if (e.type === 'error') close();
        }
      });
    },
    // The reader left: stop listening; the generation itself carries on and is stored.
    cancel() {
      unsubscribe?.();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
