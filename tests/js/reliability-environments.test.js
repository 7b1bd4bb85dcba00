'use strict';
// Reliability when environments end (README "Reliability"): Node worker threads that exit or are
// terminated while Java still works for them, JS functions of one environment kept in Java, Java
// threads calling JS while the script ends. Each case in a child process with a time limit.

const test = require('node:test');
const assert = require('node:assert/strict');
const { describeRun, runSafely } = require('./helpers');

// The case in a child process: no crash, in time, the expected exit code.
const child = (mode, arg, opts) => runSafely('reliability-child.js', arg === undefined ? [mode] : [mode, arg], opts);

const CLOSED = /dev\.napijava\.JSEnvironmentClosedException: The Node\.js environment has ended/;

test('workers that exit or are terminated with async Java calls in flight: their exit codes, and the main thread goes on', () => {
  const { json } = child('worker-exit-async-in-flight');
  // process.exit(i) in four workers, terminate() (exit code 1) in four others
  assert.deepEqual(json, { exitCodes: [0, 1, 1, 1, 2, 1, 3, 1], after: 9 });
});

test("a worker's JS function kept in Java works from Java threads and the main thread while the worker lives", () => {
  const { json } = child('worker-callback-kept');
  assert.deepEqual(json.fromThread, { ok: '40' });
  assert.deepEqual(json.onMainThread, { ok: 50 });
  assert.deepEqual(json.viaObject, { ok: 60 });
  assert.equal(json.isJavaObject, true, "in the main thread it is a Java object, not the worker's JS function");
  assert.equal(json.exitCode, 0);
  assert.match(json.afterEnd.ok, CLOSED);
});

test("a worker's JS function called after the worker ended: JSEnvironmentClosedException, from any thread", () => {
  const { json } = child('worker-callback-after-end');
  assert.match(json.fromThread.ok, CLOSED);
  assert.equal(json.direct.error.name, 'dev.napijava.JSEnvironmentClosedException');
  assert.equal(json.after, 2);
});

test('Java threads calling JS in a loop while the script ends: the script exit code, never a crash (20 runs)', () => {
  for (let i = 0; i < 20; i++) {
    const exit = i % 2 === 1;
    const r = child('threads-call-js-at-exit', exit ? 'exit' : undefined, { status: exit ? 7 : 6, timeout: 30_000 });
    assert.deepEqual(r.json, { calls: true }, describeRun(r));
  }
});
