'use strict';
// Values that should feel native (README "Marshaling"): Java collections, maps, iterators and
// streams as JS iterables, a List (and a Java array held by reference) as array-like, JSON and
// jvm.toJS; JS arrays as live List views, Map/Set/plain objects as Java copies; records from
// objects; enums; inspect that never throws; one proxy per JS object; Class parameters and the
// class loader a call from JS sees (Class.forName, ServiceLoader, jvm.load()ed jars).

const test = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const { loadJvm, buildExtra } = require('./helpers');

const jvm = loadJvm();
const V = jvm.testcases.values.ValueCases;

test('Java collections, iterators, enumerations and streams are JS iterables', () => {
  assert.deepEqual([...V.ints(5)], [0, 1, 2, 3, 4]);
  assert.deepEqual([...V.set()], ['x', 'y', 'z']);
  assert.deepEqual([...V.iterator()], ['i1', 'i2']);
  assert.deepEqual(Array.from(V.enumeration()), ['e1', 'e2', 'e3']);
  assert.deepEqual([...V.stream()], ['s1', 's2']);
  // a map iterates as [key, value] entries, destructured like a JS Map
  const seen = [];
  for (const [k, v] of V.counts()) seen.push(`${k}=${v}`);
  assert.deepEqual(seen, ['apples=3', 'pears=5']);
  assert.deepEqual(new Map(V.counts()), new Map([['apples', 3], ['pears', 5]]));
  // more than one chunk (256 elements per bridge call)
  const many = [...V.ints(1000)];
  assert.equal(many.length, 1000);
  assert.equal(many[999], 999);
  assert.deepEqual([...V.ints(0)], []);
});

test('iteration is lazy: a loop that breaks early reads no further ahead than it consumed', () => {
  let n = 0;
  for (const x of V.endless()) {
    assert.equal(x, ++n);
    if (n === 3) break;
  }
  assert.ok(V.pulled() <= 6, `an endless iterator was read ${V.pulled()} elements ahead for 3 taken`);
  const [a, b] = V.endless(); // destructuring takes two
  assert.deepEqual([a, b], [1, 2]);
  assert.ok(V.pulled() <= 3);
});

test('a java.util.List is array-like: length, list[i], writes, past the end', () => {
  const list = V.ints(4);
  assert.equal(list.length, 4);
  assert.equal(list[0], 0);
  assert.equal(list[3], 3);
  assert.equal(list[4], undefined); // as a JS array reads past its end
  list[1] = 10; // set(1, 10)
  list[4] = 40; // at the end: add
  assert.deepEqual([...list], [0, 10, 2, 3, 40]);
  assert.equal(list.size(), 5); // Java methods stay as they were
  assert.equal(list.get(1), 10);
  assert.throws(() => { list[9] = 1; }, (e) => e instanceof RangeError && /no holes/.test(e.message));
  assert.throws(() => { list.length = 0; }, (e) => e instanceof TypeError && /use add\/remove\/clear/.test(e.message));
  assert.equal(Array.prototype.indexOf.call(list, 40), 4); // array generics work on it
  assert.deepEqual(Array.prototype.map.call(list, (x) => x * 2), [0, 20, 4, 6, 80]);
});

test('jvm.toJS refuses a cyclic Java value with a TypeError (no stack overflow); a shared one is copied twice', () => {
  const ArrayList = jvm.java.util.ArrayList;
  const HashMap = jvm.java.util.HashMap;
  const self = new HashMap();
  self.put('self', self);
  assert.throws(() => jvm.toJS(self), { name: 'TypeError', message: /toJS: the value is cyclic/ });
  const list = new ArrayList();
  list.add(list);
  assert.throws(() => jvm.toJS(list), /cyclic/);
  const shared = new ArrayList();
  shared.add(1);
  const twice = new ArrayList();
  twice.add(shared);
  twice.add(shared);
  assert.deepEqual(jvm.toJS(twice), [[1], [1]], 'the same object twice, not inside itself: no cycle');
});

test('JSON.stringify and jvm.toJS give the data, deeply', () => {
  assert.equal(JSON.stringify(V.ints(3)), '[0,1,2]');
  assert.equal(JSON.stringify(V.counts()), '{"apples":3,"pears":5}');
  assert.equal(JSON.stringify(V.point(1, 2)), '{"x":1,"y":2}');
  assert.equal(JSON.stringify(V.Planet.EARTH), '"EARTH"');
  assert.deepEqual(jvm.toJS(V.counts()), { apples: 3, pears: 5 });
  assert.deepEqual(jvm.toJS(V.set()), ['x', 'y', 'z']);
  // non-string keys: a JS Map (Long keys are bigints)
  assert.deepEqual(jvm.toJS(V.byId()), new Map([[1n, 'one'], [2n, 'two']]));
  const byPoint = jvm.toJS(V.byPoint());
  assert.ok(byPoint instanceof Map);
  assert.deepEqual([...byPoint.entries()], [[{ x: 1, y: 2 }, 'a']]);
  const nested = jvm.toJS(V.nested());
  assert.deepEqual(nested.list, [1, 2]);
  assert.deepEqual(nested.point, { x: 3, y: 4 });
  assert.equal(nested.big, 2n ** 70n);
  assert.equal(nested.long, 5n);
  assert.ok(nested.when instanceof Date);
  assert.equal(nested.when.getTime(), 0);
  assert.equal(String(nested.planet), 'EARTH'); // enums stay Java constants
  assert.equal(String(nested.decimal), '12.50'); // BigDecimal stays exact
  // JSON: a bigint that is a safe integer as a number, a larger one as a string
  assert.deepEqual(JSON.parse(JSON.stringify(V.nested())), {
    list: [1, 2], point: { x: 3, y: 4 }, planet: 'EARTH', big: String(2n ** 70n), long: 5, decimal: '12.50',
    when: '1970-01-01T00:00:00.000Z',
  });
  // values that are not Java pass through
  assert.equal(jvm.toJS(5), 5);
  assert.deepEqual(jvm.toJS({ a: 1 }), { a: 1 });
});

test('records: components from a plain object, validated by the record itself', () => {
  assert.equal(V.describe({ x: 3, y: 4 }), 'Point[x=3, y=4]');
  const p = V.point(1, 2);
  assert.equal(p.x(), 1);
  assert.deepEqual(jvm.toJS(p), { x: 1, y: 2 });
  assert.equal(V.describe(p), 'Point[x=1, y=2]'); // a Java record passes as itself
  // nested: a List component from an array, a record component from an object
  assert.equal(V.describePerson({ name: 'Ada', age: 36, tags: ['math'], home: { x: 1, y: 1 } }),
    'Person[name=Ada, age=36, tags=[math], home=Point[x=1, y=1]]');
  assert.throws(() => V.describe({ x: 3 }), (e) => e instanceof TypeError && /has no property 'y'/.test(e.message));
  assert.throws(() => V.describe({ x: 1, y: 2, z: 3 }), (e) => e instanceof TypeError && /not components of it: \[z\]/.test(e.message));
  assert.throws(() => V.describe({ x: 'one', y: 2 }), (e) => e instanceof TypeError && /property 'x'.* takes a Java int, not a string/.test(e.message));
  assert.throws(() => V.describe({ x: 2 ** 40, y: 2 }), (e) => e instanceof RangeError && /property 'x'/.test(e.message));
  assert.throws(() => V.describe({ x: null, y: 2 }), (e) => e instanceof TypeError && /cannot be null/.test(e.message));
  // the record's compact constructor rejects it: its own exception
  assert.throws(() => V.describePerson({ name: 'a', age: -1, tags: [], home: { x: 0, y: 0 } }),
    (e) => e.name === 'java.lang.IllegalArgumentException' && /age must not be negative: -1/.test(e.message));
});

test('enums: constants, name(), JSON, a static member called name', () => {
  const earth = V.Planet.EARTH;
  assert.equal(earth.name(), 'EARTH');
  assert.equal(earth.ordinal(), 2);
  assert.equal(String(earth), 'EARTH');
  assert.equal(V.Planet.valueOf('VENUS').ordinal(), 1);
  assert.deepEqual([...V.Planet.values()].map((p) => p.name()), ['MERCURY', 'VENUS', 'EARTH']);
  assert.equal(util.inspect(earth), '[testcases.values.ValueCases.Planet: EARTH]');
  // a static Java method called name does not break the projection or inspect
  assert.equal(V.Named.name(), 'static name');
  assert.equal(util.inspect(V.named()), '[testcases.values.ValueCases.Named: a Named]');
  assert.equal(util.inspect(V.Named), '[Java class testcases.values.ValueCases.Named]');
});

test('inspect never throws: a toString that throws is reported, not raised', () => {
  const text = util.inspect(V.badToString());
  assert.match(text, /BadToString: toString\(\) threw java.lang.IllegalStateException/);
  assert.match(util.format('%o', [V.badToString()]), /toString\(\) threw/);
  assert.throws(() => String(V.badToString()), /toString fails/); // an explicit call still throws
});

test('a JS array passed as a List is a live view: Java changes are seen in JS', () => {
  const arr = [3, 1, 2];
  V.sortDescending(arr);
  assert.deepEqual(arr, [3, 2, 1]);
  const words = ['a'];
  V.append(words, 'b');
  V.append(words, 7);
  assert.deepEqual(words, ['a', 'b', 7]);
  assert.equal(V.join(['x', 'y']), 'x,y');
  assert.equal(V.size([1, 2, 3]), 3);
  assert.equal(V.size(new Set([1, 2])), 2);
});

test('Map, Set and plain objects become Java copies with converted values', () => {
  assert.equal(V.describeMap(new Map([['a', 1], ['b', 'x']])), 'LinkedHashMap{a=Integer:1,b=String:x}');
  assert.equal(V.describeMap({ a: 1, b: 2.5, c: null }), 'LinkedHashMap{a=Integer:1,b=Double:2.5,c=null}');
  assert.equal(V.describeSet(new Set([1, 2])), 'LinkedHashSet[1, 2]');
  // for Object: a plain object is a Map, a JS Map too
  assert.match(V.describeObject({ k: 'v' }), /^java.util.LinkedHashMap:\{k=v\}$/);
  assert.match(V.describeObject(new Map([[1, 2]])), /^java.util.LinkedHashMap:\{1=2\}$/);
  // a copy: Java's changes do not reach the JS object
  const m = new Map([['a', 1]]);
  V.describeMap(m);
  assert.equal(m.size, 1);
});

test('JS built-ins that Java has no counterpart for are refused with the reason', () => {
  for (const value of [/x/, new WeakMap(), new DataView(new ArrayBuffer(1))]) {
    assert.throws(() => V.describeObject(value), (e) => e instanceof TypeError && /built-in object/.test(e.message));
  }
  // and never implement an interface by accident
  assert.throws(() => V.area(new Error('x')), TypeError);
});

test('the same JS object is the same Java object: listeners can be removed', () => {
  const heard = [];
  const listener = { changed(what) { heard.push(what); } };
  class Counter { constructor() { this.n = 0; } changed() { this.n++; } }
  const counter = new Counter();
  const before = V.listeners();
  V.addListener(listener);
  V.addListener(counter);
  V.fire('a');
  assert.deepEqual(heard, ['a']);
  assert.equal(counter.n, 1);
  assert.equal(V.removeListener(listener), true);
  assert.equal(V.removeListener(listener), false);
  assert.equal(V.removeListener(counter), true);
  assert.equal(V.listeners(), before);
  // a JS function implementing the interface keeps its identity too
  const fn = (what) => heard.push(`fn:${what}`);
  V.addListener(fn);
  V.fire('b');
  assert.equal(V.removeListener(fn), true);
  assert.deepEqual(heard, ['a', 'fn:b']);
});

test('a projected class or Cls.class where Java expects a Class', () => {
  assert.equal(V.className(V.Point), 'testcases.values.ValueCases$Point');
  assert.equal(V.className(jvm.java.lang.String), 'java.lang.String');
  assert.equal(V.className(V.Point.class), 'testcases.values.ValueCases$Point');
  assert.equal(V.Point.class.getSimpleName(), 'Point');
  assert.equal(util.inspect(V.Point), '[Java class testcases.values.ValueCases.Point]');
  assert.ok(V.point(1, 2) instanceof V.Point);
  assert.throws(() => V.className('java.lang.String'), TypeError); // a string is not a Class
});

test('Class.forName from JS sees the class path and jvm.load()ed jars; ServiceLoader finds their providers', () => {
  const Class = jvm.java.lang.Class;
  assert.equal(Class.forName('testcases.values.ValueCases$Point').getName(), 'testcases.values.ValueCases$Point');
  assert.throws(() => Class.forName('testcases.extra.ExtraService'), (e) => e.name === 'java.lang.ClassNotFoundException');
  assert.deepEqual([...V.services()], []);
  const { jar } = buildExtra();
  jvm.load(jar);
  assert.equal(Class.forName('testcases.extra.ExtraService').getName(), 'testcases.extra.ExtraService');
  // ServiceLoader.load(Class) uses the thread's context class loader: on the JS thread and on
  // the pool threads of nameAsync calls, that is the loader JS sees
  assert.deepEqual([...V.services()], ['extra service']);
  return V.servicesAsync().then((names) => assert.deepEqual([...names], ['extra service']));
});

test('a Java array held by reference: length, index, iteration, inspect, range checks', () => {
  const a = jvm.newArray('int', [1, 2, 3]);
  assert.equal(a.length, 3);
  assert.equal(a[1], 2);
  assert.equal(a[3], undefined);
  a[1] = 20;
  assert.deepEqual([...a], [1, 20, 3]);
  assert.deepEqual(jvm.toJS(a), [1, 20, 3]);
  assert.equal(JSON.stringify(a), '[1,20,3]');
  assert.equal(util.inspect(a), '[Java int[3] [1, 20, 3]]');
  assert.throws(() => { a[1] = 2 ** 40; }, (e) => e instanceof RangeError && /element 1 of a Java int\[\]/.test(e.message));
  assert.throws(() => { a[3] = 1; }, (e) => e instanceof RangeError && /length 3/.test(e.message));
  assert.throws(() => { a[0] = 'x'; }, TypeError);
  const strings = jvm.newArray(jvm.java.lang.String, ['a', 'b']);
  assert.equal(util.inspect(strings), '[Java java.lang.String[2] [a, b]]');
  assert.equal(V.typeOf(strings), 'String[]');
  const long = jvm.newArray('long', Array.from({ length: 150 }, (_, i) => i));
  assert.match(util.inspect(long), /^\[Java long\[150\] \[0, 1, .*, 99, \.\.\. 50 more\]\]$/);
  assert.throws(() => jvm.newArray('byte', [1, 300]), RangeError);
  assert.throws(() => jvm.newArray('no.such.Type', []), (e) => /no\.such\.Type/.test(e.message));
});

test('a Java exception thrown by a JS implementation reaches Java as itself, and JS in the usual shape', () => {
  const { NoSuchElementException } = jvm.java.util;
  assert.equal(V.catching(() => { throw new NoSuchElementException('none left'); }), 'java.util.NoSuchElementException: none left');
  assert.equal(V.catchingChecked(() => { throw new jvm.java.io.IOException('disk'); }), 'IOException: disk'); // checked too
  assert.equal(V.catching(() => { throw new Error('plain'); }), 'dev.napijava.JSException: plain');
  // Java's Iterator contract implemented in JS: next() past the end throws NoSuchElementException
  let i = 0;
  assert.equal(V.drain({ hasNext: () => i < 3, next() { if (i++ >= 3) throw new NoSuchElementException(); return i; } }), 3);
  assert.throws(() => V.through(() => { throw new NoSuchElementException('gone'); }), (e) =>
    e instanceof Error && e.name === 'java.util.NoSuchElementException' && e.message === 'gone' &&
    e.javaException instanceof NoSuchElementException);
});

test('a value that fits no parameter is a TypeError naming the parameter', () => {
  assert.throws(() => V.takesByte('x'), (e) => e instanceof TypeError &&
    /takesByte\(byte\) -- parameter 1 \(byte\) does not take a string/.test(e.message));
  assert.throws(() => V.area(new Date()), (e) => e instanceof TypeError &&
    /parameter 1 \(testcases.values.ValueCases\$Shape\) does not take a Date/.test(e.message));
  assert.throws(() => V.takesByte(1, 2), (e) => /takesByte\(byte\) \(takes 1 argument\)/.test(e.message));
});

test('JDK APIs as their users call them: Arrays, EnumSet, List.of, Collections', () => {
  const { Arrays, EnumSet, List, Collections } = jvm.java.util;
  assert.equal(Arrays.toString(['a', 'b']), '[a, b]'); // Object[]: a JS string is a String
  assert.equal(Arrays.toString([1, 2]), '[1, 2]'); // int[]
  assert.equal(Arrays.stream([1, 2, 3]).sum(), 6); // IntStream from int[]
  assert.equal(Arrays.toString([1.5, 2]), '[1.5, 2.0]'); // double[]
  assert.equal(String(new jvm.java.lang.String(['h', 'i'])), 'hi'); // char[] where only it fits
  const planets = EnumSet.noneOf(V.Planet); // the projected class for Class<E>
  planets.add(V.Planet.EARTH);
  assert.deepEqual([...planets].map(String), ['EARTH']);
  assert.equal(EnumSet.allOf(V.Planet).size(), 3);
  assert.deepEqual([...List.of(1, 2, 3)], [1, 2, 3]);
  const sorted = [3, 1, 2];
  Collections.sort(sorted); // a live List view of the JS array
  assert.deepEqual(sorted, [1, 2, 3]);
  assert.equal(Collections.max([4, 9, 2]), 9);
  for (const [k, v] of V.counts().entrySet()) assert.equal(typeof k === 'string' && typeof v, 'number'); // entries destructure
});

test('hostile values for collections and Object: clear errors, nothing lost, nothing hangs', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => V.describeObject(cyclic), (e) => e instanceof RangeError && /is it cyclic/.test(e.message));
  const cyclicMap = new Map();
  cyclicMap.set('m', cyclicMap);
  assert.throws(() => V.describeObject(cyclicMap), RangeError);
  const cyclicArray = [];
  cyclicArray.push(cyclicArray);
  assert.throws(() => V.describeObject(cyclicArray), (e) => e instanceof TypeError && /cyclic array/.test(e.message));
  assert.throws(() => V.describeObject({ get a() { throw new Error('getter'); } }), /getter/); // propagates unchanged
  class Foo { constructor() { this.a = 1; } }
  assert.throws(() => V.describeObject(new Foo()), (e) => e instanceof TypeError && /does not take an object that is not plain/.test(e.message));
  assert.equal(V.describeObject(-0), 'java.lang.Double:-0.0'); // not Integer 0
  assert.equal(V.describeObject(2 ** 53), 'java.lang.Double:9.007199254740992E15');
  assert.equal(V.describeMap({ a: undefined, [Symbol('s')]: 1 }), 'LinkedHashMap{a=null}'); // symbol keys are not data
  assert.equal(V.join([, 'a', , 'b']), 'null,a,null,b'); // eslint-disable-line no-sparse-arrays -- holes read as null
  assert.throws(() => V.append(Object.freeze(['a']), 'b'), TypeError); // the live view obeys JS
  assert.throws(() => V.size(new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : undefined) })), /not a Java List size/);
});
