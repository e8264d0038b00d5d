// One plain-text form of TeX fields for places that cannot typeset: tab titles, Atom entries,
// Open Graph and citation tags, related-paper lists. Prose as ./texText reads it; a formula as
// readable Unicode when every part of it maps cleanly (`$\mathcal{U}(\mathfrak{h})$` → 𝒰(𝔥),
// `$O(n^2)$` → O(n²), `$\alpha \leq 1$` → α ≤ 1), otherwise its bare TeX without `$`.
import { maskMath } from './mask';
import { texProse, texSymbol } from './texText';

// Maths alphabets by unicode2latex's names (its table has \mathscr for the script letters
// that \mathcal prints).
const ALPHABETS = new Map(
  Object.entries({
    mathbb: 'mathbb',
    mathcal: 'mathscr',
    mathscr: 'mathscr',
    mathfrak: 'mathfrak',
    mathbf: 'mathbf',
    boldsymbol: 'mathbf',
    bm: 'mathbf',
    mathsf: 'mathsf',
    mathtt: 'mathtt',
  }),
);
const TEXT_ARGUMENT = new Set([
  'text',
  'textrm',
  'textit',
  'textbf',
  'textsf',
  'texttt',
  'mathrm',
  'mathit',
  'mathnormal',
  'operatorname',
  'mbox',
  'hbox',
  'emph',
]);
const OPERATORS = new Set([
  'log',
  'ln',
  'lg',
  'exp',
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'sinh',
  'cosh',
  'tanh',
  'arcsin',
  'arccos',
  'arctan',
  'max',
  'min',
  'sup',
  'inf',
  'lim',
  'liminf',
  'limsup',
  'det',
  'dim',
  'ker',
  'arg',
  'deg',
  'gcd',
  'hom',
  'Pr',
  'exp',
  'mod',
  'bmod',
]);
const ACCENTS = new Map(
  Object.entries({
    hat: '\u0302',
    widehat: '\u0302',
    bar: '\u0304',
    overline: '\u0305',
    tilde: '\u0303',
    widetilde: '\u0303',
    vec: '\u20D7',
    dot: '\u0307',
    ddot: '\u0308',
    check: '\u030C',
    breve: '\u0306',
    acute: '\u0301',
    grave: '\u0300',
  }),
);
const SIZES = /^(?:left|right|middle|[bB]ig{1,2}[lrm]?)$/;
const SPACING = new Map(
  Object.entries({
    ',': ' ',
    ';': ' ',
    ':': ' ',
    '>': ' ',
    ' ': ' ',
    '!': '',
    quad: ' ',
    qquad: ' ',
    displaystyle: '',
    textstyle: '',
    limits: '',
    nolimits: '',
  }),
);
const ESCAPED = '{}%$#&_|';
const MAX_DEPTH = 32; // deeper groups are not "clean": the bare TeX is shown

/** A formula as Unicode text, or null when some part of it has no clean Unicode form. */
export function mathPlain(tex: string): string | null {
  let i = 0;
  let depth = 0;
  const n = tex.length;
  const fail = Symbol('fail');
  const script = (kind: '^' | '_', body: string) => {
    let out = '';
    for (const ch of body) {
      const mapped = ch === ' ' ? '' : texSymbol(`${kind}{${ch}}`);
      if (mapped === undefined) throw fail;
      out += mapped;
    }
    return out;
  };
  /** One argument: a braced group or a single token. */
  const arg = (): string => {
    while (tex.charAt(i) === ' ') i++;
    if (tex.charAt(i) === '{') {
      i++;
      if (++depth > MAX_DEPTH) throw fail;
      const inner = seq(true);
      depth--;
      i++;
      return inner;
    }
    return token();
  };
  const token = (): string => {
    const c = tex.charAt(i);
    if (c === '') throw fail;
    if (c === '\\') return command();
    if (c === '{') return arg();
    if (c === '}' || c === '&' || c === '#') throw fail;
    i++;
    if (c === '^' || c === '_') {
      const save = i;
      const body = arg();
      if (c === '^' && (body === '′' || body === '∘')) return body === '∘' ? '°' : '′';
      i = save;
      return script(c, arg());
    }
    if (c === "'") return '′';
    if (c === '~') return ' ';
    return c;
  };
  const command = (): string => {
    const name = /^[A-Za-z]+/.exec(tex.slice(i + 1, i + 40))?.[0] ?? tex.charAt(i + 1);
    i += 1 + name.length;
    if (ESCAPED.includes(name) && name.length === 1) return name === '|' ? '‖' : name;
    const spacing = SPACING.get(name);
    if (spacing !== undefined) return spacing;
    if (SIZES.test(name)) {
      while (tex.charAt(i) === ' ') i++;
      if (tex.charAt(i) === '.') {
        i++;
        return '';
      }
      return token();
    }
    const alphabet = ALPHABETS.get(name);
    if (alphabet) {
      let out = '';
      for (const ch of arg()) {
        const mapped = /[A-Za-z0-9]/.test(ch)
          ? texSymbol(`\\${alphabet}{${ch}}`)
          : ch === ' '
            ? ''
            : undefined;
        if (mapped === undefined) throw fail;
        out += mapped;
      }
      return out;
    }
    if (TEXT_ARGUMENT.has(name)) return arg();
    if (OPERATORS.has(name)) return name;
    const accent = ACCENTS.get(name);
    if (accent) {
      const base = arg();
      if ([...base].length !== 1) throw fail;
      return (base + accent).normalize('NFC');
    }
    const symbol = /^[A-Za-z]+$/.test(name) ? texSymbol(`\\${name}`) : undefined;
    if (symbol === undefined) throw fail;
    return symbol;
  };
  function seq(inGroup: boolean): string {
    let out = '';
    while (i < n) {
      const c = tex.charAt(i);
      if (c === '}') {
        if (inGroup) return out;
        throw fail;
      }
      if (/\s/.test(c)) {
        while (/\s/.test(tex.charAt(i))) i++;
        out += ' ';
        continue;
      }
      out += token();
    }
    if (inGroup) throw fail;
    return out;
  }
  try {
    return seq(false).replace(/\s+/g, ' ').trim();
  } catch (error) {
    if (error === fail) return null;
    throw error;
  }
}

/** A formula in plain text: Unicode when clean, else the bare TeX. */
export const formulaPlain = (tex: string): string => mathPlain(tex) ?? tex.replace(/\s+/g, ' ').trim();

/** A TeX field (title, abstract, comment) as one line of plain text. */
export function plainText(tex: string): string {
  const { masked, spans } = maskMath(tex.replace(/\s+/g, ' ').trim(), { markdown: false });
  return texProse(masked, {
    html: false,
    links: false,
    formula: (index) => formulaPlain(spans[index]!.tex),
    island: mathPlain,
  })
    .replace(/\s+/g, ' ')
    .trim();
}
