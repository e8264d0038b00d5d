// ESLint rule `local/no-server-imports-in-client`: code that runs in the browser (a file with the
// 'use client' directive, lib/browser/, a *.worker.ts) may not import a server module, directly or
// through the modules it imports. A server module is one of SERVER_PATHS below or a module that
// imports a server package (Node built-ins, the database driver, Prisma, ...). Type-only imports
// are erased at build time and so are allowed. Next's build catches some of this too, but only for
// modules a bundler cannot pack (node:fs), not for one that reads the server's config or secrets.
// The `server-only` package would do this at build time, but it throws wherever the react-server
// condition is off, and the tests, workers and scripts load lib/db.ts and friends in plain Node.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Project modules that only the server may load (paths from the repository root). */
const SERVER_PATHS = [
  /^lib\/db(\.ts)?$/,
  /^lib\/db\//,
  /^lib\/generated\//,
  /^lib\/(config|clientAddress|frontDoor)\.ts$/,
  /^lib\/isrCache\.mjs$/,
  /^lib\/(search|ingest|processes|summaries)\//,
  /^lib\/llm\/chat\.ts$/,
  /^lib\/pdf\/(extract|fetch)\.ts$/,
  /^lib\/arxiv\/(http|gate)\.ts$/,
  /^(workers|scripts)\//,
];

/** Packages that only run on the server (or carry its secrets). */
const SERVER_PACKAGES = new Set([
  ...builtinModules,
  'better-sqlite3',
  'prisma',
  'meilisearch',
  'server-only',
  'next/headers',
  'proxy-addr',
  'forwarded-parse',
  'fresh',
  'negotiator',
  'croner',
  'cli-progress',
]);

const isServerPackage = (spec) =>
  spec.startsWith('node:') ||
  spec.startsWith('@prisma/') ||
  SERVER_PACKAGES.has(spec) ||
  SERVER_PACKAGES.has(spec.split('/')[0]);

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** The path (without extension) an import names in the project, or null for a package. */
function importPath(spec, fromFile) {
  if (spec.startsWith('@/')) return path.join(ROOT, spec.slice(2));
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec);
  return null;
}

/** The project file at that path, or null (not a file, or generated code not there yet). */
function resolve(base) {
  const candidates = [...EXTENSIONS.map((ext) => base + ext), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');
const isServerPath = (file) => SERVER_PATHS.some((re) => re.test(relative(file)));

/** Value (not type-only) static imports and re-exports of a file on disk. */
function valueImports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specs = [];
  for (const s of source.statements) {
    if (!s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const allTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (allTypes) continue;
    } else if (ts.isExportDeclaration(s)) {
      if (s.isTypeOnly) continue;
    } else continue;
    specs.push(s.moduleSpecifier.text);
  }
  return specs;
}

// file -> the chain of modules from it to a server module, or null when it reaches none.
const reach = new Map();

function serverChain(spec, fromFile) {
  if (isServerPackage(spec)) return [spec];
  const base = importPath(spec, fromFile);
  if (!base) return null;
  if (isServerPath(base)) return [relative(base)];
  const file = resolve(base);
  if (!file) return null;
  if (isServerPath(file)) return [relative(file)];
  if (!/\.(ts|tsx|mts|mjs|js)$/.test(file)) return null;
  if (reach.has(file)) {
    const known = reach.get(file);
    return known && [relative(file), ...known];
  }
  reach.set(file, null); // an import cycle reaches nothing new
  for (const next of valueImports(file)) {
    const chain = serverChain(next, file);
    if (chain) {
      reach.set(file, chain);
      return [relative(file), ...chain];
    }
  }
  return null;
}

const hasUseClient = (program) =>
  program.body.some((s) => s.type === 'ExpressionStatement' && s.directive === 'use client');

const runsInBrowser = (filename, program) =>
  hasUseClient(program) || /^lib\/browser\//.test(relative(filename)) || /\.worker\.ts$/.test(filename);

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Code that runs in the browser may not import server modules' },
    messages: {
      server:
        "Browser code may not import '{{spec}}': it reaches the server module {{chain}}. Move the shared part to a module both sides can load.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    let browser = false;
    const check = (node, spec) => {
      if (!browser || typeof spec !== 'string') return;
      // Memoised per lint run only: a long-lived editor process should see edits.
      const chain = serverChain(spec, filename);
      if (chain) context.report({ node, messageId: 'server', data: { spec, chain: chain.join(' → ') } });
    };
    return {
      Program(program) {
        reach.clear();
        browser = runsInBrowser(filename, program);
      },
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        const specifiers = node.specifiers;
        if (
          specifiers.length &&
          specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type')
        )
          return;
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== 'type') check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};

const plugin = { rules: { 'no-server-imports-in-client': rule } };
export default plugin;
