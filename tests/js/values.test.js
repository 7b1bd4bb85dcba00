'use strict';
// Value mapping: primitives, boxes, char, strings (exact UTF-16), long/bigint, null/undefined,
// and arrays <-> typed arrays.

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadJvm, runNode } = require('./helpers');

const jvm = loadJvm();
const { Primitives: P, Longs, Strings, ArrayCases: A } = jvm.testcases;

// A bad number for a narrow primitive: a RangeError naming the parameter's range, never silent
// truncation (and not a TypeError: the value's type is right, its range is not).
function rejectsValue(fn) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof RangeError, `expected a RangeError, got ${err && err.name}: ${err && err.message}`);
    assert.match(err.message, /does not fit/);
    return true;
  });
}

test('primitive round trips at their limits', () => {
  for (const v of [-128, -1, 0, 127]) assert.equal(P.echoByte(v), v);
  for (const v of [-32768, 0, 32767]) assert.equal(P.echoShort(v), v);
  for (const v of [-2147483648, -1, 0, 2147483647]) assert.equal(P.echoInt(v), v);
  for (const v of [0, 1.5, -2.25, 3.4028234663852886e38]) assert.equal(P.echoFloat(v), v);
  assert.equal(P.echoFloat(0.1), Math.fround(0.1));
  for (const v of [0, 0.1, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity]) {
    assert.equal(P.echoDouble(v), v);
  }
  assert.ok(Number.isNaN(P.echoDouble(NaN)));
  assert.ok(Object.is(P.echoDouble(-0), -0));
  assert.equal(P.echoBoolean(true), true);
  assert.equal(P.echoBoolean(false), false);
  assert.equal(P.echoLong(42), 42);
  // What Java received, printed by Java.
  assert.equal(P.showByte(-128), 'byte -128');
  assert.equal(P.showShort(-32768), 'short -32768');
  assert.equal(P.showInt(2147483647), 'int 2147483647');
  assert.equal(P.showFloat(1.5), 'float 1.5');
  assert.equal(P.showDouble(0.1), 'double 0.1');
  assert.equal(P.showBoolean(true), 'boolean true');
});

test('primitive return values and their JS types', () => {
  assert.equal(P.maxByte(), 127);
  assert.equal(P.minByte(), -128);
  assert.equal(P.maxShort(), 32767);
  assert.equal(P.minShort(), -32768);
  assert.equal(P.maxInt(), 2147483647);
  assert.equal(P.minInt(), -2147483648);
  assert.equal(P.maxFloat(), 3.4028234663852886e38);
  assert.equal(P.tenthAsFloat(), Math.fround(0.1));
  assert.equal(P.maxDouble(), Number.MAX_VALUE);
  assert.equal(P.minDouble(), 5e-324);
  assert.ok(Number.isNaN(P.nan()));
  assert.ok(Object.is(P.negativeZero(), -0));
  assert.equal(P.maxChar(), '\uffff');
  assert.equal(P.nulChar(), '\0');
  assert.equal(P.yes(), true);
  assert.equal(P.doNothing(), undefined);
  assert.equal(P.nothing(), null);
});

test('out-of-range or wrong-kind values for primitive parameters are rejected', () => {
  rejectsValue(() => P.echoByte(128));
  rejectsValue(() => P.echoByte(-129));
  rejectsValue(() => P.echoShort(32768));
  rejectsValue(() => P.echoInt(2 ** 31));
  rejectsValue(() => P.echoInt(1.5));
  assert.throws(() => P.echoInt('1'), TypeError);
  assert.throws(() => P.echoInt(null), TypeError);
  assert.throws(() => P.echoBoolean(null), TypeError);
  assert.throws(() => P.echoDouble('1.5'), TypeError);
  assert.equal(P.echoInt(7), 7);
});

test('boxes: in and out, null allowed', () => {
  assert.equal(P.echoByteBox(-3), -3);
  assert.equal(P.echoShortBox(300), 300);
  assert.equal(P.echoIntegerBox(5), 5);
  assert.equal(P.echoIntegerBox(null), null);
  assert.equal(P.echoIntegerBox(undefined), null);
  assert.equal(P.echoLongBox(9), 9n); // a Long object is a bigint (it comes back into Java as a Long)
  assert.equal(P.echoLongBox(2n ** 60n), 2n ** 60n);
  assert.equal(P.echoLongBox(null), null);
  assert.equal(P.echoFloatBox(1.5), 1.5);
  assert.equal(P.echoDoubleBox(2.75), 2.75);
  assert.equal(P.echoDoubleBox(null), null);
  assert.equal(P.echoBooleanBox(true), true);
  assert.equal(P.echoBooleanBox(null), null);
  assert.equal(P.echoCharacterBox('c'), 'c');
  assert.equal(P.echoCharacterBox(null), null);
  assert.equal(P.boxedInt(), 7);
  assert.equal(P.boxedLong(), 8n);
  assert.equal(P.boxedBigLong(), 9223372036854775807n);
  assert.equal(P.boxedDouble(), 2.5);
  assert.equal(P.boxedBoolean(), false);
  assert.equal(P.boxedChar(), 'z');
  assert.equal(P.boxedNull(), null);
});

test('boxes typed as Object come back as plain JS values', () => {
  assert.equal(P.boxAsObject('byte'), -5);
  assert.equal(P.boxAsObject('short'), 300);
  assert.equal(P.boxAsObject('int'), 123456);
  assert.equal(P.boxAsObject('long'), 5n);
  assert.equal(P.boxAsObject('bigLong'), -9223372036854775808n);
  assert.equal(P.boxAsObject('float'), 1.5);
  assert.equal(P.boxAsObject('double'), 0.25);
  assert.equal(P.boxAsObject('boolean'), true);
  assert.equal(P.boxAsObject('char'), 'q');
  assert.equal(P.boxAsObject('string'), 'text');
  assert.equal(P.boxAsObject('none'), null);
  // JS values through an Object parameter and back.
  for (const v of [5, 1.5, -0.25, 'str', '', '🌍\uD800\0', true, false, 2n ** 62n]) {
    assert.equal(P.identity(v), v);
  }
  assert.equal(P.className('s'), 'java.lang.String');
  assert.equal(P.className(true), 'java.lang.Boolean');
  assert.equal(P.className(new jvm.testcases.Person('a', 1)), 'testcases.Person');
});

test('null and undefined both arrive as Java null', () => {
  assert.equal(P.isNull(null), true);
  assert.equal(P.isNull(undefined), true);
  assert.equal(P.isNull(0), false);
  assert.equal(P.isNull(''), false);
  assert.equal(Strings.isNull(null), true);
  assert.equal(Strings.isNull(undefined), true);
  assert.equal(Strings.echo(null), null);
  assert.equal(Strings.echo(undefined), null);
  assert.equal(A.length(null), -1);
});

test('char <-> 1-char string', () => {
  assert.equal(P.echoChar('x'), 'x');
  assert.equal(P.echoChar('\0'), '\0');
  assert.equal(P.echoChar('é'), 'é');
  assert.equal(P.echoChar('\uD800'), '\uD800');
  assert.equal(P.echoChar('\uffff'), '\uffff');
  assert.equal(P.showChar('A'), 'char 65');
  assert.throws(() => P.echoChar('xy'), TypeError);
  assert.throws(() => P.echoChar(''), TypeError);
  assert.throws(() => P.echoChar('🌍'), TypeError);  // two UTF-16 units
  assert.throws(() => P.echoChar(null), TypeError);
});

test('strings round-trip exactly (UTF-16)', () => {
  const tenKb = 'abcdéfgh🌍'.repeat(1024);
  const cases = ['', 'plain', 'héllo', '🌍', '👩‍👩‍👧', '日本語', '\uD800', '\uDC00', 'a\uD800b', '\uDBFF\uDFFF',
    'a\0b', '\0', '\0\0\0', '\uFFFF\uFFFE', tenKb];
  for (const s of cases) {
    assert.equal(Strings.echo(s), s);
    assert.equal(Strings.length(s), s.length);
    const units = Strings.codeUnits(s);
    assert.deepEqual(Array.from(units), [...Array(s.length).keys()].map((i) => s.charCodeAt(i)));
  }
  assert.equal(Strings.length(tenKb), 10 * 1024);
  const oneMb = 'x🌍\0日'.repeat(250_000);
  assert.equal(Strings.echo(oneMb), oneMb);
  assert.equal(Strings.concat('日本', '🌍\0'), '日本🌍\0');
  assert.equal(Strings.upper('straße'), 'STRASSE');
});

test('long strings (compact Latin-1 / UTF-16 paths) round-trip exactly', () => {
  const units = (s) => [...Array(s.length).keys()].map((i) => s.charCodeAt(i));
  const bodies = {
    ascii: 'node-api-java 0123456789 ',
    latin1: 'é\u00ff\u0080\0ñ x',
    wide: '日本🌍',
  };
  for (const n of [63, 64, 65, 200, 10_000]) {
    for (const [kind, body] of Object.entries(bodies)) {
      const base = body.repeat(Math.ceil(n / body.length)).slice(0, n);
      // the last unit decides the encoding after a long Latin-1 prefix: a late fallback to UTF-16
      for (const s of [base, base.slice(0, -1) + '\u0100', base.slice(0, -1) + '\uD800', '\uFFFF' + base.slice(1)]) {
        const label = `${kind} ${n} ${JSON.stringify(s.slice(-2))}`;
        assert.equal(Strings.echo(s), s, label);
        assert.equal(Strings.length(s), s.length, label);
        assert.ok(Strings.sameAsJavaBuilt(s, units(s)), `Java sees another string: ${label}`);
        assert.equal(Strings.fromCodeUnits(units(s)), s, `Java-built ${label}`);
      }
    }
  }
});

test('Java-made strings arrive exactly (Java -> JS on its own)', () => {
  assert.equal(Strings.emoji(), '🌍');
  assert.equal(Strings.emoji().length, 2);
  assert.equal(Strings.cjk(), '日本語');
  assert.equal(Strings.loneHigh(), 'a\uD800b');
  assert.equal(Strings.loneLow(), '\uDC00');
  assert.equal(Strings.withNul(), 'a\0b\0');
  assert.equal(Strings.empty(), '');
  assert.equal(Strings.fromCodeUnits([0xD83C, 0xDF0D, 0, 0xD800, 0x41]), '🌍\0\uD800A');
  const big = Strings.repeat('x🌍\0', 4000);
  assert.equal(big.length, 16000);
  assert.equal(big, 'x🌍\0'.repeat(4000));
});

test('portable string path: the string tests pass on a JVM without compact strings', () => {
  // -XX:-CompactStrings turns the compact-string fast paths off; the JNI string functions take over.
  const r = runNode(['--test', '--test-reporter=tap', '--test-name-pattern=round-trip exactly|arrive exactly', __filename],
    { env: { NAPI_JAVA_JVM_OPTIONS: '-XX:-CompactStrings', NODE_TEST_CONTEXT: null } });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /# pass 3\b/);
});

test('long: safe values are numbers, beyond 2^53 bigints', () => {
  assert.equal(Longs.zero(), 0);
  assert.equal(Longs.maxSafe(), Number.MAX_SAFE_INTEGER);
  assert.equal(typeof Longs.maxSafe(), 'number');
  assert.equal(Longs.minSafe(), Number.MIN_SAFE_INTEGER);
  assert.equal(Longs.beyondSafe(), 2n ** 53n + 1n);
  assert.equal(typeof Longs.beyondSafe(), 'bigint');
  assert.equal(Longs.belowSafe(), -(2n ** 53n) - 1n);
  assert.equal(Longs.max(), 9223372036854775807n);
  assert.equal(Longs.min(), -9223372036854775808n);
  assert.equal(Longs.MAX_SAFE, Number.MAX_SAFE_INTEGER);
});

test('long: bigint arguments accepted over the full range', () => {
  assert.equal(Longs.str(2n ** 62n), String(2n ** 62n));
  assert.equal(Longs.str(9223372036854775807n), '9223372036854775807');
  assert.equal(Longs.str(-9223372036854775808n), '-9223372036854775808');
  assert.equal(Longs.str(5n), '5');
  assert.equal(Longs.echo(5n), 5);
  assert.equal(Longs.echo(-(2n ** 63n)), -(2n ** 63n));
  assert.equal(Longs.echo(2n ** 53n + 1n), 2n ** 53n + 1n);
  assert.equal(Longs.add(Number.MAX_SAFE_INTEGER, 2), 2n ** 53n + 1n);
  assert.equal(Longs.add(9223372036854775806n, 1), 9223372036854775807n);
  assert.equal(Longs.str(Number.MAX_SAFE_INTEGER), '9007199254740991');
  assert.equal(Longs.str(-Number.MAX_SAFE_INTEGER), '-9007199254740991');
  assert.equal(Longs.parse('-9223372036854775808'), -9223372036854775808n);
});

test('long: unsafe numbers and out-of-range bigints are errors, not precision loss', () => {
  rejectsValue(() => Longs.str(2 ** 60));
  rejectsValue(() => Longs.str(2 ** 53 + 2));
  rejectsValue(() => Longs.str(-(2 ** 60)));
  rejectsValue(() => Longs.str(1.5));
  rejectsValue(() => Longs.str(2n ** 63n));
  rejectsValue(() => Longs.str(-(2n ** 63n) - 1n));
  rejectsValue(() => Longs.str(2n ** 64n));
  assert.equal(Longs.str(1), '1');
});

test('arrays returned as typed arrays / arrays', () => {
  const bytes = A.bytes(); // a Node Buffer: the same bytes, read unsigned as Node code expects
  assert.ok(Buffer.isBuffer(bytes));
  assert.deepEqual(Array.from(bytes), [128, 255, 0, 1, 127]);
  assert.deepEqual(Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)), [-128, -1, 0, 1, 127]);
  assert.equal(A.sumBytes(bytes), -1); // back into Java as the same signed bytes
  const shorts = A.shorts();
  assert.ok(shorts instanceof Int16Array);
  assert.deepEqual(Array.from(shorts), [-32768, -1, 0, 1, 32767]);
  const chars = A.chars();
  assert.ok(chars instanceof Uint16Array);
  assert.deepEqual(Array.from(chars), [0x68, 0x69, 0xD83C, 0xDF0D, 0, 0xFFFF]);
  const ints = A.ints();
  assert.ok(ints instanceof Int32Array);
  assert.deepEqual(Array.from(ints), [-2147483648, -1, 0, 1, 2147483647]);
  const longs = A.longs();
  assert.ok(longs instanceof BigInt64Array);
  assert.deepEqual(Array.from(longs), [-(2n ** 63n), -1n, 0n, 1n, 2n ** 63n - 1n]);
  const floats = A.floats();
  assert.ok(floats instanceof Float32Array);
  assert.deepEqual(Array.from(floats), [-1.5, 0, Math.fround(0.1), 3.4028234663852886e38]);
  const doubles = A.doubles();
  assert.ok(doubles instanceof Float64Array);
  assert.deepEqual(Array.from(doubles).slice(0, 4), [-1.5, 0, 0.1, Number.MAX_VALUE]);
  assert.ok(Number.isNaN(doubles[4]));
  const booleans = A.booleans();
  assert.ok(Array.isArray(booleans));
  assert.deepEqual(booleans, [true, false, true]);
  const strings = A.strings();
  assert.ok(Array.isArray(strings));
  assert.deepEqual(strings, ['a', 'β', '🌍', '', null]);
  const grid = A.grid();
  assert.ok(Array.isArray(grid));
  assert.equal(grid.length, 3);
  for (const row of grid) assert.ok(row instanceof Int32Array);
  assert.deepEqual(grid.map((r) => Array.from(r)), [[1, 2, 3], [], [4]]);
  const empty = A.emptyInts();
  assert.ok(empty instanceof Int32Array);
  assert.equal(empty.length, 0);
  assert.equal(A.nullInts(), null);
});

test('JS arrays, typed arrays and Buffers as array parameters', () => {
  assert.equal(A.sumBytes([1, -2, 127]), 126);
  assert.equal(A.sumBytes(Int8Array.of(-128, 1)), -127);
  assert.equal(A.utf8(Buffer.from('héllo 🌍', 'utf8')), 'héllo 🌍');
  assert.equal(A.sumShorts([1000, -2000]), -1000);
  assert.equal(A.sumShorts(Int16Array.of(-32768, 1)), -32767);
  assert.equal(A.charsToString(['h', 'i', '\0']), 'hi\0');
  assert.equal(A.charsToString(Uint16Array.of(0xD83C, 0xDF0D)), '🌍');
  assert.equal(A.sumInts([1, 2, 3]), 6);
  assert.equal(A.sumInts(Int32Array.of(2147483647, -2147483648)), -1);
  assert.equal(A.sumInts([]), 0);
  assert.equal(A.sumLongs([1, 2, 3n]), 6);
  assert.equal(A.sumLongs(BigInt64Array.of(1n, 2n ** 62n)), 2n ** 62n + 1n);
  assert.equal(A.showLongs([9223372036854775807n, -1]), '[9223372036854775807, -1]');
  assert.equal(A.sumFloats([1.5, 2.5]), 4);
  assert.equal(A.sumFloats(Float32Array.of(0.5, 0.25)), 0.75);
  assert.equal(A.sumDoubles([0.5, 0.25]), 0.75);
  assert.equal(A.sumDoubles(Float64Array.of(1e300, 1e300)), 2e300);
  assert.equal(A.countTrue([true, false, true, true]), 3);
  assert.equal(A.joinStrings(['a', 'β', '🌍']), 'a|β|🌍');
  assert.equal(A.joinStrings([]), '');
  assert.equal(A.sumGrid([[1, 2], [3], []]), 6);
  assert.equal(A.sumGrid([Int32Array.of(1, 2), [3]]), 6);
  assert.deepEqual(Array.from(A.reversed([1, 2, 3])), [3, 2, 1]);
  assert.equal(A.joinStrings(['a', null]), 'a|null');
  // Large arrays keep every element.
  assert.equal(A.sumInts(new Int32Array(1_000_000).fill(1)), 1_000_000);
  const big = A.reversed(Int32Array.from({ length: 100_000 }, (_, i) => i));
  assert.equal(big.length, 100_000);
  assert.equal(big[0], 99_999);
  assert.equal(big[99_999], 0);
  // Elements that do not fit the element type.
  assert.throws(() => A.sumInts(['x']), TypeError);
  assert.throws(() => A.sumInts([1, {}]), TypeError);
  rejectsValue(() => A.sumBytes([300]));
  // numbers beyond int range for long[]: safe integers are longs; a fraction or an unsafe integer
  // is a RangeError (the element's conversion), never a silent rounding; bigints pass
  assert.equal(A.sumLongs([2 ** 40, 1]), 2 ** 40 + 1);
  assert.equal(A.sumLongs([2 ** 53 - 1, -(2 ** 53 - 1)]), 0);
  assert.throws(() => A.sumLongs([2 ** 60]), RangeError);
  assert.throws(() => A.sumLongs([1.5, 2 ** 40]), RangeError);
  assert.equal(A.sumLongs([2n ** 60n, 1n]), 2n ** 60n + 1n);
  assert.throws(() => A.joinStrings([1, 2]), TypeError);
  assert.equal(A.sumInts([4, 5]), 9);
});
