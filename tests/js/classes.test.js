'use strict';
// Classes as JS: namespaces, import, fields, nested/inner classes, interfaces, enums, varargs,
// instanceof, toString, identity, isJavaObject, the JVM facts and configure() after start.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { loadJvm } = require('./helpers');

const jvm = loadJvm();
const tc = jvm.testcases;

test('lazy namespaces: packages continue, classes are constructors, unknown names undefined', () => {
  assert.equal(typeof jvm.java.util.ArrayList, 'function');
  assert.equal(typeof jvm.java.util.concurrent.ConcurrentHashMap, 'function');
  assert.equal(typeof tc.Person, 'function');
  assert.equal(tc.NoSuchClassHere, undefined);
  assert.equal(jvm.java.util.NoSuchClassHere, undefined);
  // The same class always gives the same constructor.
  assert.equal(jvm.java.util.ArrayList, jvm.java.util.ArrayList);
  assert.equal(tc.Person, jvm.import('testcases.Person'));
  const list = new jvm.java.util.ArrayList();
  list.add('héllo 🌍');
  assert.equal(list.size(), 1);
  assert.equal(list.get(0), 'héllo 🌍');
});

test('jvm.import: classes, nested classes by $ and by dot, Error for a missing class', () => {
  assert.equal(jvm.import('java.util.HashMap'), jvm.java.util.HashMap);
  assert.equal(jvm.import('testcases.Inventory$Item'), tc.Inventory.Item);
  assert.equal(jvm.import('testcases.Inventory.Item'), tc.Inventory.Item);
  assert.throws(() => jvm.import('testcases.Nope'), (err) => {
    assert.ok(err instanceof Error);
    assert.match(err.message, /testcases\.Nope/);
    return true;
  });
});

test('instance fields: get and set', () => {
  const f = new tc.Fields();
  assert.equal(f.count, 0);
  f.count = 7;
  assert.equal(f.count, 7);
  assert.equal(f.getCount(), 7);
  assert.equal(f.name, 'initial');
  f.name = 'changed ✓';
  assert.equal(f.getName(), 'changed ✓');
  f.name = null;
  assert.equal(f.getName(), null);
  assert.equal(f.name, null);
  f.big = 2n ** 60n;
  assert.equal(f.getBig(), 2n ** 60n);
  f.big = 12;
  assert.equal(f.big, 12);
  f.ratio = 0.75;
  assert.equal(f.ratio, 0.75);
  f.flag = true;
  assert.equal(f.flag, true);
  assert.equal(f.letter, 'a');
  f.letter = 'z';
  assert.equal(f.getLetter(), 'z');
  const p = new tc.Person('Ada', 36);
  f.person = p;
  assert.equal(f.getPerson(), p);
  // An impossible value for a field type.
  assert.throws(() => { f.count = 'abc'; }, TypeError);
  assert.equal(f.count, 7);
});

test('final instance fields: readable, assignment throws TypeError', () => {
  const f = new tc.Fields();
  assert.equal(f.fixed, 42);
  assert.equal(f.fixedName, 'fixed name');
  assert.throws(() => { f.fixed = 1; }, TypeError);
  assert.throws(() => { f.fixedName = 'x'; }, TypeError);
  assert.equal(f.fixed, 42);
  assert.equal(f.fixedName, 'fixed name');
});

test('static fields: get and set; static final read-only', () => {
  assert.equal(tc.Fields.label, 'static label');
  tc.Fields.counter = 5;
  assert.equal(tc.Fields.counter, 5);
  assert.equal(tc.Fields.getCounter(), 5);
  tc.Fields.label = 'new label';
  assert.equal(tc.Fields.getLabel(), 'new label');
  assert.equal(tc.Fields.CONSTANT, 'constant');
  assert.equal(tc.Fields.ANSWER, 42);
  assert.equal(tc.Fields.BIG_CONSTANT, 9223372036854775807n);
  assert.throws(() => { tc.Fields.CONSTANT = 'x'; }, TypeError);
  assert.throws(() => { tc.Fields.ANSWER = 1; }, TypeError);
  assert.equal(tc.Fields.CONSTANT, 'constant');
  assert.equal(tc.Fields.ANSWER, 42);
  // JDK static finals.
  assert.equal(jvm.java.lang.Integer.MAX_VALUE, 2147483647);
  assert.equal(jvm.java.lang.Math.PI, Math.PI);
});

test('nested static class is a property of its outer class', () => {
  const { Inventory } = tc;
  const Item = Inventory.Item;
  assert.equal(typeof Item, 'function');
  const inv = new Inventory('me');
  inv.add(new Item('apple', 3)).add(Item.of('pear'));
  assert.equal(inv.size(), 2);
  assert.equal(inv.totalQuantity(), 4);
  const apple = inv.find('apple');
  assert.ok(apple instanceof Item);
  assert.equal(apple.quantity, 3);
  assert.equal(String(apple), 'apple x3');
  assert.equal(inv.find('kiwi'), null);
});

test('inner class takes the outer instance as first constructor argument', () => {
  const { Inventory } = tc;
  const inv = new Inventory('owner1');
  const slot = new Inventory.Slot(inv, 4);
  assert.equal(slot.index, 4);
  assert.equal(slot.describe(), 'owner1#4');
  assert.equal(slot.inventory(), inv);
});

test('interfaces: static methods, default methods, JDK interfaces', () => {
  const { Shape, Square, Circle } = tc;
  const unit = Shape.unit();
  assert.equal(unit.area(), 1);
  assert.ok(unit instanceof Square);
  const sq = new Square(2);
  assert.equal(sq.describe(), 'Square with area 4.0');  // default method
  assert.equal(new Circle(1).describe(), 'circle r=1.0'); // overridden default
  assert.equal(Shape.totalArea(sq, unit), 5);
  assert.equal(Shape.totalArea([sq, unit]), 5);  // array form, Java objects as elements
  const list = jvm.java.util.List.of(1, 2);
  assert.equal(list.size(), 2);
  assert.equal(list.get(1), 2);
  assert.ok(list instanceof jvm.java.util.List);
});

test('instanceof: class, superclass, interface, Object; negative cases', () => {
  const { Shape, Square, Circle, AbstractShape } = tc;
  const sq = new Square(3);
  assert.ok(sq instanceof Square);
  assert.ok(sq instanceof AbstractShape);
  assert.ok(sq instanceof Shape);
  assert.ok(sq instanceof jvm.java.lang.Object);
  assert.equal(sq instanceof Circle, false);
  assert.equal(sq instanceof jvm.java.util.List, false);
  assert.equal(sq.kind(), 'square');   // inherited from the superclass
  const list = new jvm.java.util.ArrayList();
  assert.ok(list instanceof jvm.java.util.List);
  assert.ok(list instanceof jvm.java.util.Collection);
  assert.ok(list instanceof jvm.java.util.AbstractList);
  assert.equal(list instanceof Shape, false);
  // A Java object obtained as Object still knows its class.
  const back = tc.Identity.echo(sq);
  assert.ok(back instanceof Square);
  assert.equal({} instanceof Shape, false);
});

test('enums: constants, identity, values(), methods, as parameters', () => {
  const { Color } = tc;
  assert.equal(Color.RED, Color.valueOf('RED'));
  assert.equal(Color.RED, Color.BLUE.next());
  assert.notEqual(Color.RED, Color.GREEN);
  assert.ok(Color.RED instanceof Color);
  assert.ok(Color.RED instanceof jvm.java.lang.Enum);
  const values = Color.values();
  assert.ok(Array.isArray(values));
  assert.equal(values.length, 3);
  assert.equal(values[0], Color.RED);
  assert.equal(values[2], Color.BLUE);
  assert.equal(Color.GREEN.name(), 'GREEN');
  assert.equal(Color.GREEN.ordinal(), 1);
  assert.equal(Color.RED.hex(), '#ff0000');
  assert.equal(String(Color.BLUE), 'BLUE');
  assert.equal(Color.mix(Color.RED, Color.BLUE), 0xff00ff);
  assert.equal(Color.isRed(Color.RED), true);
  assert.equal(Color.isRed(Color.GREEN), false);
  // a constant's name where Java takes the enum (Values.fromString); an unknown name names the constants
  assert.equal(Color.isRed('RED'), true);
  assert.equal(Color.mix('RED', Color.GREEN), 0xffff00);
  assert.throws(() => Color.isRed('PURPLE'), (err) => {
    assert.ok(err instanceof TypeError, String(err));
    assert.match(err.message, /'PURPLE' is no constant of the Java enum testcases\.Color \(RED, GREEN, BLUE\)/);
    return true;
  });
  assert.throws(() => Color.valueOf('PURPLE'), (err) => {
    assert.equal(err.name, 'java.lang.IllegalArgumentException');
    return true;
  });
});

test('varargs: spread and array forms', () => {
  const { Varargs } = tc;
  assert.equal(Varargs.join(',', 'a', 'b', 'c'), 'a,b,c');
  assert.equal(Varargs.join(',', ['a', 'b']), 'a,b');
  assert.equal(Varargs.join(','), '');
  assert.equal(Varargs.join('-', 'solo'), 'solo');
  assert.equal(Varargs.sum(1, 2, 3), 6);
  assert.equal(Varargs.sum([1, 2, 3, 4]), 10);
  assert.equal(Varargs.sum(Int32Array.of(5, 6)), 11);
  assert.equal(Varargs.sum(), 0);
  assert.equal(Varargs.count(), 0);
  assert.equal(Varargs.count(1, 'a', null), 3);
  assert.equal(Varargs.format('%s=%d', 'a', 1), 'a=1');
  assert.equal(jvm.java.lang.String.format('%s=%d', 'a', 1), 'a=1');
  assert.equal(jvm.java.lang.String.format('%s and %s', ['x', 'y']), 'x and y');
  assert.throws(() => Varargs.sum(1, 'two'), TypeError);
});

test('toString: String(), template literals and .toString() use Java toString()', () => {
  const p = new tc.Person('Ada', 36);
  assert.equal(String(p), 'Person(Ada, 36)');
  assert.equal(`${p}`, 'Person(Ada, 36)');
  assert.equal(p.toString(), 'Person(Ada, 36)');
  assert.equal(`${p.older(1)}!`, 'Person(Ada, 37)!');
  const map = new jvm.java.util.TreeMap();
  map.put('k', 'v');
  assert.equal(`${map}`, '{k=v}');
});

test('identity: the same Java object is the same JS object', () => {
  const { Identity } = tc;
  assert.equal(Identity.shared(), Identity.shared());
  assert.notEqual(Identity.fresh(), Identity.fresh());
  const a = new Identity('a');
  assert.equal(a.self(), a);
  assert.equal(Identity.echo(a), a);
  assert.equal(Identity.same(a, a), true);
  assert.equal(Identity.same(a, new Identity('a')), false);
  const both = Identity.twice(a);
  assert.equal(both[0], a);
  assert.equal(both[1], a);
  a.keep(Identity.shared());
  assert.equal(a.kept(0), Identity.shared());
  const map = new jvm.java.util.HashMap();
  const k = new jvm.java.lang.Object();
  const v = new jvm.java.util.ArrayList();
  map.put(k, v);
  assert.equal(map.get(k), map.get(k));
  assert.equal(map.get(k), v);
});

test('jvm.isJavaObject', () => {
  const p = new tc.Person('x', 1);
  assert.equal(jvm.isJavaObject(p), true);
  assert.equal(jvm.isJavaObject(tc.Color.RED), true);
  assert.equal(jvm.isJavaObject(new jvm.java.util.ArrayList()), true);
  for (const v of [1, 'x', null, undefined, {}, [], 1n, true, () => {}, new Int32Array(1)]) {
    assert.equal(jvm.isJavaObject(v), false, `isJavaObject(${typeof v})`);
  }
  // Strings and boxes come back as JS values, not wrappers.
  assert.equal(jvm.isJavaObject(jvm.java.lang.String.valueOf(12)), false);
  assert.equal(jvm.isJavaObject(tc.Primitives.boxedInt()), false);
});

// The addon wraps more than Java objects (projected constructors, the memory of shared buffers):
// only a wrapper of a Java object is one, whatever else napi_unwrap finds in a value.
test('values the addon wrapped for other reasons are not Java objects', () => {
  const p = new tc.Person('x', 1);
  const shared = jvm.allocateBuffer(16); // its ArrayBuffer carries the buffer code's wrap
  assert.equal(jvm.isJavaObject(shared.buffer), false);
  assert.equal(jvm.isJavaObject(p), true);
  for (const [what, v] of [['a projected constructor', tc.Person], ['a shared buffer', shared.buffer]]) {
    assert.throws(() => tc.Person.prototype.getName.call(v), TypeError, what);
    assert.throws(() => Object.getOwnPropertyDescriptor(tc.Person.prototype, 'age').get.call(v), TypeError, what);
  }
  assert.equal(jvm.java.lang.String.valueOf(tc.Person), 'class testcases.Person'); // a constructor: its Class
  assert.equal(jvm.java.lang.String.valueOf(p), 'Person(x, 1)');
  assert.equal(p.getName(), 'x');
});

test('jvm.javaVersion and jvm.javaHome describe the running JVM', () => {
  assert.equal(typeof jvm.javaVersion, 'string');
  const major = parseInt(jvm.javaVersion, 10);
  assert.ok(major >= 17, `javaVersion ${jvm.javaVersion}`);
  const running = jvm.java.lang.System.getProperty('java.version');
  assert.ok(running.startsWith(String(major)), `javaVersion ${jvm.javaVersion} vs java.version ${running}`);
  assert.equal(typeof jvm.javaHome, 'string');
  assert.ok(fs.statSync(jvm.javaHome).isDirectory());
  assert.equal(fs.realpathSync(jvm.javaHome),
    fs.realpathSync(jvm.java.lang.System.getProperty('java.home')));
  if (process.env.JAVA_HOME) {
    assert.equal(fs.realpathSync(jvm.javaHome), fs.realpathSync(process.env.JAVA_HOME));
  }
});

test('jvm.stats().liveObjects counts Java objects referenced from JS', () => {
  const before = jvm.stats().liveObjects;
  assert.equal(typeof before, 'number');
  const held = [];
  for (let i = 0; i < 100; i++) held.push(new jvm.java.lang.Object());
  const after = jvm.stats().liveObjects;
  assert.ok(after >= before + 100, `before=${before} after=${after}`);
  assert.equal(held.length, 100);
});

test('jvm.configure after the JVM started throws', () => {
  assert.equal(jvm.java.lang.Math.abs(-1), 1);  // started
  assert.throws(() => jvm.configure({ classpath: ['/tmp'] }), Error);
  assert.throws(() => jvm.configure({ jvmOptions: ['-Xmx64m'] }), Error);
  // Still works afterwards.
  assert.equal(jvm.java.lang.Math.abs(-2), 2);
});

test('members named like JS function properties (name, length) are the Java members', () => {
  const { Clashes } = tc;
  assert.equal(Clashes.name, 'static field called name');
  Clashes.name = 'renamed';
  assert.equal(Clashes.name, 'renamed');
  assert.equal(Clashes.length(), 3);
  assert.equal(new Clashes().name(), 'instance method called name');
});
