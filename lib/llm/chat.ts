// OpenAI-compatible Chat Completions with streaming, over fetch (Kimi/Moonshot, OpenAI, DeepSeek,
// llama.cpp, vLLM, Ollama all speak it). Retries 429 (honouring Retry-After) and 5xx before the
// stream starts; a stream that ends without finish_reason/[DONE] is an error, never a short answer.
import { retryAfterMs } from '@/lib/arxiv/http';
import { config } from '@/lib/config';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatResult {
  text: string;
  finishReason: string;
  promptTokens: number;
  completionTokens: number;
}

export interface ChatOptions {
  onDelta?: (text: string) => void;
  maxTokens?: number;
  /** Longest silence between two chunks (and before the response headers). */
  timeoutMs?: number;
  retries?: number;
  /** Backoff before the first retry when the server gives no Retry-After; doubles each time. */
  backoffMs?: number;
}

export class LlmError extends Error {
  constructor(message: string, readonly status?: number) {
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function streamChat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
  const c = config();
  const retries = options.retries ?? c.LLM_RETRIES;
  const timeoutMs = options.timeoutMs ?? c.LLM_TIMEOUT_MS;
  let backoff = options.backoffMs ?? 2000;
  for (let attempt = 0; ; attempt++) {
    const idle = new AbortController();
    let timer = setTimeout(() => idle.abort(), timeoutMs);
    const res = await fetch(`${c.LLM_BASE_URL.replace(/\/+$/, '')}/chat/completions`, {
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
        ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
      }),
      signal: idle.signal,
    }).catch((e: unknown) => {
      clearTimeout(timer);
      throw new LlmError(`LLM request failed: ${e instanceof Error ? e.message : String(e)}`);
    });
    if (res.status === 429 || res.status >= 500) {
      clearTimeout(timer);
      const body = await res.text().catch(() => '');
      if (attempt >= retries) throw new LlmError(`LLM HTTP ${res.status}: ${errorMessage(body)}`, res.status);
      await sleep(retryAfterMs(res.headers.get('retry-after')) ?? backoff);
      backoff *= 2;
      continue;
    }
    if (!res.ok || !res.body) {
      clearTimeout(timer);
      throw new LlmError(`LLM HTTP ${res.status}: ${errorMessage(await res.text().catch(() => ''))}`, res.status);
    }
    const result: ChatResult = { text: '', finishReason: '', promptTokens: 0, completionTokens: 0 };
    let done = false;
    let buffer = '';
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), timeoutMs);
        buffer += decoder.decode(chunk, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf('\n')) !== -1) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (!line.startsWith('data:')) continue;
          const data = line.slice(5).trim();
          if (data === '[DONE]') {
            done = true;
            continue;
          }
          applyChunk(data, result, options.onDelta);
        }
      }
    } catch (e) {
      if (e instanceof LlmError) throw e;
      throw new LlmError(idle.signal.aborted ? `LLM stream timed out after ${timeoutMs} ms` : `LLM stream broke: ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    if (!done || !result.finishReason) throw new LlmError('LLM stream ended before the answer finished');
    if (result.finishReason === 'length') throw new LlmError('LLM answer cut off by the token limit');
    return result;
  }
}

interface StreamChunk {
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

function applyChunk(data: string, result: ChatResult, onDelta?: (t: string) => void): void {
  let chunk: StreamChunk;
  try {
    chunk = JSON.parse(data) as StreamChunk;
  } catch {
    throw new LlmError(`LLM sent malformed data: ${data.slice(0, 100)}`);
  }
  if (chunk.error) throw new LlmError(`LLM error: ${chunk.error.message ?? 'unknown'}`);
  const choice = chunk.choices?.[0];
  const piece = choice?.delta?.content;
  if (piece) {
    result.text += piece;
    onDelta?.(piece);
  }
  if (choice?.finish_reason) result.finishReason = choice.finish_reason;
  // Some servers report usage in the last choice chunk, others in a final chunk of its own.
  if (chunk.usage) {
    result.promptTokens = chunk.usage.prompt_tokens ?? result.promptTokens;
    result.completionTokens = chunk.usage.completion_tokens ?? result.completionTokens;
  }
}

/** The `error.message` of an OpenAI-style error body, else the body's start. */
function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    /* not JSON */
  }
  return body.slice(0, 200) || 'no body';
}
