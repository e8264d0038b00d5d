// The FAQ: Cool Papers' system prompt and six questions, asked one per turn (the original's author
// found one question per turn matters more than the prompt). Chinese wording as on papers.cool.
export type Language = 'zh' | 'en';

export const isLanguage = (s: unknown): s is Language => s === 'zh' || s === 'en';

const SYSTEM: Record<Language, string> = {
  zh:
    '你是一个学术助手，后面的对话将围绕着以下论文内容进行。请你作出专业的回答，不要出现第一人称，当涉及到分点回答时，鼓励你以markdown格式输出。' +
    '论文中的数学公式可能无法保留原始格式，请你尽力理解它们，并在需要输出数学公式的时候以latex格式输出（行内公式用 $...$，独立公式用 $$...$$）。',
  en:
    'You are an academic assistant; the conversation that follows is about the paper below. Answer professionally, ' +
    'never in the first person, and use Markdown lists when an answer has several points. The formulas in the paper ' +
    'text may have lost their original formatting: understand them as best you can and write any formula you output ' +
    'in LaTeX ($...$ inline, $$...$$ for display).',
};

export const QUESTIONS: Record<Language, readonly string[]> = {
  zh: [
    '这篇论文试图解决什么问题？',
    '有哪些相关研究？',
    '论文如何解决这个问题？',
    '论文做了哪些实验？',
    '有什么可以进一步探索的点？',
    '总结一下论文的主要内容',
  ],
  en: [
    'What problem does this paper try to solve?',
    'What are the related works?',
    'How does the paper solve this problem?',
    'What experiments are conducted in the paper?',
    'What are the points that can be explored further?',
    'Summarize the main content of the paper.',
  ],
};

/** What was left out of a paper's text to fit the context window. */
export interface Omitted {
  /** The reference list (appendices after it are kept). */
  references: boolean;
  /** How much of the rest was cut from the end, in per cent (0: nothing). */
  cutPercent: number;
}

const NOTE: Record<Language, { abstractOnly: string; omitted: (o: Omitted) => string }> = {
  zh: {
    abstractOnly: '（无法获取可用的论文全文，以下仅有标题和摘要，回答时请说明这一点。）',
    omitted: (o) =>
      `（为适应上下文长度，${[o.references ? '省略了参考文献列表（其后的附录保留）' : '', o.cutPercent ? `截去了正文末尾约 ${o.cutPercent}%` : ''].filter(Boolean).join('，并')}。）`,
  },
  en: {
    abstractOnly:
      '(A usable full text could not be obtained: only the title and abstract follow; say so where it matters.)',
    omitted: (o) =>
      `(To fit the context window, ${[o.references ? 'the reference list was left out (appendices after it are kept)' : '', o.cutPercent ? `the last ${o.cutPercent}% of the text was cut` : ''].filter(Boolean).join(' and ')}.)`,
  },
};

/** The system message: instructions, what is missing from the paper text, then the text. */
export function systemMessage(
  language: Language,
  paper: { id: string; title: string; text: string; source: 'pdf' | 'abstract'; omitted?: Omitted },
): string {
  const { omitted } = paper;
  const notes = [
    paper.source === 'abstract' ? NOTE[language].abstractOnly : '',
    omitted && (omitted.references || omitted.cutPercent > 0) ? NOTE[language].omitted(omitted) : '',
  ].filter(Boolean);
  return `${SYSTEM[language]}\n\narXiv:${paper.id} — ${paper.title}\n${notes.join('\n')}\n\n${paper.text}`;
}
