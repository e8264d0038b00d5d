// PDF text extraction on papers made with real LaTeX (tests/pdf/papers, sources and build script
// beside them): hand-picked sentences of each abstract and introduction come out whole and in
// order, the Chinese paper yields its Chinese text, and no stamp, watermark, running head, line
// number, base64 or control character survives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { pdfToText } from '@/lib/pdf/extract';
import { dropLineNumbers, type Run } from '@/lib/pdf/layout';
import { joinAccents, stripBase64 } from '@/lib/pdf/paragraphs';
import { referenceSpans } from '@/lib/pdf/sections';

const PAPERS = path.join(import.meta.dirname, 'papers');

interface Paper {
  /** In reading order; compared with whitespace collapsed (removed for Chinese). */
  sentences: string[];
  /** Text that must not appear (case-sensitive). */
  absent: Array<string | RegExp>;
}

// The stamp arXiv puts on page 1, rotated in the left margin.
const stamp = /arXiv:\d{4}\.\d{5}v\d/;
// Review-copy line numbers (three digits, zero-padded) and stray page numbers.
const lineNumbers = /(?:^|\s)0\d\d(?:\s|$)|^\d{1,3}$/m;

const EXPECTED: Record<string, Paper> = {
  ieee: {
    sentences: [
      'Tomáš Dvořák',
      'Self-attention compares every token with every other token, so its cost grows quadratically with the length of the sequence.',
      'We propose gated sparse attention, in which a small gate predicts for each token how many keys it should attend to.',
      'On language modelling with contexts of 8192 tokens the method matches dense attention within 0.2 perplexity points while running 2.2 times faster.',
      'A single attention layer over T tokens performs O(T^2 d) work, so doubling the context quadruples the cost of every layer.',
      'A function word in the middle of a sentence can usually be predicted from its neighbours, whereas the answer to a question posed a thousand tokens earlier requires a precise look back.',
      'First, we introduce a per-token gate that selects how many keys each query attends to, trained end to end with a straight-through estimator.',
      'Third, we evaluate the method on language modelling and on a synthetic retrieval task, where it keeps the accuracy of dense attention at a fraction of its cost.',
      'Sliding-window attention is almost as fast, but its perplexity is clearly worse because tokens beyond the window are invisible.',
    ],
    absent: [stamp, 'IEEE TRANSACTIONS ON PATTERN', 'GATED SPARSE ATTENTION FOR LONG SEQUENCES', lineNumbers],
  },
  acl: {
    sentences: [
      'Question answering over long documents requires a model to find a few relevant sentences among thousands of irrelevant ones.',
      'We study gated sparse attention, where each token learns how many keys to attend to, on four long-document benchmarks.',
      'A reader of such a document rarely needs every sentence to answer a question: most of the text can be skimmed, and only a handful of passages deserve close attention.',
      'Building on the multi-layer gating idea of earlier work, we let every token predict the number of keys it attends to, so that the budget follows the question rather than a fixed layout.',
      'Following Kocoń et al. [10], we also compare against a strong prompted baseline.',
      'Accuracy matches dense attention on three of the four benchmarks.',
      'The remaining gap, on a benchmark that requires counting over the whole document, points to a limitation that we discuss in Section 4.',
    ],
    absent: [stamp, lineNumbers],
  },
  cvpr: {
    sentences: [
      'Vision transformers split an image into patches and let every patch attend to every other patch.',
      'A learned gate chooses the number of keys per patch, which reduces the cost of attention by 61% on 1024-pixel images at equal accuracy.',
      'A 1024 by 1024 image cut into 16-pixel patches already yields 4096 tokens, and every doubling of the side length multiplies the cost of attention by sixteen.',
      'Global attention captures such evidence, but it spends the same effort on a patch of clear sky as on the contour of a pedestrian.',
      'Patches in uniform regions keep a handful of keys, whereas patches on object boundaries keep hundreds.',
      'To make the selection differentiable we use the straight-through estimator of [7]',
    ],
    absent: [stamp, 'CONFIDENTIAL REVIEW COPY', '#4821', 'CVPR 2024 Submission', lineNumbers],
  },
  maths: {
    sentences: [
      'INGRID SØRENSEN AND JÉRÔME LEFÈVRE',
      'We study the softmax average over the k largest of n random scores, the operation at the heart of top-k sparse attention.',
      'When the scores are independent sub-Gaussian variables with variance proxy σ^2, we prove that the top-k average deviates from its mean by more than ε with probability at most 2 exp(−kε^2/(2σ^2)).',
      'The bound is sharp up to constants and shows that k = O(σ^2 ε^{−2} log n) keys suffice for a uniform guarantee over n queries.',
      'In this paper we ask how far the top-k average can stray from its expectation when the keys are random.',
      'We show that μ̂_k concentrates at rate k^{−1/2}, exactly as an average of k independent terms would, even though the selected terms are dependent through the selection.',
      'The proof combines a coupling with the order statistics of a uniform sample and a martingale argument due to Kocoń [10].',
      'The context length is T = 8192 unless stated otherwise.',
    ],
    absent: [
      stamp,
      'PREPRINT',
      'latexit',
      'sha1',
      /[A-Za-z0-9+/]{40,}/,
      'CONCENTRATION OF TOP-k ATTENTION',
      /SØRENSEN AND JÉRÔME LEFÈVRE[\s\S]*SØRENSEN AND/,
    ],
  },
  thesis: {
    sentences: [
      'Its main contribution is a gated form of sparse attention in which every token decides how many earlier tokens it reads.',
      'Sequence models read their input one token at a time, yet the amount of thought a token deserves varies enormously.',
      'Human readers skim predictable passages and slow down at surprising ones; a model with a fixed computational budget per token cannot do either.',
      'What is new is the scale at which attention now operates: contexts of a hundred thousand tokens make the quadratic cost of attention the dominant expense of a model, and the benefit of spending it wisely grows accordingly.',
      'Chapter 2 reviews attention and its approximations.',
      'The appendix sentence that must survive the budget says that the gate never selects more than k_{max} keys for any token.',
    ],
    absent: [stamp, /CHAPTER \d\./, '1.2. CONTRIBUTIONS', 'ATTENTION AND ITS COST', /^\d{1,3}$/m],
  },
  zh: {
    sentences: [
      '面向长文本的门控稀疏注意力机制',
      '本文提出门控稀疏注意力机制：由一个轻量的门控网络为每个词元预测其需要关注的键的数量，门控网络与模型联合训练，无需人工设计稀疏模式。',
      '在上下文长度为8192的语言建模任务上，该方法的困惑度与稠密注意力相差不到0.2，而运行速度提高到原来的2.2倍。',
      '近年来，Transformer已成为自然语言处理、计算机视觉和语音识别领域的主流模型结构。',
      '句子中间的虚词通常可以由相邻的词预测出来，而回答一千个词元之前提出的问题则需要精确地回看。',
      '本文的核心观察是：每个词元需要关注的键的数量本身可以从数据中学习得到。',
      '第三，在语言建模和合成检索任务上验证了该方法，结果表明它以较小的计算代价保持了稠密注意力的精度。',
      '这些方法以不同的方式在精度和速度之间进行权衡，但都没有根据输入的难易程度自适应地调整计算量。',
    ],
    absent: [stamp, '林思远等：', '2024年第47卷', /^\d{1,3}$/m],
  },
};

const texts = new Map<string, string>();
before(async () => {
  for (const name of Object.keys(EXPECTED))
    texts.set(name, await pdfToText(new Uint8Array(readFileSync(path.join(PAPERS, `${name}.pdf`)))));
});

const collapse = (s: string) => s.replace(/\s+/g, ' ');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('generated papers', () => {
  for (const [name, paper] of Object.entries(EXPECTED)) {
    test(`${name}: hand-picked sentences come out whole and in order`, () => {
      const norm = name === 'zh' ? squeeze : collapse;
      const text = norm(texts.get(name)!);
      let from = 0;
      for (const sentence of paper.sentences) {
        const at = text.indexOf(norm(sentence), from);
        assert.ok(at >= 0, `${name}: missing or out of order: "${sentence}"`);
        from = at + norm(sentence).length;
      }
    });

    test(`${name}: no stamp, watermark, running head, line number, base64 or control character`, () => {
      const text = texts.get(name)!;
      for (const junk of paper.absent) {
        if (typeof junk === 'string') assert.ok(!text.includes(junk), `${name}: "${junk}" survived`);
        else assert.doesNotMatch(text, junk, `${name}: ${junk} survived`);
      }
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(text, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD]/u);
    });
  }

  test('the Chinese paper yields its Chinese text (CID fonts without ToUnicode, read with the character maps)', () => {
    const cjk = texts.get('zh')!.match(/[\u4E00-\u9FFF]/gu) ?? [];
    assert.ok(cjk.length > 2500, `only ${cjk.length} Chinese characters`);
  });

  test('the reference list is found and ends where the appendix begins', () => {
    for (const name of ['acl', 'cvpr', 'thesis']) {
      const text = texts.get(name)!;
      const spans = referenceSpans(text);
      assert.equal(spans.length, 1, name);
      const refs = text.slice(...spans[0]!);
      assert.match(refs, /^(?:References|Bibliography)\n/, name);
      assert.match(refs, /Kitaev/, name);
      assert.doesNotMatch(refs, /appendix sentence/, name);
      assert.match(
        text.slice(spans[0]![1]),
        /^(?:A Proof of the cost bound|Appendix A\nSupplementary proofs)/,
        name,
      );
    }
    // IEEE puts its appendices before the references: the list runs to the end.
    const ieee = texts.get('ieee')!;
    assert.deepEqual(
      referenceSpans(ieee).map(([, end]) => end),
      [ieee.length],
    );
  });
});

describe('text cleaning', () => {
  test('accents TeX draws apart join their letters', () => {
    assert.equal(joinAccents('Koco´n and Tom´aˇs Dvoˇr´ak'), 'Kocoń and Tomáš Dvořák');
    assert.equal(
      joinAccents('Koco \u0301n, Fran¸cois, S¸tefan, na¨ıve, LEF`EVRE'),
      'Kocoń, François, Ştefan, naïve, LEFÈVRE',
    );
    assert.equal(joinAccents('the mean ¯k of ˆx'), 'the mean k̄ of x̂');
  });

  test('base64 goes, identifiers and URLs stay', () => {
    const blob =
      'AAACJnicbVDLSgMxFM3UV62vUZdugkVwVWaKoMuiG5cV7AM6Q8mkmTY0mQzJnUIZ+i1u/BU3LhQRd36KaTsLbT0QOJxzb+49J0oFN+B5305p';
    assert.equal(
      stripBase64(`see <latexit sha1_base64="Kx2vQ8r0B9nZJ1mYtWcHf3LsPq4=">${blob}</latexit> here`).replace(
        /\s+/g,
        ' ',
      ),
      'see here',
    );
    assert.equal(stripBase64(`before ${blob} after`).replace(/\s+/g, ' '), 'before after');
    const keep =
      'github.com/facebookresearch/detectron2 arXiv:2106.09685 sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b';
    assert.equal(stripBase64(keep), keep);
  });

  test('line numbers are a stack of increasing numbers in a margin; a table column of numbers is not', () => {
    const run = (text: string, x0: number, y: number): Run => ({
      x0,
      x1: x0 + 6 * text.length,
      y,
      size: 8,
      text,
    });
    const margin = Array.from({ length: 12 }, (_, i) =>
      run(String(100 + i).padStart(3, '0'), 20, 700 - 12 * i),
    );
    const body = Array.from({ length: 12 }, (_, i) =>
      run('Some text of the paper on this line.', 60, 700 - 12 * i),
    );
    // A results table: a label on the left of every number.
    const table = Array.from({ length: 12 }, (_, i) => [
      run(`model ${i}`, 60, 400 - 12 * i),
      run(String(10 + i), 120, 400 - 12 * i),
    ]).flat();
    const kept = dropLineNumbers([...margin, ...body, ...table]);
    assert.equal(kept.length, body.length + table.length);
    assert.ok(!kept.some((r) => margin.includes(r)));
  });
});
