// The migration runner, and proof that the migrated database is exactly schema.prisma (no drift).
// Prisma's own schema engine cannot run offline here, so the check reads schema.prisma itself and
// compares every model, column, key, index and foreign key with what SQLite reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { closeDb, prisma } from '@/lib/db';
import { listMigrations, migrate } from '@/lib/db/migrate';
import { freshDb } from '../helpers/db';

after(closeDb);

interface Column {
  name: string;
  type: string;
  notnull: boolean;
  hasDefault: boolean;
}
interface Model {
  columns: Column[];
  pk: string[];
  autoincrement: boolean;
  indexes: { name: string; columns: string[]; unique: boolean }[];
  fks: { from: string; table: string; to: string; onDelete: string }[];
}

const SQL_TYPE: Record<string, string> = {
  String: 'TEXT',
  Int: 'INTEGER',
  DateTime: 'DATETIME',
  Boolean: 'BOOLEAN',
  Float: 'REAL',
  BigInt: 'BIGINT',
};
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The relational shape schema.prisma describes, in SQLite's terms. */
function modelsFromSchema(schema: string): Map<string, Model> {
  const models = new Map<string, Model>();
  const blocks = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const names = new Set(blocks.map((b) => b[1]!));
  for (const [, name, body] of blocks) {
    const m: Model = { columns: [], pk: [], autoincrement: false, indexes: [], fks: [] };
    for (const raw of body!.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line) continue;
      const block = /^@@(id|index|unique)\(\[([^\]]+)\]/.exec(line);
      if (block) {
        const cols = list(block[2]!);
        if (block[1] === 'id') m.pk = cols;
        else
          m.indexes.push({
            name: `${name}_${cols.join('_')}_${block[1] === 'index' ? 'idx' : 'key'}`,
            columns: cols,
            unique: block[1] === 'unique',
          });
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field) continue;
      const [, fname, type, isList, optional, attrs] = field as unknown as [
        string,
        string,
        string,
        string | undefined,
        string | undefined,
        string,
      ];
      if (names.has(type) || isList) {
        const rel = /@relation\(fields: \[([^\]]+)\], references: \[([^\]]+)\](?:, onDelete: (\w+))?/.exec(
          attrs,
        );
        if (rel)
          m.fks.push({
            from: list(rel[1]!)[0]!,
            table: type,
            to: list(rel[2]!)[0]!,
            onDelete: (rel[3] ?? 'Restrict').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase(),
          });
        continue;
      }
      const auto = attrs.includes('@default(autoincrement())');
      m.autoincrement ||= auto;
      m.columns.push({
        name: fname,
        type: SQL_TYPE[type]!,
        notnull: !optional,
        hasDefault: attrs.includes('@default(') && !auto,
      });
      if (attrs.includes('@id')) m.pk = [fname];
      if (attrs.includes('@unique'))
        m.indexes.push({ name: `${name}_${fname}_key`, columns: [fname], unique: true });
    }
    models.set(name!, m);
  }
  return models;
}

/** The same shape read back from a SQLite database. */
function modelsFromDb(db: Awaited<ReturnType<typeof freshDb>>['db']): Map<string, Model> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' AND name <> '_prisma_migrations'",
    )
    .all() as { name: string }[];
  const out = new Map<string, Model>();
  for (const { name } of tables) {
    const cols = db.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const idx = (
      db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string }[]
    ).filter((i) => i.origin === 'c');
    const fks = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
      from: string;
      table: string;
      to: string;
      on_delete: string;
    }[];
    out.set(name, {
      // An INTEGER PRIMARY KEY is NOT NULL implicitly; Prisma's DDL spells it out.
      columns: cols.map((c) => ({
        name: c.name,
        type: c.type,
        notnull: c.notnull === 1 || (c.pk > 0 && c.type === 'INTEGER'),
        hasDefault: c.dflt_value !== null,
      })),
      autoincrement: /AUTOINCREMENT/i.test(
        (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql,
      ),
      pk: cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes: idx.map((i) => ({
        name: i.name,
        columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map(
          (c) => c.name,
        ),
        unique: i.unique === 1,
      })),
      fks: fks.map((f) => ({ from: f.from, table: f.table, to: f.to, onDelete: f.on_delete })),
    });
  }
  return out;
}

const sortModel = (m: Model): Model => ({
  ...m,
  indexes: [...m.indexes].sort((a, b) => a.name.localeCompare(b.name)),
  fks: [...m.fks].sort((a, b) => a.from.localeCompare(b.from)),
});

test('the migrated database matches schema.prisma exactly', async () => {
  const { db } = await freshDb();
  const expected = modelsFromSchema(readFileSync('prisma/schema.prisma', 'utf8'));
  const actual = modelsFromDb(db);
  assert.ok(expected.size >= 6);
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
  for (const [name, model] of expected)
    assert.deepEqual(sortModel(actual.get(name)!), sortModel(model), name);
});

test('the Prisma client reads and writes every model on the migrated database', async () => {
  await freshDb();
  const db = prisma();
  await db.paper.create({
    data: {
      id: '2401.00001',
      title: 't',
      abstract: 'a',
      authors: '["A"]',
      primaryCategory: 'cs.CL',
      categories: 'cs.CL',
      contentHash: 'h',
      submittedAt: new Date('2024-01-01T00:00:00Z'),
    },
  });
  await db.paperVersion.create({
    data: { paperId: '2401.00001', version: 1, submittedAt: new Date('2024-01-01T00:00:00Z') },
  });
  await db.listing.create({
    data: {
      paperId: '2401.00001',
      category: 'cs.CL',
      archive: 'cs',
      date: '2024-01-02',
      type: 'new',
      position: 1,
    },
  });
  await db.paperClicks.create({ data: { paperId: '2401.00001', pdf: 2 } });
  await db.ingestRun.create({ data: { source: 'test', params: '{}' } });
  await db.searchOutbox.create({ data: { paperId: '2401.00001' } });
  const p = await db.paper.findUniqueOrThrow({
    where: { id: '2401.00001' },
    include: { versions: true, listings: true, clicks: true },
  });
  assert.equal(p.submittedAt?.toISOString(), '2024-01-01T00:00:00.000Z');
  assert.equal(p.versions.length, 1);
  assert.equal(p.listings[0]!.archive, 'cs');
  assert.equal(p.clicks?.pdf, 2);
  assert.ok(p.ingestedAt instanceof Date);
});

test('migrations run once, are recorded as Prisma records them, and refuse edited history', async () => {
  const { db } = await freshDb(); // freshDb already migrated once
  const again = migrate(db);
  assert.deepEqual(again.applied, []);
  const migrations = listMigrations();
  assert.equal(again.alreadyApplied.length, migrations.length);
  const rows = db
    .prepare(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    )
    .all() as {
    migration_name: string;
    checksum: string;
    finished_at: string;
    applied_steps_count: number;
  }[];
  assert.deepEqual(
    rows.map((r) => [r.migration_name, r.checksum]),
    migrations.map((m) => [m.name, m.checksum]),
  );
  assert.ok(
    rows.every((r) => r.finished_at && r.applied_steps_count === 1 && /^[0-9a-f]{64}$/.test(r.checksum)),
  );
  db.prepare("UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = ?").run(
    migrations[0]!.name,
  );
  assert.throws(() => migrate(db), /was changed after it was applied/);
});
