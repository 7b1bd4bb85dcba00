'use strict';
// Overload resolution: which Java overload a JS call reaches, the explicit selector syntax,
// and the TypeErrors for calls no overload accepts.

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadJvm } = require('./helpers');

const jvm = loadJvm();
const { Overloads, Person } = jvm.testcases;

test('instance overloads: choice per JS argument type', () => {
  const o = new Overloads();
  // Rule: an int-valued number in int range prefers int.
  assert.equal(o.describe(1), 'int');
  assert.equal(o.describe(-2147483648), 'int');
  assert.equal(o.describe(0), 'int');
  // Rule: an int-valued number beyond int range prefers long (then double).
  assert.equal(o.describe(2 ** 40), 'long');
  assert.equal(o.describe(-(2 ** 31) - 1), 'long');
  // Rule: an unsafe integer cannot go to long without precision loss, so double takes it.
  assert.equal(o.describe(2 ** 60), 'double');
  // Rule: a fractional number (and NaN, Infinity) goes to double.
  assert.equal(o.describe(1.5), 'double');
  assert.equal(o.describe(NaN), 'double');
  assert.equal(o.describe(Infinity), 'double');
  // Rule: a bigint goes to long.
  assert.equal(o.describe(5n), 'long');
  // Rule: boolean goes to boolean.
  assert.equal(o.describe(true), 'boolean');
  // Rule: a 1-char string prefers String over char; longer strings are String too.
  assert.equal(o.describe('x'), 'String');
  assert.equal(o.describe('xyz'), 'String');
  assert.equal(o.describe(''), 'String');
  // Rule: a Java object goes to the most specific applicable reference type.
  assert.equal(o.describe(new jvm.java.lang.StringBuilder('sb')), 'CharSequence');
  assert.equal(o.describe(new jvm.java.util.ArrayList()), 'Object');
  assert.equal(o.describe(new Person('Ada', 36)), 'Object');
  // Rule: an Int32Array goes to int[] (more specific than Object).
  assert.equal(o.describe(Int32Array.of(1, 2)), 'int[]');
});

test('static overloads: the same rules', () => {
  assert.equal(Overloads.sdescribe(3), 'static int');
  assert.equal(Overloads.sdescribe(2 ** 33), 'static long');
  assert.equal(Overloads.sdescribe(0.5), 'static double');
  assert.equal(Overloads.sdescribe('s'), 'static String');
});

test('int-valued number: int, then long, then double', () => {
  // No int overload: long is preferred over double for an int-valued number.
  assert.equal(Overloads.widen(5), 'long');
  assert.equal(Overloads.widen(5.25), 'double');
  // Only double: an int-valued number is accepted and arrives exactly.
  assert.equal(Overloads.onlyDouble(5), 'double:5.0');
  // float vs double: a fractional number goes to double.
  assert.equal(Overloads.floatOrDouble(1.5), 'double');
});

test('1-char strings: char when only char exists, String preferred otherwise', () => {
  assert.equal(Overloads.onlyChar('q'), 'char:q');
  assert.equal(Overloads.charOrString('q'), 'String');
  assert.equal(Overloads.charOrString('qq'), 'String');
  assert.throws(() => Overloads.onlyChar('qq'), TypeError);
});

test('null: the most specific reference overload wins', () => {
  // spec(Object), spec(CharSequence), spec(String): String is more specific than both.
  assert.equal(Overloads.spec(null), 'String');
  assert.equal(Overloads.spec(undefined), 'String');
  assert.equal(Overloads.spec(new jvm.java.lang.StringBuilder()), 'CharSequence');
  assert.equal(Overloads.spec(new Person('x', 1)), 'Object');
});

test('null: incomparable overloads -> TypeError that shows the selector form', () => {
  // pick(String) vs pick(Integer): neither is more specific.
  assert.equal(Overloads.pick('s'), 'String');
  assert.equal(Overloads.pick(4), 'Integer');
  assert.throws(() => Overloads.pick(null), (err) => {
    assert.ok(err instanceof TypeError, `expected TypeError, got ${err && err.name}: ${err && err.message}`);
    assert.match(err.message, /pick/);
    // The message tells the user how to choose: the selector form of each candidate.
    assert.match(err.message, /pick\((java\.lang\.)?String\)/);
    assert.match(err.message, /pick\((java\.lang\.)?Integer\)/);
    return true;
  });
});

test('no applicable overload -> TypeError naming the method and listing candidates', () => {
  assert.throws(() => Overloads.needsInt('abc'), (err) => {
    assert.ok(err instanceof TypeError, `expected TypeError, got ${err && err.name}: ${err && err.message}`);
    assert.match(err.message, /needsInt/);
    assert.match(err.message, /needsInt\(int\)/);
    assert.match(err.message, /needsInt\(int, ?int\)/);
    return true;
  });
  // Wrong arity.
  assert.throws(() => Overloads.needsInt(1, 2, 3), (err) => {
    assert.ok(err instanceof TypeError);
    assert.match(err.message, /needsInt/);
    return true;
  });
  assert.throws(() => Overloads.needsInt(), TypeError);
  // Fractional number to int only: a RangeError naming the value and the parameter (not a kind mismatch).
  assert.throws(() => Overloads.needsInt(1.5), (err) => err instanceof RangeError &&
    /^1.5 \(not an integer\) does not fit parameter 1 of testcases.Overloads.needsInt\(int\)/.test(err.message));
  // Instance method.
  assert.throws(() => new Overloads().describe(Symbol('s')), (err) => {
    assert.ok(err instanceof TypeError);
    assert.match(err.message, /describe/);
    return true;
  });
  // The bridge still works.
  assert.equal(Overloads.needsInt(2, 3), 5);
});

test('constructor overloads', () => {
  assert.equal(new Overloads().how, '()');
  assert.equal(new Overloads(1).how, '(int)');
  assert.equal(new Overloads(2 ** 40).how, '(long)');
  assert.equal(new Overloads(1.5).how, '(double)');
  assert.equal(new Overloads('s').how, '(String)');
  assert.equal(new Overloads(1, 's').how, '(int,String)');
  assert.throws(() => new Overloads(true), (err) => {
    assert.ok(err instanceof TypeError);
    assert.match(err.message, /Overloads/);
    return true;
  });
});

test('explicit selector: instance methods', () => {
  const o = new Overloads();
  assert.equal(o['describe(int)'](1), 'int');
  assert.equal(o['describe(long)'](1), 'long');
  assert.equal(o['describe(double)'](1), 'double');
  assert.equal(o['describe(char)']('c'), 'char');
  assert.equal(o['describe(String)']('c'), 'String');
  assert.equal(o['describe(java.lang.String)']('c'), 'String');
  assert.equal(o['describe(Integer)'](1), 'Integer');
  assert.equal(o['describe(java.lang.Integer)'](null), 'Integer');
  assert.equal(o['describe(java.lang.Object)']('x'), 'Object');
  assert.equal(o['describe(Object)'](1), 'Object');
  assert.equal(o['describe(CharSequence)']('x'), 'CharSequence');
  assert.equal(o['describe(int[])']([1, 2]), 'int[]');
  // A selector that matches no overload never calls another one: there is no such property (no
  // fallback to describe(double) or describe(Object)), so the call is JS's own TypeError.
  assert.equal(o['describe(float)'], undefined);
  assert.equal('describe(float)' in o, false);
  assert.throws(() => o['describe(float)'](1), { name: 'TypeError', message: /describe\(float\).* is not a function/ });
});

test('explicit selector: static methods and the null ambiguity', () => {
  assert.equal(Overloads['sdescribe(double)'](1), 'static double');
  assert.equal(Overloads['sdescribe(long)'](1), 'static long');
  assert.equal(Overloads['pick(java.lang.String)'](null), 'String');
  assert.equal(Overloads['pick(String)'](null), 'String');
  assert.equal(Overloads['pick(Integer)'](null), 'Integer');
  assert.equal(Overloads['needsInt(int,int)'](4, 5), 9);
  // A selector fixes the types: a wrong argument is a TypeError, not another overload.
  assert.throws(() => Overloads['sdescribe(int)']('text'), TypeError);
});

test('explicit selector: constructors', () => {
  assert.equal(Overloads['new(int)'](1).how, '(int)');
  assert.equal(Overloads['new(long)'](1).how, '(long)');
  assert.equal(Overloads['new(double)'](1).how, '(double)');
  assert.equal(Overloads['new()']().how, '()');
  assert.equal(Overloads['new(int,java.lang.String)'](1, 'x').how, '(int,String)');
  const o = Overloads['new(String)']('x');
  assert.ok(o instanceof Overloads);
  assert.equal(o.how, '(String)');
});

test('JDK classes: selector on a real overload set', () => {
  const sb = new jvm.java.lang.StringBuilder();
  sb['append(char)']('x');
  sb['append(int)'](42);
  sb['append(java.lang.String)']('!');
  assert.equal(sb.toString(), 'x42!');
  const { String: JString } = jvm.java.lang;
  assert.equal(JString['valueOf(char[])'](['h', 'i']), 'hi');
  assert.equal(JString['format(java.lang.String,java.lang.Object[])']('%s-%s', ['a', 'b']), 'a-b');
  assert.equal(jvm.java.lang.Math.max(3, 7), 7);
  assert.equal(jvm.java.lang.Math.max(3.5, 7.25), 7.25);
});

test('fixed arity is preferred over varargs', () => {
  assert.equal(Overloads.fixedOrVarargs(1), 'fixed');
  assert.equal(Overloads.fixedOrVarargs(1, 2), 'varargs:2');
  assert.equal(Overloads.fixedOrVarargs(), 'varargs:0');
});
