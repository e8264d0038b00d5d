// One formula → the HTML that replaces it on the page: typeset SVG, or on a TeX
// error the original source marked as an error. Either way the wrapper says
// translate="no" / class="notranslate" so browser translation leaves maths alone.
import { typeset } from './mathjax';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `source` is the formula as written, delimiters included, shown if TeX fails. */
export function formulaHtml(tex: string, display: boolean, source: string): string {
  const result = typeset(tex, display);
  if (!result.ok) {
    return `<span class="math math-error notranslate" translate="no" title="${escapeHtml(result.message)}">${escapeHtml(source)}</span>`;
  }
  const kind = display ? 'math-display' : 'math-inline';
  return `<span class="math ${kind} notranslate" translate="no">${result.html}</span>`;
}
