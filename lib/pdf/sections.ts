// Where the reference list is in the extracted text (one paragraph a line), so that a text over
// budget can lose it first while the appendices that often follow it stay.

const REFERENCES_HEADING =
  /^(?:[\dIVX]+\.?\s*)?(?:references|bibliography|literature cited|works cited|参考文献|參考文獻)\s*$/i;

// The heading that ends a reference list: appendices or supplementary material ("Appendix",
// "A Proofs", "A. Proof of Theorem 1", "附录"); short, no comma, no final full stop, no year.
const APPENDIX = /^(?:appendix|appendices|supplementary|supplemental)\b|^附\s*录/i;
const LETTERED = /^A(?:\.\d+)*\.?\s+\p{Lu}/u;
const isAppendixHeading = (line: string) =>
  (APPENDIX.test(line) || LETTERED.test(line)) &&
  line.length <= 90 &&
  !line.includes(',') &&
  !/\.\s*$/.test(line) &&
  !/\b(?:19|20)\d\d\b/.test(line);

/** [start, end) character ranges of reference lists: from their heading to the next appendix heading or the end. */
export function referenceSpans(text: string): Array<[number, number]> {
  const lines: Array<{ at: number; text: string }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ at, text: line.trim() });
    at += line.length + 1;
  }
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!REFERENCES_HEADING.test(lines[i]!.text)) continue;
    let j = i + 1;
    while (j < lines.length && !isAppendixHeading(lines[j]!.text)) j++;
    spans.push([lines[i]!.at, j < lines.length ? lines[j]!.at : text.length]);
    i = j - 1;
  }
  return spans;
}
