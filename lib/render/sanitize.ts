// Allow-lists for sanitize-html. Everything that reaches a page passes one of them:
// the prose (marked output, from untrusted LLM text and abstracts) and, separately and
// cached per formula, MathJax's SVG (its input TeX is untrusted too).
import sanitizeHtml from 'sanitize-html';

const PROSE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 's', 'sup', 'sub',
    'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody',
    'tr', 'th', 'td', 'input', 'details', 'summary', 'span', 'div',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    code: ['class'],
    // GFM task lists
    input: [{ name: 'type', multiple: false, values: ['checkbox'] }, 'checked', 'disabled'],
  },
  allowedClasses: { code: [/^language-[\w+-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) },
};

// Lengths only: `\bbox[...]` lets TeX authors write CSS, so no positions, no url().
const LENGTH = /^-?[\d.]+(?:ex|em|px|%)?$/;
const MATH_STYLES = {
  'vertical-align': [LENGTH],
  'min-width': [LENGTH],
  border: [/^[\d.]+(?:ex|em|px)? (?:solid|dashed|dotted) (?:#[\da-fA-F]{3,8}|[a-zA-Z]+)$/],
};

// Exactly the elements and attributes the TeX → SVG output produces (collected from
// ~4,600 formulas of the test suites and real documents).
const MATH: sanitizeHtml.IOptions = {
  allowedTags: ['mjx-container', 'svg', 'defs', 'path', 'g', 'use', 'rect', 'text', 'line', 'polygon'],
  allowedAttributes: {
    'mjx-container': ['class', 'jax', 'display', 'width', 'style'],
    svg: ['style', 'xmlns', 'xmlns:xlink', 'width', 'height', 'role', 'focusable', 'viewBox', 'x', 'y', 'preserveAspectRatio', 'data-*'],
    path: ['id', 'd'],
    g: ['stroke', 'fill', 'stroke-width', 'transform', 'class', 'style', 'id', 'data-*'],
    use: ['xlink:href', 'transform', 'data-c'],
    rect: ['width', 'height', 'x', 'y', 'fill', 'stroke-width', 'data-bgcolor'],
    text: ['transform', 'font-size', 'font-family', 'data-variant', 'data-id-align'],
    line: ['stroke-width', 'class', 'data-line', 'x1', 'x2', 'y1', 'y2'],
    polygon: ['points', 'stroke', 'fill'],
  },
  allowedStyles: { '*': MATH_STYLES },
  // <use xlink:href> may only point inside the document (#MJX-...), never to a URL.
  allowedSchemes: [],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'xlink:href'],
  allowProtocolRelative: false,
  parser: { lowerCaseTags: false, lowerCaseAttributeNames: false }, // keep viewBox etc. as SVG spells them
};

export function sanitizeProse(html: string): string {
  return sanitizeHtml(html, PROSE);
}

export function sanitizeMathJax(html: string): string {
  return sanitizeHtml(html, MATH);
}
