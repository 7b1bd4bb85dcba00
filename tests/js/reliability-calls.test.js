'use strict';
// Reliability of single calls (README "Reliability"), each case in a child process with a time
// limit: what used to kill the process (SIGSEGV/SIGABRT) ends in a catchable JS error and the
// process goes on. Cases: tests/js/fixtures/reliability-child.js; Java side: testcases.faults.

const test = require('node:test');
const assert = require('node:assert/strict');
const { describeRun, runSafely } = require('./helpers');

// The case in a child process: no crash, in time, the expected exit code.
// The case in a child process (no crash, in time, exit code 0): its JSON line.
function child(mode, arg, opts) {
  const r = runSafely('reliability-child.js', arg === undefined ? [mode] : [mode, arg], opts);
  assert.ok(r.json, describeRun(r));
  return r.json;
}

const STACK_ERRORS = ['RangeError', 'java.lang.StackOverflowError'];

test('JS -> Java -> JS recursion without end (a comparator that sorts again) ends in a RangeError, and sorting works after it', () => {
  const out = child('sort-recursion');
  assert.ok(STACK_ERRORS.includes(out.error.name), JSON.stringify(out));
  assert.ok(out.deepest > 50, `only ${out.deepest} levels before the error`);
  assert.equal(out.after, '[1, 2, 3]');
});

test('Java -> JS -> Java recursion through a functional interface ends in a stack error, then calls work', () => {
  const out = child('callback-recursion');
  assert.ok(STACK_ERRORS.includes(out.error.name), JSON.stringify(out));
  assert.ok(out.calls > 50);
  assert.equal(out.after, 43);
});

test('walking a Jackson tree deeper than the stack with node.forEach(child => walk(child)) ends in a RangeError', () => {
  const out = child('jackson-walk', '20000');
  assert.ok(STACK_ERRORS.includes(out.error.name), JSON.stringify(out));
  assert.ok(out.visited > 50);
  assert.equal(out.leaves, 3, 'a normal walk afterwards sees every leaf');
});

test('the same recursion with node --stack-size=4000 and with a small -Xss still ends in a stack error', () => {
  const big = child('sort-recursion', undefined, { nodeArgs: ['--stack-size=4000'] });
  assert.ok(STACK_ERRORS.includes(big.error.name), JSON.stringify(big));
  const small = child('sort-recursion', undefined, { env: { NAPI_JAVA_JVM_OPTIONS: '-Xss512k' } });
  assert.ok(STACK_ERRORS.includes(small.error.name), JSON.stringify(small));
  assert.equal(small.after, '[1, 2, 3]');
});

test('a StackOverflowError thrown by Java while JS is already deep is converted (never a second overflow)', () => {
  const out = child('java-overflow-when-deep');
  assert.equal(out.errors.length, 4);
  for (const name of out.errors) assert.ok(STACK_ERRORS.includes(name), JSON.stringify(out));
  assert.equal(out.after, 100);
});

test('with the Java heap full every kind of call gives an OutOfMemoryError, and everything works once memory is freed', () => {
  const out = child('heap-full');
  assert.ok(out.held > 0);
  assert.equal(out.outcomes.length, 6);
  for (const o of out.outcomes) assert.ok(o === 'java.lang.OutOfMemoryError' || o === 'ok', JSON.stringify(out));
  assert.ok(out.outcomes.includes('java.lang.OutOfMemoryError'), JSON.stringify(out));
  assert.equal(out.after, 7);
  assert.equal(out.list, 0);
});

test('a class whose static initializer throws: ExceptionInInitializerError, then NoClassDefFoundError, as in Java', () => {
  const out = child('bad-init');
  // static method, again, field read, field write, constructor, constant (read like reflection does)
  assert.deepEqual(out.errors, ['java.lang.ExceptionInInitializerError', ...Array(5).fill('java.lang.NoClassDefFoundError')]);
  assert.equal(out.after, 2);
  const async = child('bad-init-async');
  assert.deepEqual(async.errors, ['java.lang.ExceptionInInitializerError', 'java.lang.NoClassDefFoundError']);
});

test('marshaling limits: cyclic, too deeply nested, huge and lying arrays, and strings longer than V8 allows, are clear errors', () => {
  const out = child('marshal-limits');
  assert.equal(out.cyclicJs.name, 'TypeError');
  assert.match(out.cyclicJs.message, /cyclic array/);
  assert.equal(out.nestedJs.name, 'RangeError');
  assert.match(out.nestedJs.message, /nested more than 256 levels/);
  assert.equal(out.nestedOk, 101);
  assert.equal(out.sparse.name, 'RangeError');
  assert.match(out.sparse.message, /2147483647 elements/);
  assert.ok(out.sparseMs < 1000, `a sparse array took ${out.sparseMs} ms to refuse`);
  assert.equal(out.sparseInts.name, 'RangeError');
  assert.equal(out.proxyLength.name, 'RangeError');
  assert.match(out.proxyLength.message, /4294967295 elements/);
  assert.equal(out.proxyBadLength.name, 'RangeError');
  assert.equal(out.cyclicJava.name, 'TypeError');
  assert.match(out.cyclicJava.message, /cyclic Java array/);
  assert.equal(out.nestedJava.name, 'RangeError');
  assert.equal(out.nestedJavaOk, true);
  assert.equal(out.longString.name, 'RangeError');
  assert.match(out.longString.message, /600000000 chars/);
  assert.ok(out.rss < 3000, `RSS ${out.rss} MB`);
  assert.equal(out.after, 3);
});

test('a JS error thrown through Java comes back as itself: same object, class, own properties; Java frames in its stack', () => {
  const out = child('js-error-identity');
  assert.deepEqual(out, {
    same: true, instance: true, code: 'E_CODED', name: 'CodedError', javaFrames: true, ownFrames: true,
    javaException: 'dev.napijava.JSException', primitive: 42, twice: true, frozen: true,
  });
});
