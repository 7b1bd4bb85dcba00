'use strict';
// Nothing lost at exit (README "Reliability"): the JVM's shutdown hooks run when Node's main thread
// exits, normally or through process.exit(n), bounded by shutdownTimeout, with the script's exit
// code kept; a worker's end does not run them. Real library: an H2 file database, which commits
// its last writes in a shutdown hook when the connection was never closed.

const test = require('node:test');
const assert = require('node:assert/strict');
const { describeRun, runSafely, tempDir } = require('./helpers');

// The case in a child process: no crash, in time, the expected exit code.
const child = (mode, arg, opts) => runSafely('reliability-child.js', arg === undefined ? [mode] : [mode, arg], opts);

for (const how of ['normal', 'exit']) {
  test(`H2 rows inserted without conn.close() survive the script's end (${how === 'exit' ? 'process.exit(3)' : 'normal end'})`, () => {
    const dir = tempDir(`h2-${how}`);
    const write = child('h2-write', `${dir},${how}`, { status: how === 'exit' ? 3 : 0 });
    assert.deepEqual(JSON.parse(write.stdout.trim().split('\n')[0]), { inserted: 500 });
    const read = child('h2-read', dir);
    assert.deepEqual(read.json, { rows: 500 });
  });
}

test("a worker's end does not run the JVM's shutdown hooks; the main thread's exit does", () => {
  const r = child('hooks-at-main-exit-only');
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(JSON.parse(lines[0]), { workerExit: 0, ranAfterWorker: false });
  assert.equal(lines[1], 'the main exit ran the hook', describeRun(r));
});

test('a shutdown hook that never ends holds the exit for shutdownTimeout only; the exit code is kept', () => {
  // a hook held forever would hold the exit forever: the child's time limit (60 s) fails that case; the
  // message shows the exit went on when shutdownTimeout ran out (no wall-clock bound: ASan on a loaded
  // machine took 10 s for this 1 s case)
  const r = child('hanging-hook', '1000', { status: 5, timeout: 60_000 });
  assert.match(r.stderr, /did not finish within 1000 ms/, describeRun(r));
  // the JS Runnable registered as a hook runs after JS ended: it fails clearly, not silently
  assert.match(r.stderr, /JSEnvironmentClosedException/);
});

test('shutdownTimeout: 0 does not run the hooks', () => {
  const r = child('hanging-hook', '0', { status: 5, timeout: 60_000 });
  assert.doesNotMatch(r.stderr, /did not finish/, describeRun(r));
});
