// The lint rules that keep the code's shape: server modules out of browser code
// (eslint/serverImports.mjs), lib/search's internals behind its public face, no import cycles; run
// through the project's real ESLint config on sources that exist only in this test.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// import/no-cycle reads every file from disk and fails on sources that exist only in memory, so the
// in-memory fixtures are linted without it; the cycle test below writes its files.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import/no-cycle': 'off' } } });
const RULE = 'local/no-server-imports-in-client';

/** The rule's messages for `code` linted as if it were the file at `filePath`. */
async function serverImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const client = (imports: string) => `'use client';\n${imports}\nexport const x = 1;\n`;

test('a client component may not import the database', async () => {
  const errors = await serverImportErrors(
    client("import { db } from '@/lib/db';\nvoid db;"),
    'components/LintFixture.tsx',
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /'@\/lib\/db'.*lib\/db/);
});

test('nor a module that reaches a server module through its own imports', async () => {
  // A shared-looking module, on disk where the rule follows imports: it imports the database.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-fixture-'));
  writeFileSync(
    path.join(dir, 'shared.ts'),
    "import type { Note } from './types';\nimport { sqlite } from '@/lib/db';\nexport const count = (n: Note) => sqlite() && n;\n",
  );
  const fromComponents = path.relative(path.join(process.cwd(), 'components'), path.join(dir, 'shared'));
  try {
    const errors = await serverImportErrors(
      client(`import { count } from '${fromComponents}';\nvoid count;`),
      'components/LintFixture.tsx',
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /shared\.ts → lib\/db/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nor Node built-ins, nor dynamic imports of server modules', async () => {
  const errors = await serverImportErrors(
    client("import fs from 'node:fs';\nvoid fs;\nexport const load = () => import('@/lib/search');"),
    'components/LintFixture.tsx',
  );
  assert.equal(errors.length, 2);
});

test('lib/browser/ modules count as browser code without the directive', async () => {
  const errors = await serverImportErrors(
    "import { searchPapers } from '@/lib/search';\nexport const s = searchPapers;\n",
    'lib/browser/lintFixture.ts',
  );
  assert.equal(errors.length, 1);
});

test('type-only imports, shared modules and server components pass', async () => {
  assert.deepEqual(
    await serverImportErrors(
      client(
        "import type { SummaryView } from '@/lib/summaries/view';\nimport { type Database } from '@/lib/db';\nexport type V = SummaryView | Database;",
      ),
      'components/LintFixture.tsx',
    ),
    [],
  );
  assert.deepEqual(
    await serverImportErrors(
      client(
        "import { bibtexEntry } from '@/lib/papers/bibtex';\nimport { keywordList } from '@/lib/browser/highlight';\nvoid bibtexEntry;\nvoid keywordList;",
      ),
      'components/LintFixture.tsx',
    ),
    [],
  );
  assert.deepEqual(
    await serverImportErrors(
      "import { db } from '@/lib/db';\nexport const d = db;\n",
      'components/LintFixture.tsx',
    ),
    [],
  );
});

/** The messages of `ruleId` for `code` linted as if it were the file at `filePath`. */
async function ruleErrors(ruleId: string, code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

test('outside lib/search, FTS5 internals are reached only through its public face', async () => {
  const internal = "import { textTokens } from '@/lib/search/fts/tokens';\nexport const t = textTokens;\n";
  assert.equal((await ruleErrors('no-restricted-imports', internal, 'lib/papers/lintFixture.ts')).length, 1);
  assert.deepEqual(await ruleErrors('no-restricted-imports', internal, 'lib/search/lintFixture.ts'), []);
  assert.deepEqual(
    await ruleErrors(
      'no-restricted-imports',
      "import { FTS_TABLES } from '@/lib/search';\nexport const t = FTS_TABLES;\n",
      'lib/papers/lintFixture.ts',
    ),
    [],
  );
});

test('two modules that import each other are a lint error', async () => {
  const dir = mkdtempSync(path.join(process.cwd(), 'lib', 'lint-cycle-'));
  const rel = path.relative(process.cwd(), dir);
  try {
    writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    const [result] = await new ESLint({ cwd: process.cwd() }).lintFiles([path.join(rel, 'a.ts')]);
    assert.deepEqual(
      result!.messages.map((m) => m.ruleId),
      ['import/no-cycle'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
