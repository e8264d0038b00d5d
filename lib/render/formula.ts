// One formula → the HTML that replaces it on the page: typeset maths, or its source, marked: as
// a TeX error, or as refused when it is over the size limits (lib/render/limits.ts). Either way
// the wrapper says translate="no" / class="notranslate" so browser translation leaves maths alone.
import { escapeHtml } from './escape';
import { typeset, type Typeset } from './mathjax';

const wrap = (kind: string, inner: string, title = '') =>
  `<span class="math ${kind} notranslate" translate="no"${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</span>`;

function html(result: Typeset, display: boolean, source: string): string {
  if (result.ok) return wrap(display ? 'math-display' : 'math-inline', result.html);
  return wrap(result.refused ? 'math-refused' : 'math-error', escapeHtml(source), result.message);
}

/** `source` is the formula as written, delimiters included, shown if it is not typeset. */
export function formulaHtml(tex: string, display: boolean, source: string): string {
  return html(typeset(tex, display), display, source);
}

/** A formula shown as its source without typesetting (a field over its maths budget). */
export function untypesetHtml(source: string, reason: string): string {
  return html({ ok: false, refused: true, message: reason }, false, source);
}

/** Inline maths, or null when TeX cannot typeset it. */
export function typesetInline(tex: string): string | null {
  const result = typeset(tex, false);
  return result.ok ? html(result, false, tex) : null;
}
