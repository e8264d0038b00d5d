import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLinearTick, formatLogTick, logTicks } from '@/lib/demos/ticks';

test('log ticks are powers of ten (1-2-5 on short ranges) and never print small values as 0', () => {
  assert.deepEqual(
    logTicks(1e-12, 100, 20),
    [1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100],
  );
  assert.deepEqual(logTicks(1e-12, 100, 5), [1e-12, 1e-9, 1e-6, 1e-3, 1]);
  assert.deepEqual(logTicks(0.05, 0.4, 10), [0.05, 0.1, 0.2]);
  assert.deepEqual(logTicks(1e-5, 1e-3, 10).map(formatLogTick), [
    '1e-5',
    '2e-5',
    '5e-5',
    '1e-4',
    '2e-4',
    '5e-4',
    '0.001',
  ]);
  for (const v of logTicks(1e-9, 1, 30)) assert.notEqual(formatLogTick(v), '0');
  assert.equal(formatLogTick(1e7), '1e7');
  assert.equal(formatLogTick(65536), '6.55e4');
});

test('linear ticks are short: compact thousands, trimmed decimals', () => {
  assert.equal(formatLinearTick(250_000, 50_000), '250k');
  assert.equal(formatLinearTick(4_000_000, 1_000_000), '4M');
  assert.equal(formatLinearTick(0.25, 0.05), '0.25');
  assert.equal(formatLinearTick(1e-17, 0.1), '0');
  assert.equal(formatLinearTick(3, 1), '3');
});
