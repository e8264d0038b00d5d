// Text-mode TeX: the prose around the formulas of titles, abstracts and comments, as arXiv's
// authors write it (\textbf, \emph, \url, ~, --, ``quotes'', M\"uller, \cite...). One small
// parser with two outputs: HTML for pages (escaped text plus a fixed set of tags we write
// ourselves, links http(s) only) and plain Unicode text for places that cannot typeset.
// The character tables (accents, special letters, symbols) are unicode2latex's, the mapping
// Better BibTeX maintains; what is ours is what each command means on a paper card:
// - styles become <strong>, <em>, <i>, <code>, <u>, <sup>, <sub>, small caps;
// - \url, \href and bare URLs become links; titles (already inside a link) keep the text;
// - \cite, \ref, \footnote and unknown macros are shown quietly, never as raw code;
// - a word of prose with maths commands but no `$` (`0.949 \pm 0.037`, `80^\circ`) is
//   handed to the caller as an implicit formula ("island"), as TeX itself would ask for `$`.
// Ingest uses accentsToUnicode alone: accents and special letters become Unicode in the
// stored text (display and search), everything else stays TeX for the renderer.
import { latex2unicode } from 'unicode2latex';
import { escapeHtml } from './escape';
import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from './mask';
import { scanMath } from './scan';

const TABLE = latex2unicode as Readonly<Record<string, string | { text: string; math: string } | undefined>>;

/** unicode2latex's text for a command (`\alpha` → α); maths-italic letters read upright in prose. */
export function texSymbol(command: string): string | undefined {
  const value = TABLE[command];
  const text = typeof value === 'string' ? value : value?.text;
  // The table gives some Greek as MATHEMATICAL ITALIC (\mu → 𝜇); plain text wants μ.
  return text && /^[\u{1D6A4}-\u{1D7FF}]$/u.test(text) ? text.normalize('NFKC') : text;
}

// ---- accents and special letters --------------------------------------------------------

const SYMBOL_ACCENTS = `'"\`^~=.`;
const LETTER_ACCENTS = 'uvHckrdbt';
const MISSING_ACCENTS: Record<string, string> = { b: '\u0331', t: '\u0361' }; // macron below, tie
const LETTERS = new Set([
  'o',
  'O',
  'ss',
  'SS',
  'ae',
  'AE',
  'oe',
  'OE',
  'aa',
  'AA',
  'l',
  'L',
  'i',
  'j',
  'dh',
  'DH',
  'th',
  'TH',
  'ng',
  'NG',
  'dj',
  'DJ',
]);
const MISSING_LETTERS: Record<string, string> = { SS: 'SS' };
const WORD = /[A-Za-z]+/y;
const LETTER = /\p{L}/u;

function controlWord(src: string, at: number): string | undefined {
  WORD.lastIndex = at;
  return WORD.exec(src)?.[0];
}

function skipSpaces(src: string, at: number): number {
  while (src.charAt(at) === ' ') at++;
  return at;
}

/**
 * The accented or special letter a command at `i` (a backslash) stands for, and where the
 * command ends: `\"u`, `\"{u}`, `\'\i`, `\v{s}`, `\c c`, `\o`, `\ss{}`... or null.
 */
export function accentAt(src: string, i: number): { text: string; end: number } | null {
  const c = src.charAt(i + 1);
  let accent: string;
  if (c !== '' && SYMBOL_ACCENTS.includes(c)) accent = c;
  else {
    const name = controlWord(src, i + 1);
    if (!name) return null;
    if (LETTERS.has(name)) {
      let end = skipSpaces(src, i + 1 + name.length); // TeX skips spaces after a control word
      if (src.startsWith('{}', end)) end += 2; // \o{}, \ss{}
      return { text: (MISSING_LETTERS[name] ?? texSymbol(`\\${name}`) ?? name).normalize('NFC'), end }; // \AA: Å, not the Ångström sign
    }
    if (name.length !== 1 || !LETTER_ACCENTS.includes(name)) return null;
    accent = name;
  }
  const mark = texSymbol(`\\${accent}`) ?? MISSING_ACCENTS[accent];
  if (!mark) return null;
  const j = skipSpaces(src, i + 2);
  let base: string;
  let end: number;
  const dotless = (at: number) =>
    src.charAt(at) === '\\' && /[ij]/.test(src.charAt(at + 1)) && !/[A-Za-z]/.test(src.charAt(at + 2));
  if (src.charAt(j) === '{') {
    const close = src.indexOf('}', j);
    if (close < 0) return null;
    const inner = src.slice(j + 1, close).trim();
    if (dotless(j + 1 + src.slice(j + 1, close).indexOf(inner)) && inner.length === 2) base = inner.charAt(1);
    else if ([...inner].length === 1 && LETTER.test(inner)) base = inner;
    else if (accent === 't' && /^\p{L}{2}$/u.test(inner)) base = inner;
    else return null;
    end = close + 1;
  } else if (dotless(j)) {
    base = src.charAt(j + 1);
    end = j + 2;
  } else if (LETTER.test(src.charAt(j))) {
    base = src.charAt(j);
    end = j + 1;
  } else return null;
  const text = base.length === 2 ? base.charAt(0) + mark + base.charAt(1) : base + mark;
  return { text: text.normalize('NFC'), end };
}

function proseAccents(s: string): string {
  let out = '';
  let from = 0;
  for (let i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', i)) {
    if (s.charAt(i + 1) === '\\') {
      i += 2;
      continue;
    }
    const accent = accentAt(s, i);
    if (!accent) {
      i += 2;
      continue;
    }
    // {\"o} and {\o}: the braces only group the letter.
    const grouped = s.charAt(i - 1) === '{' && s.charAt(accent.end) === '}';
    out += s.slice(from, grouped ? i - 1 : i) + accent.text;
    i = from = accent.end + (grouped ? 1 : 0);
  }
  return out + s.slice(from);
}

/**
 * Accents and special letters of TeX prose as Unicode (`M\"uller` → Müller, `{\o}` → ø),
 * outside formulas; every other character is kept. Idempotent.
 */
export function accentsToUnicode(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let last = 0;
  for (const span of scanMath(text, { markdown: false }).spans) {
    out += proseAccents(text.slice(last, span.start)) + text.slice(span.start, span.end);
    last = span.end;
  }
  return out + proseAccents(text.slice(last));
}

// ---- commands ---------------------------------------------------------------------------

const STYLES = new Map(
  Object.entries({
    textbf: 'strong',
    textit: 'i',
    textsl: 'i',
    emph: 'em',
    texttt: 'code',
    underline: 'u',
    uline: 'u',
    textsuperscript: 'sup',
    textsubscript: 'sub',
    textsc: 'sc',
  }),
);
// Declarations style the rest of their group: {\bf x}, {\em x}; null = no visible style.
const DECLARATIONS = new Map<string, string | null>([
  ...Object.entries({
    bf: 'strong',
    bfseries: 'strong',
    it: 'i',
    itshape: 'i',
    sl: 'i',
    slshape: 'i',
    em: 'em',
    tt: 'code',
    ttfamily: 'code',
    sc: 'sc',
    scshape: 'sc',
  }),
  ...[
    'rm',
    'sf',
    'normalfont',
    'upshape',
    'mdseries',
    'rmfamily',
    'sffamily',
    'tiny',
    'scriptsize',
    'footnotesize',
    'small',
    'normalsize',
    'large',
    'Large',
    'LARGE',
    'huge',
    'Huge',
    'centering',
    'raggedright',
  ].map((k) => [k, null] as const),
]);
const TRANSPARENT = new Set([
  'text',
  'textrm',
  'textsf',
  'textup',
  'textnormal',
  'textmd',
  'mbox',
  'hbox',
  'fbox',
  'framebox',
  'makebox',
  'uppercase',
  'lowercase',
  'MakeUppercase',
  'MakeLowercase',
  'MakeTextUppercase',
  'emphasize',
]);
// Commands whose first argument is not text (a colour, a scale, a link target): the last one is.
const SKIP_FIRST = new Set([
  'textcolor',
  'colorbox',
  'scalebox',
  'raisebox',
  'hyperlink',
  'foreignlanguage',
  'hyperref',
  'texorpdfstring',
]);
const DROPPED_WITH_ARG = new Set([
  'label',
  'vspace',
  'phantom',
  'nocite',
  'index',
  'color',
  'footnotemark',
  'bibliographystyle',
  'bibliography',
  'hypertarget',
]);
const SPACES = new Set([
  'par',
  'newline',
  'linebreak',
  'quad',
  'qquad',
  'enspace',
  'hspace',
  'hfill',
  'break',
]);
const NOTHING = new Set([
  'noindent',
  'indent',
  'smallskip',
  'medskip',
  'bigskip',
  'vfill',
  'xspace',
  'relax',
  'protect',
  'nobreak',
  'leavevmode',
  'maketitle',
  'clearpage',
  'newpage',
  'null',
  'onecolumn',
  'twocolumn',
  'noalign',
  'ignorespaces',
  'unskip',
]);
const CITES =
  /^(?:[cC]ite[pt]?|cite(?:alp|alt|author|year|yearpar|num)|[pP]arencite|[tT]extcite|[aA]utocite|footcite|smartcite|supercite)$/;
const REFS = new Set(['ref', 'eqref', 'autoref', 'cref', 'Cref', 'pageref', 'nameref', 'vref']);
const NOTES = new Set(['footnote', 'thanks', 'footnotetext']);
// Text produced by commands beyond unicode2latex's table, including the macros conference
// style files define for prose (cvpr.sty's \eg, \ie, \etal...).
const WORDS = new Map(
  Object.entries({
    LaTeX: 'LaTeX',
    LaTeXe: 'LaTeX2ε',
    TeX: 'TeX',
    BibTeX: 'BibTeX',
    lq: '‘',
    rq: '’',
    slash: '/',
    item: '•',
    eg: 'e.g.',
    ie: 'i.e.',
    etal: 'et al.',
    etc: 'etc.',
    vs: 'vs.',
    cf: 'cf.',
    wrt: 'w.r.t.',
    aka: 'a.k.a.',
    iid: 'i.i.d.',
    Eg: 'E.g.',
    Ie: 'I.e.',
    Cf: 'Cf.',
    dof: 'DoF',
  }),
);
// Named text symbols: TeX skips the spaces after them, as after any control word.
const TEXT_SYMBOLS = new Set([
  'ldots',
  'dots',
  'S',
  'P',
  'dag',
  'ddag',
  'copyright',
  'pounds',
  'euro',
  'checkmark',
  'textbackslash',
]);
const CONTROL_SYMBOLS = new Map(
  Object.entries({
    ',': '\u2009',
    ';': ' ',
    ':': ' ',
    '>': ' ',
    ' ': ' ',
    '\n': ' ',
    '!': '',
    '/': '',
    '@': '',
    '-': '',
  }),
);

/** Commands this parser reads as text; any other control word in prose is maths (or an unknown macro). */
function isTextCommand(name: string): boolean {
  return (
    STYLES.has(name) ||
    DECLARATIONS.has(name) ||
    WORDS.has(name) ||
    TRANSPARENT.has(name) ||
    SKIP_FIRST.has(name) ||
    DROPPED_WITH_ARG.has(name) ||
    SPACES.has(name) ||
    NOTHING.has(name) ||
    CITES.test(name) ||
    REFS.has(name) ||
    NOTES.has(name) ||
    TEXT_SYMBOLS.has(name) ||
    LETTERS.has(name) ||
    (name.length === 1 && LETTER_ACCENTS.includes(name)) ||
    name.startsWith('text') ||
    ['url', 'href', 'nolinkurl', 'verb', 'begin', 'end', 'ding'].includes(name)
  );
}

// ---- links ------------------------------------------------------------------------------

const BARE_URL = /https?:\/\/(?:[^\s<>"{}\\]|\\[_%#&~])+/y;
const UNESCAPE_URL = /\\([_%#&~$])/g;

/** An http(s) URL to link to, or null: other schemes are shown as text. */
export function safeUrl(raw: string): string | null {
  let s = raw.trim().replace(UNESCAPE_URL, '$1');
  if (!/^https?:\/\//i.test(s)) {
    if (!/^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/:?#]|$)/.test(s)) return null;
    s = `https://${s}`;
  }
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A bare URL's extent: sentence punctuation and an unmatched closing bracket after it are not part of it. */
function trimUrl(url: string): string {
  for (;;) {
    const last = url.charAt(url.length - 1);
    const unmatched = (open: string, close: string) =>
      last === close && url.split(close).length > url.split(open).length;
    if (/[.,;:!?'"]/.test(last) || unmatched('(', ')') || unmatched('[', ']')) url = url.slice(0, -1);
    else return url;
  }
}

// ---- implicit formulas ("islands") ------------------------------------------------------

interface Island {
  start: number;
  end: number;
}

/** A word with a maths command: trimmed of sentence punctuation and unmatched brackets. */
function islandOf(src: string, start: number, end: number): Island | null {
  const word = src.slice(start, end);
  if (word.includes(PLACEHOLDER_OPEN) || word.includes('://')) return null;
  let maths = false;
  for (let k = word.indexOf('\\'); k >= 0 && !maths; k = word.indexOf('\\', k + 2)) {
    const name = controlWord(word, k + 1);
    if (name && !isTextCommand(name)) maths = true;
  }
  if (!maths) return null;
  while (end > start && /[.,;:!?]/.test(src.charAt(end - 1)) && src.charAt(end - 2) !== '\\') end--;
  const count = (s: string, c: string) => s.split(c).length - 1;
  while (src.charAt(end - 1) === ')' && count(src.slice(start, end), ')') > count(src.slice(start, end), '('))
    end--;
  while (src.charAt(start) === '(' && count(src.slice(start, end), '(') > count(src.slice(start, end), ')'))
    start++;
  return end > start ? { start, end } : null;
}

/** Words (whitespace-separated outside braces) of top-level prose that hold maths commands. */
function findIslands(src: string): Island[] {
  const islands: Island[] = [];
  if (!src.includes('\\')) return islands;
  let depth = 0;
  let start = -1;
  for (let i = 0; i <= src.length; i++) {
    const c = src.charAt(i);
    if (c === '\\') {
      if (start < 0) start = i;
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    const boundary = c === '' || (depth === 0 && /\s/.test(c));
    if (boundary && start >= 0) {
      const island = islandOf(src, start, i);
      if (island) islands.push(island);
      start = -1;
    } else if (!boundary && start < 0) start = i;
  }
  return islands;
}

// ---- the parser -------------------------------------------------------------------------

export interface TexSink {
  /** HTML (escaped text, our tags) or plain text. */
  html: boolean;
  /** Make links (\url, \href, bare URLs). Titles sit inside a link already. */
  links: boolean;
  /** What formula number `index` of the masked text becomes. */
  formula(index: number): string;
  /** An implicit formula (a prose word with maths commands), or null to read it as text. */
  island(tex: string): string | null;
}

const MAX_GROUP_DEPTH = 64; // deeper braces are read as nothing, not by recursion

// The characters the plain-text loop must look at: TeX specials and formula placeholders.
const SPECIAL = /[\\{}~\-`'\uE000]/g;
const URL_START = /(?<![\p{L}\p{N}])https?:\/\//gu;

/** One pass over one text; a class rather than closures, so a call allocates one object. */
class TexReader {
  private i = 0;
  private flat = 0; // braces past MAX_GROUP_DEPTH, read as nothing
  private nextIsland = 0;
  private singleQuote = false; // a `quote' is open
  private nextUrl = -1; // where the next bare URL starts (n: none), found once per stretch
  private readonly n: number;
  private readonly islands: Island[];
  private readonly esc: (s: string) => string;

  constructor(
    private readonly src: string,
    private readonly sink: TexSink,
  ) {
    this.n = src.length;
    this.islands = findIslands(src);
    this.esc = sink.html ? escapeHtml : (s: string) => s;
  }

  private tag(name: string, inner: string, attrs = ''): string {
    return this.sink.html && inner ? `<${name}${attrs}>${inner}</${name}>` : inner;
  }

  private styled(style: string | null, inner: string): string {
    return style === null
      ? inner
      : style === 'sc'
        ? this.tag('span', inner, ' class="tex-sc"')
        : this.tag(style, inner);
  }

  private quiet(inner: string): string {
    return this.tag('span', inner, ' class="tex-quiet"');
  }

  private link(raw: string, inner: string): string {
    const href = this.sink.links ? safeUrl(raw) : null;
    return href
      ? this.tag('a', inner, ` href="${escapeHtml(href)}" rel="nofollow noopener noreferrer"`)
      : inner;
  }

  /** A braced argument's source (balanced); '' when there is none. */
  private rawArg(): string {
    const { src, n } = this;
    this.i = skipSpaces(src, this.i);
    if (src.charAt(this.i) !== '{') return '';
    let depth = 0;
    for (let j = this.i; j < n; j++) {
      const c = src.charAt(j);
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        const raw = src.slice(this.i + 1, j);
        this.i = j + 1;
        return raw;
      }
    }
    const raw = src.slice(this.i + 1);
    this.i = n;
    return raw;
  }

  private skipOptional(): void {
    const j = skipSpaces(this.src, this.i);
    if (this.src.charAt(j) !== '[') return;
    const close = this.src.indexOf(']', j);
    if (close >= 0) this.i = close + 1;
  }

  /** A braced argument read as text (formulas and styles inside), or the next token. */
  private arg(depth: number): string {
    const { src } = this;
    this.i = skipSpaces(src, this.i);
    if (src.charAt(this.i) === '{') {
      this.i++;
      if (depth + 1 >= MAX_GROUP_DEPTH) {
        this.flat++;
        return '';
      }
      const inner = this.seq(depth + 1);
      if (src.charAt(this.i) === '}') this.i++;
      return inner;
    }
    if (src.charAt(this.i) === '\\') return this.command(depth);
    if (this.i >= this.n) return '';
    return this.esc(src.charAt(this.i++));
  }

  /** Plain characters up to the next special one (or `until`); a bare URL when one starts here. */
  private plainRun(until: number): string {
    const { src } = this;
    const start = this.i;
    SPECIAL.lastIndex = start;
    const special = SPECIAL.exec(src);
    if (this.nextUrl < start) {
      URL_START.lastIndex = start;
      this.nextUrl = URL_START.exec(src)?.index ?? this.n;
    }
    const end = Math.min(until, special ? special.index : this.n, this.nextUrl);
    if (end > start) {
      this.i = end;
      return this.esc(src.slice(start, end));
    }
    BARE_URL.lastIndex = start;
    const url = trimUrl(BARE_URL.exec(src)?.[0] ?? src.charAt(start));
    this.i = start + url.length;
    return this.link(url, this.esc(url.replace(UNESCAPE_URL, '$1')));
  }

  command(depth: number): string {
    const { src } = this;
    const at = this.i;
    const next = src.charAt(at + 1);
    const accent = accentAt(src, at);
    if (accent) {
      this.i = accent.end;
      return this.esc(accent.text);
    }
    const name = controlWord(src, at + 1);
    if (!name) {
      if (next === '') {
        this.i++;
        return this.esc('\\');
      }
      this.i += 2;
      if (next === '\\') {
        if (src.charAt(this.i) === '*') this.i++;
        this.skipOptional();
        return ' ';
      }
      return this.esc(CONTROL_SYMBOLS.get(next) ?? next);
    }
    const afterName = at + 1 + name.length;
    this.i = skipSpaces(src, afterName); // TeX skips spaces after a control word
    const style = STYLES.get(name);
    if (style) return this.styled(style, this.arg(depth));
    if (DECLARATIONS.has(name))
      return depth + 1 >= MAX_GROUP_DEPTH
        ? ''
        : this.styled(DECLARATIONS.get(name) ?? null, this.seq(depth + 1));
    if (TRANSPARENT.has(name)) return this.arg(depth);
    if (SKIP_FIRST.has(name)) {
      this.rawArg();
      return this.arg(depth);
    }
    if (DROPPED_WITH_ARG.has(name)) {
      if (src.charAt(this.i) === '*') this.i++;
      this.skipOptional();
      if (src.charAt(this.i) === '{') this.rawArg();
      return '';
    }
    if (name === 'url' || name === 'nolinkurl') {
      const raw = this.rawArg();
      const text = this.esc(raw.replace(UNESCAPE_URL, '$1'));
      return name === 'url' ? this.link(raw, text) : this.tag('code', text);
    }
    if (name === 'href') {
      const raw = this.rawArg();
      return this.link(raw, this.arg(depth));
    }
    if (name === 'verb') {
      const delimiter = src.charAt(this.i);
      const close = delimiter ? src.indexOf(delimiter, this.i + 1) : -1;
      if (close < 0) return '';
      const code = src.slice(this.i + 1, close);
      this.i = close + 1;
      return this.tag('code', this.esc(code));
    }
    if (CITES.test(name) || REFS.has(name)) {
      this.skipOptional();
      this.skipOptional();
      const keys = this.rawArg()
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
        .join(', ');
      if (!keys) return '';
      return this.quiet(this.esc(CITES.test(name) ? `[${keys}]` : name === 'eqref' ? `(${keys})` : keys));
    }
    if (NOTES.has(name)) {
      this.skipOptional();
      return this.quiet(`${this.esc(' (')}${this.arg(depth)}${this.esc(')')}`);
    }
    if (name === 'begin' || name === 'end') {
      this.rawArg();
      return ' ';
    }
    if (name === 'ding') return this.esc(texSymbol(`\\ding{${this.rawArg()}}`) ?? '');
    if (SPACES.has(name)) {
      if (name === 'hspace') this.rawArg();
      return ' ';
    }
    if (NOTHING.has(name)) return '';
    const word = WORDS.get(name);
    if (word !== undefined) {
      if (name === 'item') this.skipOptional();
      if (src.startsWith('{}', this.i)) this.i += 2;
      return this.esc(name === 'item' ? `${word} ` : word);
    }
    const symbol = texSymbol(`\\${name}`);
    if (symbol !== undefined) {
      // Maths symbols written in prose keep the spaces around them (TeX would have asked for $).
      if (!TEXT_SYMBOLS.has(name) && !name.startsWith('text')) this.i = afterName;
      if (src.startsWith('{}', this.i)) this.i += 2;
      return this.esc(symbol);
    }
    // An unknown macro: applied to text (\revision{...}) it shows the text; standing for a word
    // (\method{}, \ours) it shows its name, quietly.
    let shown = '';
    const braced = src.charAt(this.i) === '{';
    while (src.charAt(this.i) === '{') shown += this.arg(depth);
    if (shown) return shown;
    if (!braced) this.i = afterName;
    return this.quiet(this.esc(name));
  }

  seq(depth: number): string {
    const { src, n, islands } = this;
    let out = '';
    while (this.i < n) {
      const i = this.i;
      if (depth === 0 && this.nextIsland < islands.length && islands[this.nextIsland]!.start <= i) {
        const island = islands[this.nextIsland++]!;
        if (island.start === i) {
          const html = this.sink.island(src.slice(island.start, island.end));
          if (html !== null) {
            out += html;
            this.i = island.end;
            continue;
          }
        }
      }
      const c = src.charAt(i);
      if (c === '}') {
        if (this.flat > 0) this.flat--;
        else if (depth > 0) return out;
        this.i++;
      } else if (c === '{') {
        this.i++;
        if (depth + 1 >= MAX_GROUP_DEPTH) this.flat++;
        else {
          out += this.seq(depth + 1);
          if (src.charAt(this.i) === '}') this.i++;
        }
      } else if (c === '\\') out += this.command(depth);
      else if (c === '~') {
        out += '\u00A0';
        this.i++;
      } else if (c === '-') {
        const dashes = src.startsWith('---', i) ? 3 : src.startsWith('--', i) ? 2 : 1;
        out += dashes === 3 ? '—' : dashes === 2 ? '–' : '-';
        this.i += dashes;
      } else if (c === '`' || c === "'") {
        // ``quotes'' and `quotes'; a lone ' (Children's, 5') stays as written.
        const double = src.charAt(i + 1) === c;
        if (c === '`') out += double ? '“' : '‘';
        else out += double ? '”' : this.singleQuote ? '’' : "'";
        if (!double) this.singleQuote = c === '`';
        this.i += double ? 2 : 1;
      } else if (c === PLACEHOLDER_OPEN) {
        const close = src.indexOf(PLACEHOLDER_CLOSE, i);
        out += this.sink.formula(Number(src.slice(i + 1, close)));
        this.i = close + 1;
      } else {
        const island = depth === 0 && this.nextIsland < islands.length ? islands[this.nextIsland]!.start : n;
        out += this.plainRun(Math.max(island, i + 1));
      }
    }
    return out;
  }
}

/**
 * Text-mode TeX (formulas masked by ./mask) to HTML or plain text. Never throws: whatever
 * cannot be read is shown as text.
 */
export function texProse(src: string, sink: TexSink): string {
  return new TexReader(src, sink).seq(0);
}
