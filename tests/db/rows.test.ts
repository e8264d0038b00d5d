// Row decoders (lib/db/rows.ts): a row of the declared shape comes back typed and with exactly its
// columns; any other shape throws an error that names the column, never a wrong value further on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqlite, read } from '@/lib/db';
import { answerList, dayCountRow, jobLivenessRow, stringList } from '@/lib/db/rows';

test('a decoded row holds exactly the declared columns', () => {
  assert.deepEqual(dayCountRow({ date: '2026-12-04', count: 3, extra: 'x' }), {
    date: '2026-12-04',
    count: 3,
  });
});

test('a row of another shape throws, naming the column', () => {
  assert.throws(() => dayCountRow({ date: '2026-12-04', count: '3' }), /day count row.*count/s);
  assert.throws(() => dayCountRow({ date: null, count: 3 }), /day count row.*date/s);
  assert.throws(
    () => jobLivenessRow({ state: 'paused', owner: 'a', heartbeatAt: 1 }),
    /job liveness row.*state/s,
  );
  assert.throws(() => dayCountRow(undefined), /day count row/);
});

test('read() decodes what SQLite returns, and fails loudly when a query and its decoder disagree', () => {
  const db = openSqlite(':memory:');
  try {
    assert.deepEqual(read(dayCountRow, "SELECT '2026-12-04' AS date, 2 AS count", db).all(), [
      { date: '2026-12-04', count: 2 },
    ]);
    assert.throws(() => read(dayCountRow, "SELECT '2026-12-04' AS date, 'two' AS count", db).get(), /count/);
  } finally {
    db.close();
  }
});

test('JSON columns: lists of strings and of answers, nothing else', () => {
  assert.deepEqual(stringList('["A. Author","B. Author"]'), ['A. Author', 'B. Author']);
  assert.throws(() => stringList('[1]'), /list of strings/);
  assert.deepEqual(answerList('[{"q":"Why?","a":"Because."}]'), [{ q: 'Why?', a: 'Because.' }]);
  assert.throws(() => answerList('{"q":"Why?"}'), /list of answers/);
});
