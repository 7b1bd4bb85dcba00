'use strict';
// Java exceptions as JS Errors; JS exceptions raised while marshaling; NPE, StackOverflowError
// and heavy GC (in child processes, so a crash shows as a signal instead of killing the suite).

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadJvm, runFixture, describeRun } = require('./helpers');

const jvm = loadJvm();
const { Thrower, ArrayCases, Strings } = jvm.testcases;

function catchError(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail('expected an exception');
}

test('unchecked Java exception: name, message, cause chain, stack, javaException', () => {
  const err = catchError(() => Thrower.fail('boom'));
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'java.lang.IllegalStateException');
  assert.match(err.message, /boom/);
  assert.ok(err.cause, 'err.cause');
  assert.equal(err.cause.name, 'java.lang.IllegalArgumentException');
  assert.match(err.cause.message, /middle/);
  assert.equal(err.cause.cause.name, 'java.io.IOException');
  assert.match(err.cause.cause.message, /root cause/);
  // The Java frames, then the JS frames of the caller.
  const javaAt = err.stack.indexOf('at testcases.Thrower.fail(Thrower.java:');
  assert.ok(javaAt >= 0, `no Java frame in stack:\n${err.stack}`);
  const jsAt = err.stack.indexOf('exceptions.test.js', javaAt);
  assert.ok(jsAt > javaAt, `no JS frame after the Java frames:\n${err.stack}`);
  // The Throwable itself.
  const ex = err.javaException;
  assert.ok(jvm.isJavaObject(ex));
  assert.ok(ex instanceof jvm.java.lang.IllegalStateException);
  assert.ok(ex instanceof jvm.java.lang.Throwable);
  assert.equal(ex.getMessage(), 'boom');
  assert.equal(ex.getCause().getCause().getMessage(), 'root cause');
});

test('checked Java exception', () => {
  const err = catchError(() => Thrower.checked('checked message ✓'));
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'java.io.IOException');
  assert.match(err.message, /checked message ✓/);
  assert.equal(err.javaException.getMessage(), 'checked message ✓');
  assert.ok(err.stack.includes('at testcases.Thrower.checked(Thrower.java:'), err.stack);
});

test('exceptions from constructors and instance methods', () => {
  const err = catchError(() => new Thrower(-1));
  assert.equal(err.name, 'java.lang.IllegalArgumentException');
  assert.match(err.message, /negative: -1/);
  const t = new Thrower(10);
  assert.equal(t.divide(2), 5);
  const div = catchError(() => t.divide(0));
  assert.equal(div.name, 'java.lang.ArithmeticException');
  assert.match(div.message, /by zero/);
  // JDK exception.
  const nfe = catchError(() => jvm.java.lang.Integer.parseInt('x1'));
  assert.equal(nfe.name, 'java.lang.NumberFormatException');
  assert.match(nfe.message, /x1/);
});

test('NullPointerException from a real null dereference', () => {
  const err = catchError(() => Thrower.npe());
  assert.equal(err.name, 'java.lang.NullPointerException');
  assert.ok(err.stack.includes('at testcases.Thrower.npe(Thrower.java:'), err.stack);
  assert.equal(Thrower.recurseTo(100), 100);
});

test('a Java exception can be caught, and the bridge still works, many times', () => {
  for (let i = 0; i < 2000; i++) {
    const err = catchError(() => Thrower.fail(`n${i}`));
    assert.equal(err.name, 'java.lang.IllegalStateException');
  }
  assert.equal(jvm.java.lang.Math.max(1, 2), 2);
});

// A JS exception raised while the bridge reads an argument must propagate as that very
// exception (not a TypeError about overloads), and the bridge must work normally afterwards.
function assertBridgeStillWorks() {
  assert.equal(ArrayCases.sumInts([1, 2, 3]), 6);
  assert.equal(Strings.echo('still fine'), 'still fine');
  assert.equal(ArrayCases.joinStrings(['x', 'y']), 'x|y');
  assert.equal(new jvm.testcases.Person('P', 2).getAge(), 2);
}

test('marshaling: a JS array element getter that throws propagates as itself', () => {
  const mine = new Error('getter boom');
  const arr = [1, 2, 3];
  Object.defineProperty(arr, 1, { get() { throw mine; } });
  assert.throws(() => ArrayCases.sumInts(arr), (err) => err === mine);
  assertBridgeStillWorks();
});

test('marshaling: an Array Proxy whose element get throws propagates as itself', () => {
  // Array.isArray(proxy) is true: it is an array argument like any other.
  const proxyErr = new RangeError('proxy boom');
  const proxy = new Proxy([1, 2, 3], {
    get(target, key, receiver) {
      if (key === '0') throw proxyErr;
      return Reflect.get(target, key, receiver);
    },
  });
  assert.ok(Array.isArray(proxy));
  assert.throws(() => ArrayCases.sumInts(proxy), (err) => err === proxyErr);
  assertBridgeStillWorks();
});

test('marshaling: an Array Proxy that is well-behaved is an array argument', () => {
  const proxy = new Proxy([4, 5, 6], {});
  assert.equal(ArrayCases.sumInts(proxy), 15);
});

test('marshaling: an Array Proxy whose length get throws propagates as itself', () => {
  const lengthErr = new TypeError('length boom');
  const lengthProxy = new Proxy(['a'], {
    get(target, key, receiver) {
      if (key === 'length') throw lengthErr;
      return Reflect.get(target, key, receiver);
    },
  });
  assert.throws(() => ArrayCases.joinStrings(lengthProxy), (err) => err === lengthErr);
  assertBridgeStillWorks();
});

test('marshaling: a throwing element inside a nested array (int[][]) propagates as itself', () => {
  const inner = [1];
  const innerErr = new Error('inner boom');
  Object.defineProperty(inner, 0, { get() { throw innerErr; } });
  assert.throws(() => ArrayCases.sumGrid([[1], inner]), (err) => err === innerErr);
  assertBridgeStillWorks();
});

test('marshaling: a throwing element in an array given for varargs propagates as itself', () => {
  const parts = ['a', 'b'];
  const partsErr = new Error('parts boom');
  Object.defineProperty(parts, 0, { get() { throw partsErr; } });
  assert.throws(() => jvm.testcases.Varargs.join(',', parts), (err) => err === partsErr);
  assertBridgeStillWorks();
});

test('marshaling: a throwing element in an Object[] argument propagates as itself', () => {
  const values = [1, 2];
  const err1 = new Error('object[] boom');
  Object.defineProperty(values, 1, { get() { throw err1; } });
  // Object[] parameter (String.format's varargs), element read through a getter.
  assert.throws(() => jvm.java.lang.String['format(java.lang.String,java.lang.Object[])']('%s %s', values),
    (err) => err === err1);
  assertBridgeStillWorks();
});

test('child: NullPointerException, then 1M JS allocations', () => {
  const r = runFixture('stress-child.js', ['npe']);
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, {
    npe: 'java.lang.NullPointerException', allocations: 1_000_000, after: 7, jsObjects: 1_000_000,
  });
});

test('child: StackOverflowError twice, then deep-but-finite recursion and 1M JS allocations', () => {
  const r = runFixture('stress-child.js', ['soe']);
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, {
    soe1: 'java.lang.StackOverflowError', soe2: 'java.lang.StackOverflowError', finite: 1000,
    allocations: 1_000_000, after: 7, jsObjects: 1_000_000,
  });
});

test('child: heavy Java GC during a call and in the background while JS allocates', () => {
  const r = runFixture('stress-child.js', ['gc']);
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, {
    checksum: 512 * 1024 * 1024, backgroundDone: true, allocations: 1_000_000, after: 7, jsObjects: 1_000_000,
  });
});
