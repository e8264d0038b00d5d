// The scan of issue 12: every abstract (and title and comment) in ../shared/data/metadata, daily
// dumps and Kaggle samples, read by the ingest parsers, stored as ingest stores it (accents as
// Unicode) and rendered as pages show it. Three counts, all 0:
// - mis-paired formulas: a `$` left in the prose of a text with an even number of unescaped `$`
//   (beyond the escaped `\$` the author wrote as dollar signs);
// - maths commands outside formulas (`\alpha`, `\times`... left as raw text);
// - raw text commands (`\textbf`, `\emph`, `\url`, any other `\name`).
// Formulas MathJax cannot parse (the author's TeX errors) are shown as their source, marked as
// errors: they are counted and printed, not prose.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseDailyLine, parseKaggleLine } from '@/lib/arxiv/parse/jsonl';
import type { PaperRecord } from '@/lib/arxiv/types';
import { renderAbstract, renderInline } from '@/lib/render';
import { typeset } from '@/lib/render/mathjax';
import { accentsToUnicode } from '@/lib/render/texText';

const DATA = path.resolve('../shared/data/metadata');

function records(): PaperRecord[] {
  const out: PaperRecord[] = [];
  for (const file of readdirSync(path.join(DATA, 'daily')).sort()) {
    readFileSync(path.join(DATA, 'daily', file), 'utf8')
      .split('\n')
      .forEach((line, i) => line.trim() && out.push(parseDailyLine(line, file.slice(0, 10), i + 1).paper));
  }
  for (const file of readdirSync(path.join(DATA, 'kaggle')).sort()) {
    for (const line of readFileSync(path.join(DATA, 'kaggle', file), 'utf8').split('\n'))
      if (line.trim()) out.push(parseKaggleLine(line));
  }
  return out;
}

const MARKED_FORMULA =
  /<span class="math math-(?:inline|display) notranslate" translate="no"><mjx-container[\s\S]*?<\/mjx-container><\/span>|<span class="math math-(?:error|refused)[^>]*>[^<]*<\/span>/g;
const prose = (html: string) =>
  html
    .replace(MARKED_FORMULA, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const UNESCAPED_DOLLAR = /(?<!\\)(?:\\\\)*\$/g;
const ESCAPED_DOLLAR = /(?<!\\)(?:\\\\)*\\\$/g;

interface Counts {
  texts: number;
  misPaired: number;
  mathsCommands: number;
  textCommands: number;
  texErrors: number;
  examples: string[];
}

function scan(texts: Iterable<string>, render: (tex: string) => string): Counts {
  const counts: Counts = {
    texts: 0,
    misPaired: 0,
    mathsCommands: 0,
    textCommands: 0,
    texErrors: 0,
    examples: [],
  };
  const mathsMacro = new Map<string, boolean>();
  for (const tex of texts) {
    counts.texts++;
    const html = render(tex);
    const text = prose(html);
    counts.texErrors += count(html, /math-error/g);
    if (count(tex, UNESCAPED_DOLLAR) % 2 === 0 && count(text, /\$/g) > count(tex, ESCAPED_DOLLAR)) {
      counts.misPaired++;
      counts.examples.push(
        `mis-paired: ${text.slice(Math.max(0, text.indexOf('$') - 60), text.indexOf('$') + 30)}`,
      );
    }
    for (const [command] of text.matchAll(/\\[A-Za-z]+/g)) {
      if (!mathsMacro.has(command)) mathsMacro.set(command, typeset(command, false).ok);
      if (mathsMacro.get(command)) counts.mathsCommands++;
      else counts.textCommands++;
      counts.examples.push(
        `${command}: ${text.slice(Math.max(0, text.indexOf(command) - 60), text.indexOf(command) + 30)}`,
      );
    }
  }
  return counts;
}

test(
  'scan of every abstract, title and comment in the shared metadata: 0 mis-paired, 0 maths commands, 0 text commands in prose',
  { timeout: 1_800_000 },
  () => {
    const all = records();
    const stored = (s: string | null | undefined) => (s ? [accentsToUnicode(s)] : []);
    const unique = (texts: string[]) => [...new Set(texts)];
    const results = {
      abstracts: scan(unique(all.flatMap((p) => stored(p.abstract))), renderAbstract),
      titles: scan(unique(all.flatMap((p) => stored(p.title))), (t) => renderInline(t)),
      comments: scan(unique(all.flatMap((p) => stored(p.comments))), (t) => renderInline(t, { links: true })),
    };
    for (const [field, c] of Object.entries(results)) {
      console.log(
        `${field}: ${c.texts} texts (${all.length} records); mis-paired formulas ${c.misPaired}, maths commands outside formulas ${c.mathsCommands}, ` +
          `raw text commands ${c.textCommands}; formulas with TeX errors (shown as marked source) ${c.texErrors}`,
      );
      if (c.examples.length) console.log(c.examples.slice(0, 10).join('\n'));
    }
    assert.ok(results.abstracts.texts > 8000);
    for (const c of Object.values(results))
      assert.deepEqual([c.misPaired, c.mathsCommands, c.textCommands], [0, 0, 0]);
  },
);
