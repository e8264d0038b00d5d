// Allow-lists. Everything that reaches a page passes one of them: the prose (marked output,
// from untrusted LLM text and abstracts, through sanitize-html) and, separately and cached per
// formula, MathJax's CHTML (its input TeX is untrusted too), checked on MathJax's own tree
// before it is serialised: re-parsing the markup with sanitize-html cost ~15% of typesetting.
import sanitizeHtml from 'sanitize-html';
import type { LiteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import { MAX_MATH_EM } from './limits';

// Images in LLM answers would make every reader's browser fetch a URL the model (or a paper
// prompting it) chose, a tracking channel: they become links to the image instead.
const imageToLink: sanitizeHtml.Transformer = (_tag, attribs) => ({
  tagName: 'a',
  attribs: {
    href: attribs.src ?? '',
    rel: 'nofollow noopener noreferrer',
    ...(attribs.title ? { title: attribs.title } : {}),
  },
  text: attribs.alt?.trim() || 'image',
});

const PROSE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'em',
    'strong',
    'del',
    's',
    'sup',
    'sub',
    'code',
    'pre',
    'kbd',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'details',
    'summary',
    'span',
    'div',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
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
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
    img: imageToLink,
  },
};

// MathJax's CHTML output: custom elements whose look comes from public/mathjax/chtml.css, plus
// inline styles for sizes and offsets. Element names: one per MathML node kind, and the helper
// elements the CHTML wrappers create (mathjax-full/js/output/chtml/Wrappers).
const MML_KINDS = [
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'mrow',
  'mfrac',
  'msqrt',
  'mroot',
  'mstyle',
  'merror',
  'mpadded',
  'mphantom',
  'mfenced',
  'menclose',
  'msub',
  'msup',
  'msubsup',
  'munder',
  'mover',
  'munderover',
  'mmultiscripts',
  'mprescripts',
  'none',
  'mtable',
  'mtr',
  'mlabeledtr',
  'mtd',
  'maction',
  'semantics',
  'TeXAtom',
  'mglyph',
];
const HELPERS = [
  'container',
  'c',
  'utext',
  'frac',
  'num',
  'den',
  'dbox',
  'dtable',
  'row',
  'line',
  'nstrut',
  'dstrut',
  'script',
  'base',
  'over',
  'under',
  'sqrt',
  'surd',
  'root',
  'box',
  'rbox',
  'block',
  'spacer',
  'cbox',
  'stretchy-v',
  'stretchy-h',
  'beg',
  'ext',
  'mid',
  'end',
  'mark',
  'table',
  'itable',
  'labels',
  'tstrut',
  'arrow',
  'aline',
  'ustrike',
  'dstrike',
  'rthead',
  'rbhead',
  'lthead',
  'lbhead',
  'scripts',
  'prescripts',
  'cell',
  'tip',
  'tool',
  'status',
  'vstrike',
  'hstrike',
];

const LENGTH = /^-?(?:\d+|\d*\.\d+)(?:ex|em|px|%)?$/;
const LENGTHS = /^(?:-?(?:\d+|\d*\.\d+)(?:ex|em|px|%)?\s*){1,4}$/;
const BORDER = /^[\d.]+(?:ex|em|px)? (?:solid|dashed|dotted)(?: (?:#[\da-fA-F]{3,8}|[a-zA-Z]+))?$/;
const COLOR = /^(?:#[\da-fA-F]{3,8}|[a-zA-Z]+|rgba?\([\d.,\s%]+\))$/;
// Lengths, colours and a relative nudge only: no url(), no fixed/absolute positioning, so TeX
// input (\bbox, \color) cannot load anything or cover the page.
const MATH_STYLES = new Map<string, RegExp>([
  ...['height', 'min-width', 'max-width', 'vertical-align', 'left', 'right', 'top', 'font-size'].map(
    (k) => [k, LENGTH] as const,
  ),
  ['width', /^(?:-?(?:\d+|\d*\.\d+)(?:ex|em|px|%)?|auto)$/],
  ['transform', /^(?:(?:rotate\(-?[\d.]+rad\)|translate[XY]\(-?[\d.]+em\))\s*)+$/], // \cancel, \enclose strikes
  ...['margin', 'padding']
    .flatMap((k) => [k, `${k}-top`, `${k}-right`, `${k}-bottom`, `${k}-left`])
    .map((k) => [k, LENGTHS] as const),
  ['color', COLOR],
  ['background-color', COLOR],
  ...['border', 'border-top', 'border-right', 'border-bottom', 'border-left'].map(
    (k) => [k, BORDER] as const,
  ),
  ['position', /^relative$/],
  ['text-align', /^(?:left|right|center)$/],
  ['font-family', /^[\w, -]+$/], // unknown characters: MJXZERO, serif
]);

// Exactly the elements and attributes the TeX → CHTML output produces (collected from
// ~3,900 formulas of the test suites, real documents and the daily abstracts).
const MATH_TAGS = new Set([
  ...[...MML_KINDS, ...HELPERS].map((k) => `mjx-${k}`),
  'dbox' /* sic: \enclose{longdiv} */,
]);
const MATH_ATTRIBUTES = new Set([
  'class',
  'style',
  'space',
  'rspace',
  'size',
  'display',
  'width',
  'texclass',
  'limits',
  'justify',
  'type',
  'atop',
  'delims',
  'extra',
  'variant',
  'data-width-includes-label',
  'jax',
]);
const CLASS = /^[\w -]*$/;

// Lengths in em at most: \rule{500em}{500em}, \hspace, \kern, \raise, \bbox padding and the like
// would otherwise draw boxes tens of thousands of pixels across, or shift maths over the page.
const EM_PER_UNIT: Record<string, number> = { em: 1, ex: 0.5, px: 1 / 16, '': 1 / 16 };
const clampLengths = (value: string) =>
  value.replace(/(-?)(\d*\.\d+|\d+)(em|ex|px|%)?/g, (match, sign: string, number: string, unit = '') => {
    const limit = unit === '%' ? 100 : MAX_MATH_EM / EM_PER_UNIT[unit]!;
    return Number(number) > limit ? `${sign}${limit}${unit}` : match;
  });

function safeStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(
      ([name, value, ...rest]) => !rest.length && value !== undefined && MATH_STYLES.get(name!)?.test(value),
    )
    .map(
      ([name, value]) =>
        `${name}: ${/^(?:color|background-color|border|font-family)/.test(name!) ? value : clampLengths(value!)}`,
    )
    .join('; ');
}

/**
 * Checks a typeset formula in place: unknown elements are dropped, attributes and inline
 * styles outside the allow-lists removed, sizes clamped. The lite adaptor escapes text and
 * attribute values when it serialises, so what is left cannot carry markup. Returns the depth
 * of the element tree (1 for an element without element children).
 */
export function sanitizeMathTree(adaptor: LiteAdaptor, node: LiteElement): number {
  let depth = 0;
  for (const child of [...adaptor.childNodes(node)]) {
    if (adaptor.kind(child) === '#text') continue;
    if (!MATH_TAGS.has(adaptor.kind(child))) adaptor.remove(child);
    else depth = Math.max(depth, sanitizeMathTree(adaptor, child as LiteElement));
  }
  for (const { name, value } of adaptor.allAttributes(node)) {
    const keep =
      MATH_ATTRIBUTES.has(name) &&
      (name === 'style'
        ? (adaptor.setAttribute(node, 'style', safeStyle(value)), true)
        : name !== 'class' || CLASS.test(value));
    if (!keep) adaptor.removeAttribute(node, name);
  }
  return depth + 1;
}

export function sanitizeProse(html: string): string {
  return sanitizeHtml(html, PROSE);
}
