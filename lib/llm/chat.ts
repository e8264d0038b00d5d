// OpenAI-compatible Chat Completions with streaming, over fetch (Kimi/Moonshot, OpenAI, DeepSeek,
// llama.cpp, vLLM, Ollama all speak it). Bounded in every direction, since what the provider sends
// is not ours to trust:
// - size: `max_tokens` is sent, and the answer is cut on our side at maxChars whatever comes;
// - time: a silence limit between chunks, and a deadline for the whole answer that waits and
//   retries count against; a Retry-After longer than LLM_RETRY_AFTER_MAX_MS, or past the
//   deadline, fails at once instead of holding a generation slot;
// - failures before the response (429, 5xx, resets and other network errors) are retried with
//   backoff; a stream that ends without finish_reason/[DONE] is an error, never a short answer;
// - every wait and request ends at once on `signal` or on stopLlmWork() (shutdown).
import { setTimeout as sleep } from 'node:timers/promises';
import { retryAfterMs } from '@/lib/arxiv/http';
import { config } from '@/lib/config';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatResult {
  text: string;
  finishReason: string;
  /** The answer was cut at the size limit (ours or the provider's max_tokens). */
  cut: boolean;
  promptTokens: number;
  completionTokens: number;
}

export interface ChatOptions {
  onDelta?: (text: string) => void;
  /** Sent as max_tokens (default LLM_MAX_TOKENS). */
  maxTokens?: number;
  /** Characters kept of the answer; the stream is closed past them (default LLM_MAX_ANSWER_CHARS). */
  maxChars?: number;
  /** Longest silence between two chunks (and before the response headers). */
  timeoutMs?: number;
  retries?: number;
  /** Backoff before the first retry when the server gives no Retry-After; doubles each time. */
  backoffMs?: number;
  /** Epoch ms by which the answer must be complete, waits and retries included. */
  deadline?: number;
  signal?: AbortSignal;
}

export class LlmError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

/** A provider is configured when there is a key, or the endpoint is a local server that needs none. */
export function providerConfigured(): boolean {
  const c = config();
  if (c.LLM_API_KEY) return true;
  const host = new URL(c.LLM_BASE_URL).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

// On globalThis: one switch for every route bundle of the process.
const shutdown = ((globalThis as { __coolPapersLlmShutdown?: AbortController }).__coolPapersLlmShutdown ??=
  new AbortController());

/** Ends every LLM request and wait of this process at once (the process is shutting down). */
export function stopLlmWork(): void {
  shutdown.abort(new LlmError('the process is shutting down'));
}

export const llmWorkStopped = (): boolean => shutdown.signal.aborted;

/** Why the work stopped, as an LlmError. */
function stopped(signal: AbortSignal, deadline: number): LlmError {
  if (signal.reason instanceof LlmError) return signal.reason;
  return Date.now() >= deadline
    ? new LlmError('LLM answer took longer than the generation’s time budget')
    : new LlmError('LLM request cancelled');
}

export async function streamChat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
  const c = config();
  const retries = options.retries ?? c.LLM_RETRIES;
  const timeoutMs = options.timeoutMs ?? c.LLM_TIMEOUT_MS;
  const maxChars = options.maxChars ?? c.LLM_MAX_ANSWER_CHARS;
  const deadline = options.deadline ?? Date.now() + c.LLM_GENERATION_TIMEOUT_MS;
  const stop = AbortSignal.any([
    shutdown.signal,
    AbortSignal.timeout(Math.max(0, deadline - Date.now())),
    ...(options.signal ? [options.signal] : []),
  ]);
  let backoff = options.backoffMs ?? 2000;

  /** Waits before attempt `attempt + 1`, or throws `failure` when no retry is left or the wait would not fit. */
  const retryAfter = async (attempt: number, waitMs: number, failure: LlmError) => {
    if (attempt >= retries) throw failure;
    if (waitMs > c.LLM_RETRY_AFTER_MAX_MS)
      throw new LlmError(
        `${failure.message}; the provider asks to wait ${Math.round(waitMs / 1000)} s, longer than the ${Math.round(c.LLM_RETRY_AFTER_MAX_MS / 1000)} s we wait`,
        failure.status,
      );
    if (Date.now() + waitMs >= deadline)
      throw new LlmError(
        `${failure.message}; no time left in the generation’s budget to wait ${Math.round(waitMs / 1000)} s`,
        failure.status,
      );
    await sleep(waitMs, undefined, { signal: stop }).catch(() => {
      throw stopped(stop, deadline);
    });
  };

  for (let attempt = 0; ; attempt++) {
    if (stop.aborted) throw stopped(stop, deadline);
    const idle = new AbortController();
    let timer = setTimeout(() => idle.abort(), timeoutMs);
    const request = AbortSignal.any([idle.signal, stop]);
    let res: Response;
    try {
      res = await fetch(`${c.LLM_BASE_URL.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'text/event-stream',
          ...(c.LLM_API_KEY ? { Authorization: `Bearer ${c.LLM_API_KEY}` } : {}),
        },
        body: JSON.stringify({
          model: c.LLM_MODEL,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          temperature: 0.3,
          max_tokens: options.maxTokens ?? c.LLM_MAX_TOKENS,
        }),
        signal: request,
      });
    } catch (e) {
      clearTimeout(timer);
      if (stop.aborted) throw stopped(stop, deadline);
      // A reset, refused connection or silence before the response: nothing was received, so retry.
      const why = idle.signal.aborted ? `no response within ${timeoutMs} ms` : describe(e);
      await retryAfter(attempt, backoff, new LlmError(`LLM request failed: ${why}`));
      backoff *= 2;
      continue;
    }
    if (res.status === 429 || res.status >= 500) {
      clearTimeout(timer);
      const body = await bodyStart(res);
      await retryAfter(
        attempt,
        retryAfterMs(res.headers.get('retry-after')) ?? backoff,
        new LlmError(`LLM HTTP ${res.status}: ${errorMessage(body)}`, res.status),
      );
      backoff *= 2;
      continue;
    }
    if (!res.ok || !res.body) {
      clearTimeout(timer);
      throw new LlmError(`LLM HTTP ${res.status}: ${errorMessage(await bodyStart(res))}`, res.status);
    }
    const result: ChatResult = {
      text: '',
      finishReason: '',
      cut: false,
      promptTokens: 0,
      completionTokens: 0,
    };
    let done = false;
    let buffer = '';
    const decoder = new TextDecoder();
    const onDelta = (piece: string) => {
      const room = maxChars - result.text.length;
      const kept = piece.length > room ? piece.slice(0, room) : piece;
      if (kept) {
        result.text += kept;
        options.onDelta?.(kept);
      }
      if (piece.length >= room) result.cut = true;
    };
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), timeoutMs);
        buffer += decoder.decode(chunk, { stream: true });
        let nl: number;
        while (!result.cut && (nl = buffer.indexOf('\n')) !== -1) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (!line.startsWith('data:')) continue;
          const data = line.slice(5).trim();
          if (data === '[DONE]') {
            done = true;
            continue;
          }
          applyChunk(data, result, onDelta);
        }
        // One line of the wire format longer than a whole answer could be, JSON-escaped, is not an answer.
        if (!result.cut && buffer.length > 6 * maxChars + 65_536)
          throw new LlmError('LLM sent an oversized line');
        if (result.cut) break; // leaving the loop cancels the response body: the provider stops
      }
    } catch (e) {
      if (e instanceof LlmError) throw e;
      if (stop.aborted) throw stopped(stop, deadline);
      throw new LlmError(
        idle.signal.aborted
          ? `LLM stream timed out after ${timeoutMs} ms`
          : `LLM stream broke: ${describe(e)}`,
      );
    } finally {
      clearTimeout(timer);
    }
    if (result.cut || result.finishReason === 'length')
      return { ...result, cut: true, finishReason: 'length' };
    if (!done || !result.finishReason) throw new LlmError('LLM stream ended before the answer finished');
    return result;
  }
}

interface StreamChunk {
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

function applyChunk(data: string, result: ChatResult, onDelta: (t: string) => void): void {
  let chunk: StreamChunk;
  try {
    chunk = JSON.parse(data) as StreamChunk;
  } catch {
    throw new LlmError(`LLM sent malformed data: ${data.slice(0, 100)}`);
  }
  if (chunk.error) throw new LlmError(`LLM error: ${String(chunk.error.message ?? 'unknown').slice(0, 200)}`);
  const choice = chunk.choices?.[0];
  const piece = choice?.delta?.content;
  if (typeof piece === 'string' && piece) onDelta(piece);
  if (choice?.finish_reason) result.finishReason = String(choice.finish_reason).slice(0, 40);
  // Some servers report usage in the last choice chunk, others in a final chunk of its own.
  if (chunk.usage) {
    result.promptTokens = Number(chunk.usage.prompt_tokens ?? result.promptTokens) || 0;
    result.completionTokens = Number(chunk.usage.completion_tokens ?? result.completionTokens) || 0;
  }
}

/** A network error's message with its cause (fetch says only "fetch failed"; the cause says "other side closed"). */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}

/** The first 64 KB of an error response's body (an error page may be of any size). */
async function bodyStart(res: Response, limit = 65_536): Promise<string> {
  if (!res.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length >= limit) break;
    }
  } catch {
    /* what arrived is enough to report */
  }
  return text.slice(0, limit);
}

/** The `error.message` of an OpenAI-style error body, else the body's start. */
function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } };
    if (parsed.error?.message) return String(parsed.error.message).slice(0, 200);
  } catch {
    /* not JSON */
  }
  return body.slice(0, 200) || 'no body';
}
