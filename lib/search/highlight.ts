// Engines mark matches with control characters (never present in cleaned text); this turns
// marked plain text into safe HTML with balanced <mark> tags.
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function markedToHtml(text: string): string {
  let open = false;
  let out = '';
  for (const ch of text) {
    if (ch === MARK_OPEN) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === MARK_CLOSE) {
      if (open) out += '</mark>';
      open = false;
    } else out += ESCAPES[ch] ?? ch;
  }
  return open ? out + '</mark>' : out;
}
