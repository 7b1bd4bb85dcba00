'use strict';
// Numbers and dates (README "Marshaling"): BigInteger <-> bigint, BigDecimal from numbers,
// strings and bigints, long and Long (a Long object is a bigint; a long result a number unless
// it is beyond 2^53, or inside jvm.bigint), explicit Java boxes, jvm.newArray, out-of-range
// arguments as RangeErrors naming the parameter; JS Date <-> Date/Instant and the java.time types
// (local types in the JVM's default zone: the process's TZ), futures as promises, array overloads
// by their elements.

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadJvm, runNode, describeRun } = require('./helpers');

const jvm = loadJvm();
const V = jvm.testcases.values.ValueCases;

test('BigInteger <-> bigint, exactly, at any size and sign', () => {
  assert.equal(V.big('123456789012345678901234567890'), 123456789012345678901234567890n);
  assert.equal(V.big('-123456789012345678901234567890'), -123456789012345678901234567890n);
  assert.equal(V.big('0'), 0n);
  for (const b of [0n, 1n, -1n, 2n ** 63n, -(2n ** 64n), 2n ** 200n + 7n, -(2n ** 1000n)]) {
    assert.equal(V.bigText(b), b.toString());
    assert.equal(V.big(b.toString()), b);
  }
  assert.equal(V.bigText(12), '12'); // a number that is an integer
  assert.equal(V.bigText('123'), '123'); // a string of digits
  assert.throws(() => V.bigText(1.5), (e) => e instanceof RangeError && /1.5 is not an integer/.test(e.message));
  assert.throws(() => V.bigText('12x'), (e) => e instanceof TypeError && /'12x' is not an integer/.test(e.message));
  assert.equal(V.typeOf(2n ** 70n), 'BigInteger'); // a bigint beyond long for Object
});

test('BigDecimal from numbers (their shortest decimal), strings (exact) and bigints', () => {
  assert.equal(V.decText(0.1), '0.1'); // not 0.1000000000000000055511151231257827...
  assert.equal(V.decText(1.5), '1.5');
  assert.equal(V.decText('1.50'), '1.50');
  assert.equal(V.decText('123456789.123456789123456789'), '123456789.123456789123456789');
  assert.equal(V.decText(10n ** 30n), '1' + '0'.repeat(30));
  assert.throws(() => V.decText(NaN), (e) => e instanceof RangeError && /NaN/.test(e.message));
  assert.throws(() => V.decText(Infinity), RangeError);
  assert.throws(() => V.decText('abc'), TypeError);
  const d = V.nested().get('decimal'); // a BigDecimal result stays Java: exact, with its methods
  assert.equal(String(d), '12.50');
  assert.equal(d.scale(), 2);
  assert.equal(JSON.stringify({ d }), '{"d":"12.50"}');
});

test('long and Long: numbers while exact, bigints beyond; a Long object is a bigint', () => {
  assert.equal(V.primitiveLong(5), 5);
  assert.equal(V.primitiveLong(2 ** 53 - 1), 2 ** 53 - 1);
  assert.equal(V.primitiveLong(2n ** 62n), 2n ** 62n); // beyond 2^53: a bigint, never rounded
  assert.equal(V.primitiveLong(-(2n ** 63n)), -(2n ** 63n));
  assert.throws(() => V.primitiveLong(2 ** 60), (e) => e instanceof RangeError && /safe integer.*bigint/.test(e.message));
  assert.throws(() => V.primitiveLong(2n ** 63n), (e) => e instanceof RangeError && /-2\^63\.\.2\^63-1/.test(e.message));
  assert.equal(V.boxedLong(5), 5n);
  assert.equal(V.typeOf(V.boxedLong(5)), 'Long'); // the bigint goes back as a Long
  assert.equal(V.typeOf(5), 'Integer');
  assert.equal(V.typeOf(5.5), 'Double');
  // every long result a bigint inside jvm.bigint (nesting counts)
  assert.deepEqual(jvm.bigint(() => [V.primitiveLong(5), jvm.bigint(() => V.primitiveLong(6)), V.boxedLong(7)]), [5n, 6n, 7n]);
  assert.equal(V.primitiveLong(5), 5); // and back outside
  assert.throws(() => jvm.bigint(() => { throw new Error('inner'); }), /inner/);
  assert.equal(V.primitiveLong(5), 5); // restored after a throw
  assert.throws(() => jvm.bigint(5), TypeError);
});

test('a Long key round trip: map.get with a bigint or jvm.long finds what Java put', () => {
  const byId = V.byId();
  const [firstKey] = [...byId.keySet()];
  assert.equal(firstKey, 1n);
  assert.equal(byId.get(firstKey), 'one');
  assert.equal(byId.get(2n), 'two');
  const m = new jvm.java.util.HashMap();
  m.put(jvm.long(5), 'five');
  m.put(7n, 'seven');
  assert.equal(m.get(jvm.long(5)), 'five');
  assert.equal(m.get(5n), 'five');
  assert.equal(m.get(7n), 'seven');
  assert.equal(m.get(5), null); // a JS number 5 is an Integer: Java's equals tells them apart
  assert.deepEqual(jvm.toJS(m), new Map([[5n, 'five'], [7n, 'seven']]));
});

test('explicit Java boxes pick the box Java should see', () => {
  assert.equal(V.typeOf(jvm.long(5)), 'Long');
  assert.equal(V.typeOf(jvm.int(5)), 'Integer');
  assert.equal(V.typeOf(jvm.short(5)), 'Short');
  assert.equal(V.typeOf(jvm.byte(5)), 'Byte');
  assert.equal(V.typeOf(jvm.float(1.5)), 'Float');
  assert.equal(V.typeOf(jvm.double(2)), 'Double');
  assert.equal(V.typeOf(jvm.char('a')), 'Character');
  assert.equal(V.typeOf(jvm.boolean(true)), 'Boolean');
  assert.equal(V.takesLong(jvm.int(5)), 'long:5'); // unboxing and widening, as in Java
  assert.throws(() => V.takesByte(jvm.long(5)), TypeError); // never narrowing
  assert.throws(() => jvm.int(2 ** 40), RangeError);
  assert.throws(() => jvm.byte(128), RangeError);
  assert.throws(() => jvm.byte('x'), TypeError);
  assert.throws(() => jvm.char('ab'), TypeError);
  assert.throws(() => jvm.boolean(1), TypeError);
});

test('an out-of-range argument is a RangeError naming the value, the parameter and its range', () => {
  assert.throws(() => V.takesByte(300), (e) => e instanceof RangeError &&
    e.message === '300 does not fit parameter 1 of testcases.values.ValueCases.takesByte(byte): a Java byte holds integers -128..127');
  assert.throws(() => V.takesByte(1.5), (e) => e instanceof RangeError && /^1.5 \(not an integer\) does not fit parameter 1/.test(e.message));
  // through the selector form, among overloads, and for constructors
  assert.throws(() => V['takesByte(byte)'](300), (e) => e instanceof RangeError && /of testcases.values.ValueCases.takesByte\(byte\):/.test(e.message));
  assert.throws(() => jvm.java.lang.Integer.valueOf(2 ** 40), (e) => e instanceof RangeError &&
    /^1099511627776 does not fit parameter 1 of java.lang.Integer.valueOf\(int\): a Java int/.test(e.message));
  assert.throws(() => new jvm.java.util.ArrayList(2 ** 33), (e) => e instanceof RangeError && /of new java.util.ArrayList\(int\)/.test(e.message));
  // a value of the wrong kind stays a TypeError listing the candidates
  assert.throws(() => V.takesByte('1'), (e) => e instanceof TypeError && !(e instanceof RangeError) && /Candidates:/.test(e.message));
});

test('jvm.newArray makes Java arrays of any element type', () => {
  assert.equal(V.typeOf(jvm.newArray('int', [1, 2])), 'int[]');
  assert.equal(V.typeOf(jvm.newArray('java.lang.String', ['a'])), 'String[]');
  assert.equal(V.typeOf(jvm.newArray(V.Point, [{ x: 1, y: 2 }])), 'Point[]');
  assert.equal(V.typeOf(jvm.newArray('char', ['a', 'b'])), 'char[]');
  assert.equal(V.typeOf(jvm.newArray('long', [1n, 2])), 'long[]');
  assert.equal(String(jvm.java.util.Arrays.toString(jvm.newArray('double', [1.5]))), '[1.5]');
  assert.throws(() => jvm.newArray('void', []), /no arrays of void/);
  assert.throws(() => jvm.newArray('int', 'abc'), TypeError);
});

test('array overloads are chosen by the elements of a JS array', () => {
  assert.equal(V.pick([1, 2]), 'int[]');
  assert.equal(V.pick([1.5, 2]), 'double[]');
  assert.equal(V.pick(['ab', 'c']), 'String[]');
  assert.equal(V.pick([true, false]), 'boolean[]');
  assert.equal(V.pick([{}, 1]), 'Object[]');
  assert.equal(V.pick([1, 'a']), 'Object[]');
  assert.equal(V.pick(new Int32Array(2)), 'int[]');
  assert.equal(V.pick(new Float64Array(2)), 'double[]');
  assert.equal(V['pick(char[])'](['a', 'b']), 'char[]');
});

test('JS Date <-> java.util.Date and Instant; subclasses keep their type on the way in', () => {
  const d = V.date(1700000000123);
  assert.ok(d instanceof Date);
  assert.equal(d.getTime(), 1700000000123);
  assert.equal(V.instant(-1).toISOString(), '1969-12-31T23:59:59.999Z');
  assert.ok(V.timestamp(5) instanceof Date); // a Timestamp is a Date (sub-millisecond nanos are not kept)
  assert.equal(V.millis(new Date(77)), 77); // java.util.Date over Instant
  assert.equal(V['millis(java.time.Instant)'](new Date(78)), 78);
  assert.equal(V.timestampInfo(new Date(9)), 'Timestamp:9');
  assert.throws(() => V.millis(new Date(NaN)), (e) => e instanceof RangeError && /Invalid Date/.test(e.message));
  assert.ok(Number.isNaN(V.date(8.64e15 + 1).getTime())); // beyond what a JS Date holds: Invalid Date
  assert.equal(V.typeOf(new Date(0)), 'Date');
});

test('JS Date into java.time local types uses the JVM default zone, which is the process TZ', () => {
  const script = `
    const jvm = require(process.env.NAPI_JAVA_PACKAGE);
    jvm.configure({ classpath: [${JSON.stringify(require('./helpers').CLASSES)}] });
    const V = jvm.testcases.values.ValueCases;
    const at = new Date(Date.UTC(2024, 0, 15, 12, 30));
    console.log(JSON.stringify({ local: V.local(at), date: V.localDate(at), offset: V.offset(at),
      zoned: V.zoned(at), js: at.getHours() }));`;
  for (const [tz, local, offset, hours] of [['America/New_York', '2024-01-15T07:30', '-05:00', 7],
    ['Asia/Tokyo', '2024-01-15T21:30', '+09:00', 21], ['UTC', '2024-01-15T12:30', 'Z', 12]]) {
    const r = runNode(['-e', script], { env: { TZ: tz } });
    assert.equal(r.status, 0, describeRun(r));
    assert.deepEqual(r.json, {
      local, date: '2024-01-15', offset: `1705321800000@${offset}`, zoned: `1705321800000@${tz === 'UTC' ? 'UTC' : tz}`, js: hours,
    }, tz);
  }
});

test('java.time values that are not instants stay Java objects', () => {
  const ldt = jvm.java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5);
  assert.ok(!(ldt instanceof Date));
  assert.equal(String(ldt), '2024-01-02T03:04:05');
  assert.equal(ldt.getYear(), 2024);
});

test('a ScheduledFuture (any Future) is awaitable', async () => {
  const p = V.later('value', 20);
  assert.equal(typeof p.then, 'function');
  assert.equal(await p, 'value');
});
