// The paper text the model reads: the token budget per script, what goes first when over budget
// (the reference list, never the appendices after it), the note that says so, and the gate that
// keeps junk PDF text away from the model.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { systemMessage } from '@/lib/llm/prompts';
import { pdfToText } from '@/lib/pdf/extract';
import { estimateTokens, fitText, untrustedText } from '@/lib/summaries/text';

const paper = (name: string) =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, '../pdf/papers', `${name}.pdf`)));
let thesis: string;
let zh: string;
before(async () => {
  thesis = await pdfToText(paper('thesis'));
  zh = await pdfToText(paper('zh'));
});

describe('token budget', () => {
  test('tokens are counted per script: Chinese one a character, Latin text about three characters a token', () => {
    assert.equal(estimateTokens('本文提出门控稀疏注意力机制'), 13);
    assert.equal(estimateTokens('a'.repeat(300)), 100);
    assert.equal(estimateTokens('Привет'), 3);
    const chinese = (zh.match(/[\u4E00-\u9FFF]/gu) ?? []).length;
    assert.ok(estimateTokens(zh) > chinese, `${estimateTokens(zh)} tokens for ${chinese} Chinese characters`);
  });

  test('over budget the reference list goes first and the appendices after it stay', () => {
    const tokens = estimateTokens(thesis);
    const fitted = fitText(thesis, tokens - 200);
    assert.equal(fitted.truncated, true);
    assert.deepEqual(fitted.omitted, { references: true, cutPercent: 0 });
    assert.doesNotMatch(fitted.text, /Reformer: The efficient transformer/);
    assert.match(fitted.text, /The appendix sentence that must survive the budget says/);
    assert.match(fitted.text, /Appendix A\nSupplementary proofs/);
  });

  test('then the end is cut, at a paragraph end, and the note says how much', () => {
    const fitted = fitText(thesis, 4000);
    assert.ok(estimateTokens(fitted.text) <= 4000);
    assert.ok(thesis.startsWith(fitted.text), 'the start is kept as it is');
    assert.ok(thesis[fitted.text.length] === '\n', 'cut at a paragraph end');
    assert.equal(fitted.omitted!.references, true);
    assert.ok(fitted.omitted!.cutPercent > 50 && fitted.omitted!.cutPercent < 100);
    const note = systemMessage('en', {
      id: '2311.04455',
      title: 'T',
      text: fitted.text,
      source: 'pdf',
      omitted: fitted.omitted,
    });
    assert.match(
      note,
      new RegExp(
        `the reference list was left out \\(appendices after it are kept\\) and the last ${fitted.omitted!.cutPercent}% of the text was cut`,
      ),
    );
    assert.match(
      systemMessage('zh', {
        id: 'x',
        title: 'T',
        text: 't',
        source: 'pdf',
        omitted: { references: true, cutPercent: 0 },
      }),
      /省略了参考文献列表（其后的附录保留）。/,
    );
    assert.doesNotMatch(
      systemMessage('en', { id: 'x', title: 'T', text: 't', source: 'pdf' }),
      /context window/,
    );
  });

  test('Chinese text is fitted by its own token count', () => {
    const budget = Math.floor(estimateTokens(zh) / 2);
    const fitted = fitText(zh, budget);
    assert.ok(estimateTokens(fitted.text) <= budget && estimateTokens(fitted.text) > 0.8 * budget);
  });
});

describe('quality gate', () => {
  const prose =
    'We propose a method for the summarisation of papers and evaluate it on three benchmarks. '.repeat(10);
  test('readable text passes, in English, Chinese or another language', async () => {
    assert.equal(untrustedText(prose, { title: 'A method' }), null);
    assert.equal(
      untrustedText(zh, { title: 'Gated sparse attention for long texts' }),
      null,
      'a Chinese paper with an English title',
    );
    assert.equal(untrustedText(zh, { title: '面向长文本的门控稀疏注意力机制' }), null);
    assert.equal(
      untrustedText(
        'Nous proposons une méthode pour le résumé des articles et la évaluons sur trois corpus. '.repeat(10),
        { title: 'Une méthode' },
      ),
      null,
    );
    assert.equal(untrustedText(thesis, { title: 'Adaptive Computation in Sequence Models' }), null);
    assert.equal(
      untrustedText(await pdfToText(paper('maths')), {
        title: 'Concentration inequalities for top-k attention with random keys',
      }),
      null,
      'a maths-heavy paper',
    );
  });

  test('junk does not: too little, symbols, letters without words, or none of the title’s script', () => {
    assert.match(untrustedText('Short text.', { title: 'T' })!, /almost no extractable text/);
    assert.match(untrustedText('∑ ∫ ≤ ≥ ( ) [ ] 1 2 3 = + − '.repeat(40), { title: 'T' })!, /mostly symbols/);
    assert.match(
      untrustedText('T h i s i s a p a p e r '.repeat(40), { title: 'T' })!,
      /letters without words/,
    );
    assert.match(
      untrustedText('Xqz kvbt Wrpl mnzq Ghtk vwqz '.repeat(40), { title: 'T' })!,
      /no ordinary words/,
    );
    // The failure this gate is for: a Chinese paper whose Chinese characters were all lost.
    const latinLeftovers = 'Transformer O(T^2 d) softmax 8192 arXiv:2405.11223 2.2 and the of in for '.repeat(
      20,
    );
    assert.match(
      untrustedText(latinLeftovers, { title: '面向长文本的门控稀疏注意力机制' })!,
      /none of the title's Chinese, Japanese or Korean script/,
    );
    assert.match(
      untrustedText('αβγδε ζηθικ λμνξο '.repeat(40), { title: 'An English title' })!,
      /mostly in Greek script/,
    );
  });
});
