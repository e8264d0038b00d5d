// Whether this site can generate summaries. Without an LLM provider visitors see neutral wording
// ("Summaries are not enabled on this site") and only stored summaries; the configuration detail
// is for the administrator: it goes to the server log once, and to the README.
import { providerConfigured } from '@/lib/llm/chat';

let logged = false;

export function summariesEnabled(): boolean {
  const enabled = providerConfigured();
  if (!enabled && !logged) {
    logged = true;
    console.warn(
      'summaries: no LLM provider is configured, so only stored summaries are shown. Set LLM_API_KEY, or point LLM_BASE_URL at a local OpenAI-compatible server, to enable generation.',
    );
  }
  return enabled;
}

export const SUMMARIES_DISABLED = 'Summaries are not enabled on this site.';
