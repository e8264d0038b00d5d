// `npm run bench -- render`: the render pipeline against bare marked + bare MathJax on the
// same inputs, in the same run: real arXiv abstracts and ~3 KB chunks of real Markdown+maths.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { renderMarkdown, renderPaperFields } from '@/lib/render';
import { scanMath } from '@/lib/render/scan';
import { clearTypesetCache, typesetUncached } from '@/lib/render/mathjax';

const DATA = path.resolve(process.cwd(), '../shared/data');

function loadPapers(limit: number): Array<{ title: string; abstract: string }> {
  const dir = path.join(DATA, 'metadata/daily');
  const seen = new Set<string>();
  const papers: Array<{ title: string; abstract: string }> = [];
  for (const file of readdirSync(dir).sort()) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const p = JSON.parse(line) as { id: string; title: string; summary: string };
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      papers.push({ title: p.title, abstract: p.summary });
      if (papers.length === limit) return papers;
    }
  }
  return papers;
}

/** Real Markdown cut at paragraph boundaries into chunks of about 3 KB. */
function loadSummaryChunks(): string[] {
  const dir = path.join(DATA, 'markdown_math/real');
  const chunks: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    let chunk = '';
    for (const paragraph of readFileSync(path.join(dir, file), 'utf8').split(/\n{2,}/)) {
      chunk += paragraph + '\n\n';
      if (chunk.length >= 3000) {
        chunks.push(chunk);
        chunk = '';
      }
    }
  }
  return chunks;
}

/** Best of `rounds` timings of fn over all inputs, in ms per input. */
function time(inputs: string[], rounds: number, before: () => void, fn: (s: string) => unknown): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const input of inputs) {
      before();
      fn(input);
    }
    best = Math.min(best, performance.now() - start);
  }
  return best / inputs.length;
}

function compare(
  label: string,
  inputs: string[],
  markdown: boolean,
  pipeline: (s: string) => unknown,
): boolean {
  // The baseline typesets exactly the formulas the pipeline finds; finding them is not timed.
  const formulas = new Map(inputs.map((s) => [s, scanMath(s, { markdown }).spans]));
  const bareMarked = (s: string) => marked.parse(s, { async: false });
  const bareMathJax = (s: string) => formulas.get(s)!.forEach((f) => typesetUncached(f.tex, f.display));
  const noop = () => {};
  pipeline(inputs[0]!); // warm up MathJax and the JIT
  bareMathJax(inputs[0]!);
  const tMarked = time(inputs, 3, noop, bareMarked);
  const tMathJax = time(inputs, 3, noop, bareMathJax);
  const tCold = time(inputs, 3, clearTypesetCache, pipeline); // every input starts with an empty cache
  inputs.forEach(pipeline); // fill the cache
  const tWarm = time(inputs, 3, noop, pipeline);
  const count = [...formulas.values()].reduce((n, f) => n + f.length, 0);
  const overhead = tCold / (tMarked + tMathJax) - 1;
  console.log(`\n${label}: ${inputs.length} inputs, ${count} formulas`);
  console.log(`  bare marked          ${tMarked.toFixed(3)} ms/input`);
  console.log(`  bare MathJax         ${tMathJax.toFixed(3)} ms/input`);
  console.log(`  sum                  ${(tMarked + tMathJax).toFixed(3)} ms/input`);
  console.log(
    `  pipeline, cold cache ${tCold.toFixed(3)} ms/input  (${(overhead * 100).toFixed(1)}% vs sum)`,
  );
  console.log(`  pipeline, warm cache ${tWarm.toFixed(3)} ms/input`);
  const met = overhead <= 0.1;
  console.log(`  aim: overhead <= 10% over bare marked + bare MathJax: ${met ? 'MET' : 'NOT MET'}`);
  return met;
}

export default async function bench(): Promise<void> {
  const papers = loadPapers(1000);
  compare(
    'abstracts (metadata/daily, field summary)',
    papers.map((p) => p.abstract),
    false,
    (s) => renderPaperFields({ title: '', abstract: s }),
  );
  compare('~3 KB Markdown summaries (markdown_math/real)', loadSummaryChunks(), true, (s) =>
    renderMarkdown(s),
  );

  clearTypesetCache();
  const start = performance.now();
  for (const paper of papers) renderPaperFields(paper);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `\nday of ${papers.length} papers (title + abstract) pre-rendered, cold cache: ${seconds.toFixed(2)} s`,
  );
  console.log(`  aim: a 1,000-abstract day in under 10 s: ${seconds < 10 ? 'MET' : 'NOT MET'}`);
}
