// Bounds on what outside text (papers, LLM answers) can make us typeset and serve. Chosen from
// the real data in ../shared/data (tests/render/limits.test.ts prints the largest values seen
// beside these): nothing real comes near them, while formula bombs (`x^{` nested 110 deep,
// `\sqrt` nested 150 deep) and giant import records do.

/** One formula: longer source, deeper nesting or bigger markup is shown as source, never typeset. */
export const FORMULA_LIMITS = {
  /** Characters of TeX source. */
  chars: 10_000,
  /** Nesting of braces, \left..\right and environments in the source. */
  sourceDepth: 24,
  /** Nesting of the typeset markup (each level is an element the browser lays out). */
  outputDepth: 100,
  /** Characters of typeset markup. */
  html: 300_000,
} as const;

/** Sizes (width, height, margins, offsets) in typeset maths are clamped to this many em. */
export const MAX_MATH_EM = 100;

/** Typeset markup for one field (a title, an abstract, a comment; the largest real abstract makes 30 KB); formulas past it are shown as source. */
export const FIELD_MATH_HTML = 150_000;

/**
 * Stored paper fields, well above arXiv's own (a 1,920-character abstract, titles and comments of
 * a few hundred characters, the largest collaborations ~5,200 authors). Longer text is cut with
 * CUT_MARKER and the ingest run records it.
 */
export const FIELD_CAPS = {
  title: 1_000,
  abstract: 10_000,
  comments: 2_000,
  journalRef: 1_000,
  doi: 300,
  license: 300,
  /** Characters of one author's name (old records carry affiliations: 371 seen). */
  authorName: 1_000,
  /** Number of authors. */
  authors: 10_000,
  /** Characters of all author names together. */
  authorsChars: 200_000,
} as const;

export const CUT_MARKER = ' […]';
