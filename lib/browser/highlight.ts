// Marking keywords inside paper cards (browser side), and the keyword matching the in-page
// filter uses. Maths (MathJax containers) is never split.

const FIELDS = '.title-link, .authors, .abstract';

/** Keyword list from a textarea: one per line, blank lines ignored, lower-cased. */
export const keywordList = (text: string) =>
  text
    .split('\n')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);

/** The text the filter matches against: title, abstract and authors. */
export function cardText(card: HTMLElement): string {
  const abstract = card.querySelector('.abstract')?.textContent ?? '';
  return `${card.dataset.title ?? ''}\n${abstract}\n${card.dataset.authors ?? ''}`.toLowerCase();
}

export function clearMarks(root: ParentNode): void {
  for (const mark of root.querySelectorAll('mark.hl')) {
    const parent = mark.parentNode!;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function markTerms(card: HTMLElement, terms: string[]): number {
  if (!terms.length) return 0;
  const pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'gi');
  let count = 0;
  for (const field of card.querySelectorAll(FIELDS)) {
    const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.parentElement?.closest('mjx-container, mark, summary')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    for (const node of nodes) {
      const text = node.data;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const parts: Node[] = [];
      let last = 0;
      for (const m of text.matchAll(pattern)) {
        parts.push(document.createTextNode(text.slice(last, m.index)));
        const mark = document.createElement('mark');
        mark.className = 'hl';
        mark.textContent = m[0];
        parts.push(mark);
        last = m.index + m[0].length;
        count++;
      }
      parts.push(document.createTextNode(text.slice(last)));
      node.replaceWith(...parts);
    }
  }
  return count;
}
