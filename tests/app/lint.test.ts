// The lint rule that keeps server modules out of browser code (eslint/serverImports.mjs), run
// through the project's real ESLint config on sources that exist only in this test.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
const RULE = 'local/no-server-imports-in-client';

/** The rule's messages for `code` linted as if it were the file at `filePath`. */
async function serverImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const client = (imports: string) => `'use client';\n${imports}\nexport const x = 1;\n`;

test('a client component may not import the database', async () => {
  const errors = await serverImportErrors(client("import { db } from '@/lib/db';\nvoid db;"), 'components/LintFixture.tsx');
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /'@\/lib\/db'.*lib\/db/);
});

test('nor a module that reaches a server module through its own imports', async () => {
  // A shared-looking module, on disk where the rule follows imports: it imports the database.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-fixture-'));
  writeFileSync(path.join(dir, 'shared.ts'), "import type { Note } from './types';\nimport { sqlite } from '@/lib/db';\nexport const count = (n: Note) => sqlite() && n;\n");
  const fromComponents = path.relative(path.join(process.cwd(), 'components'), path.join(dir, 'shared'));
  try {
    const errors = await serverImportErrors(client(`import { count } from '${fromComponents}';\nvoid count;`), 'components/LintFixture.tsx');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /shared\.ts → lib\/db/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nor Node built-ins, nor dynamic imports of server modules', async () => {
  const errors = await serverImportErrors(client("import fs from 'node:fs';\nvoid fs;\nexport const load = () => import('@/lib/search');"), 'components/LintFixture.tsx');
  assert.equal(errors.length, 2);
});

test('lib/browser/ modules count as browser code without the directive', async () => {
  const errors = await serverImportErrors("import { searchPapers } from '@/lib/search';\nexport const s = searchPapers;\n", 'lib/browser/lintFixture.ts');
  assert.equal(errors.length, 1);
});

test('type-only imports, shared modules and server components pass', async () => {
  assert.deepEqual(await serverImportErrors(client("import type { SummaryView } from '@/lib/summaries/view';\nimport { type Database } from '@/lib/db';\nexport type V = SummaryView | Database;"), 'components/LintFixture.tsx'), []);
  assert.deepEqual(await serverImportErrors(client("import { bibtexEntry } from '@/lib/papers/bibtex';\nimport { keywordList } from '@/lib/browser/highlight';\nvoid bibtexEntry;\nvoid keywordList;"), 'components/LintFixture.tsx'), []);
  assert.deepEqual(await serverImportErrors("import { db } from '@/lib/db';\nexport const d = db;\n", 'components/LintFixture.tsx'), []);
});
