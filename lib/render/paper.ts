// Titles and abstracts: inline text with LaTeX, never Markdown ("1. We" stays a sentence).
// Rendered once at ingest and stored; bump RENDER_VERSION whenever the output changes so
// `npm run render:all` knows to re-render stored papers.
import { scanMath } from './scan';
import { escapeHtml, formulaHtml } from './formula';

export const RENDER_VERSION = 2; // 2: CHTML instead of SVG maths

/** LaTeX escapes arXiv authors use in prose, e.g. "5\%" or "R\&D". */
const TEX_PROSE_ESCAPE = /\\([$%&#_{}])/g;

function inlineHtml(text: string, allowDisplay: boolean): string {
  let html = '';
  let last = 0;
  for (const span of scanMath(text, { markdown: false }).spans) {
    html += escapeHtml(text.slice(last, span.start).replace(TEX_PROSE_ESCAPE, '$1'));
    html += formulaHtml(span.tex, span.display && allowDisplay, text.slice(span.start, span.end));
    last = span.end;
  }
  return html + escapeHtml(text.slice(last).replace(TEX_PROSE_ESCAPE, '$1'));
}

/** A single line of text with inline maths (titles); display maths is set inline too. */
export function renderInline(text: string): string {
  return inlineHtml(text.replace(/\s+/g, ' ').trim(), false);
}

/**
 * Abstracts as stored (lib/arxiv/text.ts normaliseAbstract): one paragraph per line. Raw arXiv
 * text, where a paragraph starts at a newline followed by indentation, is accepted too.
 */
export function renderAbstract(abstract: string): string {
  const paragraphs = /\n[ \t]+/.test(abstract) ? abstract.trim().split(/\n[ \t]+/) : abstract.trim().split(/\n+/);
  return paragraphs
    .map((paragraph) => `<p>${inlineHtml(paragraph.replace(/\s*\n\s*/g, ' '), true)}</p>`)
    .join('\n');
}

export function renderPaperFields(paper: { title: string; abstract: string }): { titleHtml: string; abstractHtml: string } {
  return { titleHtml: renderInline(paper.title), abstractHtml: renderAbstract(paper.abstract) };
}
