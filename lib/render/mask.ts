// Formulas hidden behind placeholders while the prose around them is processed (by marked for
// Markdown, by ./texText for titles and abstracts), then put back. Browser-safe.
import { scanMath, type MathSpan, type ScanOptions } from './scan';

// Private-use characters: not Markdown or TeX syntax, not escaped by marked, the sanitiser or
// escapeHtml, and stripped from the input so nobody can forge one.
export const PLACEHOLDER_CHARS = /[\uE000\uE001]/g;
export const PLACEHOLDER_OPEN = '\uE000';
export const PLACEHOLDER_CLOSE = '\uE001';
const placeholder = (i: number) => `${PLACEHOLDER_OPEN}${i}${PLACEHOLDER_CLOSE}`;

export interface Masked {
  /** The input with forged placeholder characters replaced; span offsets refer to it. */
  source: string;
  /** The source with formula i replaced by its placeholder. */
  masked: string;
  spans: MathSpan[];
}

export function maskMath(text: string, options?: ScanOptions): Masked {
  const source = text.replace(PLACEHOLDER_CHARS, '\uFFFD');
  const { spans } = scanMath(source, options);
  let masked = '';
  let last = 0;
  spans.forEach((span, i) => {
    masked += source.slice(last, span.start) + placeholder(i);
    last = span.end;
  });
  return { source, masked: masked + source.slice(last), spans };
}
