// Markdown with maths: scan formulas first, hide each behind a placeholder that
// marked cannot alter, let marked do GFM, sanitise, then put the formulas back.
import { Marked } from 'marked';
import { holdBackUnclosed } from './scan';
import { formulaHtml } from './formula';
import { maskMath, PLACEHOLDER_CHARS } from './mask';
import { sanitizeProse } from './sanitize';

export interface MarkdownOptions {
  /** Turn single newlines into <br> (chat-style text). Default false. */
  breaks?: boolean;
}

const marked = new Marked({ gfm: true });

// Placeholders are restored in text only: tags are matched first and left alone, so a
// formula can never land inside an attribute (e.g. a link's href).
const TAG_OR_PLACEHOLDER = /<[^>]*>|\uE000(\d+)\uE001/g;

export function renderMarkdown(text: string, options: MarkdownOptions = {}): string {
  const { source, masked, spans } = maskMath(text);
  const prose = sanitizeProse(marked.parse(masked, { async: false, breaks: options.breaks ?? false }));
  return prose.replace(TAG_OR_PLACEHOLDER, (match, index: string | undefined) => {
    if (index === undefined) return match.replace(PLACEHOLDER_CHARS, '');
    const span = spans[Number(index)]!;
    return formulaHtml(span.tex, span.display, source.slice(span.start, span.end));
  });
}

/**
 * Streaming summaries (server side): re-render the text received so far, holding back
 * an unclosed formula or code fence until it closes. The generation (lib/summaries/queue.ts)
 * does this as tokens arrive and streams the HTML's changes; browsers never render TeX.
 */
export function renderStreaming(text: string, options?: MarkdownOptions): string {
  return renderMarkdown(holdBackUnclosed(text), options);
}
