// Titles, abstracts and comments. arXiv's text is TeX: every unescaped `$` pairs as TeX pairs it
// (./scan), formulas are typeset (./formula) and the prose around them is text-mode TeX
// (./texText). Rendered once at ingest and stored; bump RENDER_VERSION whenever the output
// changes, so stored papers are re-rendered (on view, after an ingest, by `npm run render:all`).
import { formulaHtml, typesetInline, untypesetHtml } from './formula';
import { FIELD_MATH_HTML } from './limits';
import { maskMath } from './mask';
import { texProse, type TexSink } from './texText';

// 2: CHTML instead of SVG maths. 3: TeX pairing of `$`, text-mode LaTeX, accents, bounded maths.
export const RENDER_VERSION = 3;

const LINK_ONLY = /^\s*\\(?:href|url)\{[^{}]*\}(?:\{[^{}$]*\})?\s*$/;

/** In these fields `%` is a percent sign, in maths too ("$5%$"), not a comment eating the formula. */
const percents = (tex: string) => tex.replace(/(?<!\\)((?:\\\\)*)%/g, '$1\\%');

function texHtml(text: string, display: boolean, links: boolean): string {
  const { source, masked, spans } = maskMath(text, { markdown: false });
  // One field's typeset maths is bounded; formulas past the budget are shown as their source.
  let budget = FIELD_MATH_HTML;
  const spend = (html: string) => ((budget -= html.length), html);
  const sink: TexSink = {
    html: true,
    links,
    formula(index) {
      const span = spans[index]!;
      const written = source.slice(span.start, span.end);
      if (!span.tex.trim()) return ''; // `$$` that never closes: two `$`, an empty formula
      // `$\href{url}{here}$`: a link some authors wrap in maths, where MathJax has no links.
      if (LINK_ONLY.test(span.tex)) return texProse(span.tex.trim(), sink);
      if (budget <= 0)
        return untypesetHtml(
          written,
          `Not typeset: the maths of this text is over ${FIELD_MATH_HTML} characters`,
        );
      return spend(formulaHtml(percents(span.tex), span.display && display, written));
    },
    island(tex) {
      const html = budget > 0 ? typesetInline(percents(tex)) : null;
      return html && spend(html);
    },
  };
  return texProse(masked, sink);
}

/** One line of TeX with inline maths (titles, comments); display maths is set inline too. */
export function renderInline(text: string, { links = false }: { links?: boolean } = {}): string {
  return texHtml(text.replace(/\s+/g, ' ').trim(), false, links);
}

/** Whether TeX display maths (`\\[`, `$$`, an environment) opened in `text` is still open at its end. */
function displayOpen(text: string): boolean {
  let bracket = false;
  let dollars = false;
  let environments = 0;
  for (const [token] of text.matchAll(/\\[\\$[\]]|\$\$|\\(?:begin|end)\{/g)) {
    if (token === '\\[') bracket = true;
    else if (token === '\\]') bracket = false;
    else if (token === '$$') dollars = !dollars;
    else if (token === '\\begin{') environments++;
    else if (token === '\\end{') environments = Math.max(0, environments - 1);
  }
  return bracket || dollars || environments > 0;
}

/**
 * Abstracts as stored (lib/arxiv/text.ts normaliseAbstract): one paragraph per line. Raw arXiv
 * text, where a paragraph starts at a newline followed by indentation, is accepted too. arXiv
 * also indents the lines of a multi-line display (`\\[` ... `\\]`): those stay one paragraph.
 */
export function renderAbstract(abstract: string): string {
  const lines = /\n[ \t]+/.test(abstract) ? abstract.trim().split(/\n[ \t]+/) : abstract.trim().split(/\n+/);
  const paragraphs: string[] = [];
  for (const line of lines) {
    const last = paragraphs.length - 1;
    if (last >= 0 && displayOpen(paragraphs[last]!)) paragraphs[last] += ` ${line}`;
    else paragraphs.push(line);
  }
  return paragraphs
    .map((paragraph) => `<p>${texHtml(paragraph.replace(/\s*\n\s*/g, ' '), true, true)}</p>`)
    .join('\n');
}

export function renderPaperFields(paper: { title: string; abstract: string }): {
  titleHtml: string;
  abstractHtml: string;
} {
  return { titleHtml: renderInline(paper.title), abstractHtml: renderAbstract(paper.abstract) };
}
