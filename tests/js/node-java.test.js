'use strict';
// require('node-api-java/node-java'): node-java's API on the bridge. In this process: the default
// suffix scheme (Sync / callback / no promises), values in node-java's shapes (long Numbers, views,
// signed bytes), errors with the Java cause, JNI signatures, proxies called from Java threads,
// hostile input. In child processes: each suffix scheme (read once, at the JVM's start), the client
// hooks of ensureJvm, a live proxy that must not keep Node running, require/import by package name
// and the typings under tsc --strict. Cases: tests/src/main/java/testcases/NodeJavaCases.java.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { PACKAGE, CLASSES, TESTS_DIR, runFixture, runNode, describeRun, project, tscRun, expectTscErrors, buildExtra, tempDir } = require('./helpers');

const java = require(path.join(PACKAGE, 'node-java'));
const CASES = 'testcases.NodeJavaCases';
java.classpath.push(CLASSES);
java.options.push('-Dnode.java.case=yes');

test('before the JVM: isJvmCreated is false, classpath and options are plain arrays; the first call starts it', () => {
  assert.equal(java.isJvmCreated(), false);
  assert.equal(typeof java.onJvmCreated, 'function');
  assert.ok(java.classpath.includes(CLASSES));
  assert.equal(java.callStaticMethodSync('java.lang.System', 'getProperty', 'node.java.case'), 'yes');
  assert.equal(java.isJvmCreated(), true);
  assert.equal(java.onJvmCreated, undefined); // node-java removes the hook once it ran
  assert.throws(() => { java.classpath = ['x']; }, /cannot be changed once the JVM is created/);
  assert.throws(() => { java.options = ['-Xmx1g']; }, /cannot be changed once the JVM is created/);
  assert.throws(() => java.registerClient(() => {}), /after JVM already created/);
  assert.ok(fs.existsSync(java.nativeBindingLocation));
});

test('objects: Sync and callback methods, fields, String(obj), inspect', async () => {
  const obj = java.newInstanceSync(CASES, 3);
  assert.equal(obj.greetSync('ann'), 'hi ann x3');
  assert.equal(obj.count, 3);
  obj.count = 5;
  assert.equal(obj.greetSync('bob'), 'hi bob x5');
  assert.equal(await util.promisify(obj.greet).call(obj, 'cy'), 'hi cy x5');
  assert.equal(obj.greet('dee'), '"Method \'greet\' called without a callback did you mean to use the Sync version?"');
  assert.equal(obj.toString().startsWith('testcases.NodeJavaCases@'), true); // toString without a callback is sync
  assert.match(util.inspect(obj), /^nodeJava_testcases_NodeJavaCases \[testcases\.NodeJavaCases: /);
  assert.equal(obj.getClassSync().getNameSync(), CASES);
  assert.equal(java.callMethodSync(obj, 'greet', 'eve'), 'hi eve x5');
  const viaCallback = await new Promise((resolve, reject) => java.callMethod(obj, 'greet', 'fay', (e, r) => (e ? reject(e) : resolve(r))));
  assert.equal(viaCallback, 'hi fay x5');
  assert.equal(await util.promisify(java.newInstance)(CASES, 8).then((o) => o.count), 8);
});

test('longs are Number objects with the exact longValue, and go back into Java exactly', () => {
  const big = java.callStaticMethodSync(CASES, 'big');
  assert.ok(big instanceof Number);
  assert.equal(big.longValue, '9223372036854775807');
  assert.equal(java.callStaticMethodSync(CASES, 'small') + 1, 43); // arithmetic on the Number
  assert.equal(java.callStaticMethodSync(CASES, 'twice', java.callStaticMethodSync(CASES, 'small')).longValue, '84');
  // a long beyond 2^53 passed back is the exact long, not the rounded Number
  assert.equal(java.callStaticMethodSync(CASES, 'nextLong', java.callStaticMethodSync(CASES, 'longs')[1]).longValue, '2');
  const minPlusOne = java.callStaticMethodSync(CASES, 'nextLong', java.callStaticMethodSync(CASES, 'longs')[0]);
  assert.equal(minPlusOne.longValue, '-9223372036854775807');
  const boxed = java.newInstanceSync('java.lang.Long', '12345678901234567');
  assert.equal(boxed.longValue, '12345678901234567');
  const newLong = java.newLong(7);
  assert.equal(newLong.getClassSync().getNameSync(), 'java.lang.Long');
  assert.equal(java.callStaticMethodSync(CASES, 'kind', newLong), 'Long');
  // long[] elements are java.lang.Long objects, as node-java gives them
  assert.deepEqual(java.callStaticMethodSync(CASES, 'longs').map((l) => l.toStringSync()), ['-9223372036854775808', '1']);
});

test('values: signed byte[], Object[] element by element, boxes made on purpose, arrays by node-java\'s element rule', () => {
  assert.deepEqual([...java.callStaticMethodSync(CASES, 'bytes')], [-1, 2]);
  const objects = java.callStaticMethodSync(CASES, 'objects');
  assert.deepEqual(objects.slice(0, 3), ['s', 3, 4.5]);
  assert.equal(objects[3].longValue, '9223372036854775807');
  assert.equal(objects[4].count, 9);
  for (const [box, cls] of [[java.newByte(1), 'Byte'], [java.newShort(2), 'Short'], [java.newFloat(1.5), 'Float'],
    [java.newDouble(2.5), 'Double'], [java.newChar(97), 'Character'], [java.newChar('b'), 'Character']]) {
    assert.equal(java.callStaticMethodSync(CASES, 'classOf', box), `java.lang.${cls}`);
  }
  assert.equal(java.newChar(97).toStringSync(), 'a');
  // newArray: a Java array by reference, with length, elements by index and the Java methods
  const ints = java.newArray('int', [1, 2, 3]);
  assert.equal(ints.length, 3);
  assert.equal(ints.getClassSync().getNameSync(), '[I');
  ints[1] = 20;
  assert.deepEqual([ints[0], ints[1], ints[2], ints[3]], [1, 20, 3, undefined]);
  assert.throws(() => { ints[5] = 1; }, RangeError);
  assert.equal(java.callStaticMethodSync('java.util.Arrays', 'toString([I)Ljava/lang/String;', ints), '[1, 20, 3]');
  const objs = java.newArray('testcases.NodeJavaCases', [java.newInstanceSync(CASES, 1), null]);
  assert.equal(objs[0].count, 1);
  assert.equal(objs[1], null);
  assert.equal(java.callStaticMethodSync(CASES, 'elements', ['a', 'b']), 'String2');
  assert.equal(java.callStaticMethodSync(CASES, 'elements', [1, 2.5]), 'Number2');
  assert.equal(java.callStaticMethodSync(CASES, 'elements', [true, 'x']), 'Object2');
  assert.equal(java.callStaticMethodSync(CASES, 'elements', []), 'Object0');
});

test('dates, BigInteger and streams stay Java objects, as node-java gives them (also through Object and collections)', () => {
  const ts = java.callStaticMethodSync('java.sql.Timestamp', 'valueOf', '2020-01-02 03:04:05.123456789');
  assert.equal(ts.getNanosSync(), 123456789); // a JS Date would have kept milliseconds only
  assert.equal(ts.toStringSync(), '2020-01-02 03:04:05.123456789');
  const date = java.newInstanceSync('java.util.Date', 86_400_000);
  assert.equal(date.getTimeSync().longValue, '86400000');
  const list = java.newInstanceSync('java.util.ArrayList');
  list.addSync(date);
  assert.equal(list.getSync(0).equalsSync(date), true);
  assert.equal(java.callStaticMethodSync('java.time.Instant', 'ofEpochSecond', 3).toStringSync(), '1970-01-01T00:00:03Z');
  const big = java.newInstanceSync('java.math.BigInteger', '123456789012345678901234567890');
  assert.equal(big.multiplySync(big).toStringSync(), '15241578753238836750495351562536198787501905199875019052100');
  const input = java.newInstanceSync('java.io.ByteArrayInputStream', java.newArray('byte', [7, -1]));
  assert.deepEqual([input.readSync(), input.readSync(), input.readSync()], [7, 255, -1]);
  // the mode is the process's: the package's own root sees Java objects for these too
  const root = require(PACKAGE);
  assert.equal(root.isJavaObject(root.java.sql.Timestamp.valueOf('2020-01-02 03:04:05')), true);
});

test('classpath.push and pushDir once the JVM runs load the jars (node-java ignores them): their classes resolve', () => {
  const extra = buildExtra();
  assert.throws(() => java.import('testcases.extrafolder.FolderThing'), /Could not create class/);
  java.classpath.push(extra.folder);
  assert.equal(java.callStaticMethodSync('testcases.extrafolder.FolderThing', 'where'), 'folder');
  const jars = tempDir('node-java-jars');
  fs.copyFileSync(extra.jar, path.join(jars, 'extra.jar'));
  java.classpath.pushDir(jars);
  assert.ok(java.classpath.includes(path.join(jars, 'extra.jar')));
  assert.equal(typeof java.import('testcases.extra.Extra'), 'function');
  assert.throws(() => java.classpath.push('/no/such.jar'), /no\/such\.jar/);
  assert.ok(!java.classpath.includes('/no/such.jar'));
});

test('a real library: JDBC on H2, node-java style (late classpath push, prepared statements, long and timestamp columns, callbacks)', async () => {
  const h2 = path.join(TESTS_DIR, 'target', 'jars', 'h2.jar');
  assert.ok(fs.existsSync(h2), `${h2} is missing: run 'mvn -pl tests -am process-test-resources'`);
  java.classpath.push(h2);
  const conn = java.callStaticMethodSync('java.sql.DriverManager', 'getConnection', 'jdbc:h2:mem:nodejava');
  const st = conn.createStatementSync();
  st.executeUpdateSync('create table t (id bigint primary key, name varchar(20), at timestamp(9))');
  const ps = conn.prepareStatementSync('insert into t values (?, ?, ?)');
  ps.setLongSync(1, java.newLong(9007199254740993n)); // beyond 2^53
  ps.setStringSync(2, 'héllo 🌍');
  ps.setTimestampSync(3, java.callStaticMethodSync('java.sql.Timestamp', 'valueOf', '2020-01-02 03:04:05.123456789'));
  assert.equal(ps.executeUpdateSync(), 1);
  const rs = await util.promisify(st.executeQuery).call(st, 'select id, name, at from t');
  assert.equal(rs.nextSync(), true);
  assert.equal(rs.getLongSync(1).longValue, '9007199254740993');
  assert.equal(rs.getStringSync('name'), 'héllo 🌍');
  assert.equal(rs.getTimestampSync(3).getNanosSync(), 123456789);
  assert.equal(rs.getObjectSync(1).longValue, '9007199254740993'); // a Long through Object
  assert.equal(rs.nextSync(), false);
  assert.throws(() => st.executeQuerySync('select nope from t'),
    (e) => java.instanceOf(e.cause, 'java.sql.SQLException') && /Column "NOPE" not found/i.test(e.message));
  conn.closeSync();
});

test('import: statics under the suffixes, static fields, nested classes and enums, reserved names with "_"', async () => {
  const Cases = java.import(CASES);
  assert.equal(Cases.bigSync().longValue, '9223372036854775807');
  assert.equal(await util.promisify(Cases.twice)(21).then((v) => v.longValue), '42');
  assert.equal(Cases.label, 'start');
  Cases.label = 'changed';
  assert.equal(java.getStaticFieldValue(CASES, 'label'), 'changed');
  java.setStaticFieldValue(CASES, 'label', 'start');
  assert.equal(Cases.length_, 11); // the static field `length` (a function's own length is read-only)
  Cases.length_ = 12;
  assert.equal(java.getStaticFieldValue(CASES, 'length'), 12);
  java.setStaticFieldValue(CASES, 'length', 11);
  assert.equal(Cases.nameSync(), 'static name()');
  assert.equal(await util.promisify(Cases.name_)(), 'static name()');
  assert.equal(Cases.name, 'javaClassConstructorProxy');
  assert.equal(Cases.Inner.VALUE, 3);
  assert.equal(Cases.Mode.FAST.nameSync(), 'FAST');
  assert.equal(Cases.Mode.caller_.toString(), 'caller');
  assert.equal(new Cases(6).count, 6);
  assert.equal(Cases.class.getNameSync(), CASES);
  assert.equal(java.import(CASES), Cases);
});

test('JNI signatures select one overload', () => {
  assert.equal(java.callStaticMethodSync(CASES, 'kind(I)Ljava/lang/String;', 1), 'int');
  assert.equal(java.callStaticMethodSync(CASES, 'kind(D)Ljava/lang/String;', 1), 'double');
  assert.equal(java.callStaticMethodSync(CASES, 'kind(Ljava/lang/Long;)Ljava/lang/String;', java.newLong(1)), 'Long');
  assert.equal(java.callStaticMethodSync(CASES, 'kind', 'x'), 'String');
  assert.equal(java.callStaticMethodSync('java.lang.String', 'valueOf([C)Ljava/lang/String;', java.newArray('char', ['h', 'é'])), 'hé');
  assert.throws(() => java.callStaticMethodSync(CASES, 'kind(Z)Ljava/lang/String;', true), /Could not find method "kind\(Z\)/);
  assert.throws(() => java.callStaticMethodSync(CASES, 'kind(Lunterminated', 1), /Could not find method/);
  // a fraction into an int is refused (node-java truncates it): docs/NODE-JAVA.md
  assert.throws(() => java.callStaticMethodSync(CASES, 'kind(I)Ljava/lang/String;', 1.5), RangeError);
});

test('errors: message with the Java stack trace, cause = the Java exception, in every form', async () => {
  let thrown;
  try {
    java.callStaticMethodSync(CASES, 'fail', 'disk full');
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error);
  assert.equal(thrown.cause.getClassSync().getNameSync(), 'java.io.IOException');
  assert.equal(thrown.cause.getMessageSync(), 'disk full');
  assert.match(thrown.message, /^Error running static method\njava\.io\.IOException: disk full\n\tat testcases\.NodeJavaCases\.fail/);
  assert.match(thrown.message, /Caused by: java\.lang\.IllegalStateException: the root cause/);
  assert.equal(java.instanceOf(thrown.cause, 'java.lang.Exception'), true);
  const viaCallback = await new Promise((resolve) => java.callStaticMethod(CASES, 'fail', 'cb', (e, r) => resolve({ e, r })));
  assert.equal(viaCallback.r, undefined);
  assert.equal(viaCallback.e.cause.getMessageSync(), 'cb');
  await assert.rejects(util.promisify(java.import(CASES).fail)('p'), (e) => e.cause.getMessageSync() === 'p');
  // the callback form called without a callback: node-java drops the outcome; a failure warns here
  const warned = new Promise((resolve) => process.once('warning', resolve));
  assert.match(java.callStaticMethod(CASES, 'fail', 'unheard'), /called without a callback/);
  const warning = await warned;
  assert.equal(warning.name, 'NodeJavaWarning');
  assert.match(warning.message, /java\.io\.IOException: unheard/);
  assert.throws(() => java.newInstanceSync('java.io.FileInputStream', '/no/such/file'),
    (e) => /^Error creating class java\.io\.FileInputStream\njava\.io\.FileNotFoundException/.test(e.message));
});

test('async calls run on the bridge\'s pool: the JS thread is free meanwhile', async () => {
  const Cases = java.import(CASES);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const results = await Promise.all([1, 2, 3, 4].map((i) => util.promisify(Cases.echoLater)(`c${i}`, 150)));
  clearInterval(timer);
  assert.ok(ticks > 3, `the event loop ran ${ticks} timer ticks during the calls`);
  for (const [i, r] of results.entries()) assert.match(r, new RegExp(`^c${i + 1} on (?!main)`));
});

test('newProxy: called from 16 Java threads at once (queued to the JS thread), defaults, unref', async () => {
  const seen = new Set();
  const proxy = java.newProxy('testcases.NodeJavaCases$Callback', {
    apply(v, thread) {
      seen.add(thread);
      return v * 10;
    },
  });
  // the callback form: the call waits on a pool thread while the JS thread runs the proxy calls
  const sum = await util.promisify(java.import(CASES).callFromThreads)(proxy, 16);
  assert.equal(sum, 10 * (16 * 17) / 2);
  assert.equal(seen.size, 16);
  for (const name of seen) assert.match(name, /^node-java-case-\d+$/);
  assert.equal(java.callStaticMethodSync(CASES, 'callOnThisThread', proxy, 4), 40); // on the JS thread: directly
  assert.equal(proxy.invocationHandler.apply(2, 't'), 20);
  // Object's methods without JS functions: identity equals and identity hash, as node-java
  assert.equal(java.callStaticMethodSync(CASES, 'proxyEquals', proxy, proxy), true);
  assert.equal(java.callStaticMethodSync(CASES, 'proxyEquals', proxy, java.newProxy('java.lang.Runnable', {})), false);
  assert.equal(java.callStaticMethodSync(CASES, 'proxyHash', proxy), 1);
  const named = java.newProxy('java.lang.Runnable', { toString: () => 'my runnable', run() {} });
  assert.equal(java.callStaticMethodSync('java.lang.String', 'valueOf(Ljava/lang/Object;)Ljava/lang/String;', named), 'my runnable');
  // a JS throw reaches Java as an exception, and JS as an error with the Java cause
  const thrower = java.newProxy('testcases.NodeJavaCases$Callback', { apply() { throw new Error('from JS'); } });
  assert.throws(() => java.callStaticMethodSync(CASES, 'callOnThisThread', thrower, 1), /from JS/);
  // a method the functions object lacks
  const empty = java.newProxy('testcases.NodeJavaCases$Callback', {});
  assert.throws(() => java.callStaticMethodSync(CASES, 'callOnThisThread', empty, 1),
    (e) => /Could not find js function apply/.test(e.message) && java.instanceOf(e.cause, 'java.lang.NoSuchMethodError'));
  proxy.unref();
  assert.throws(() => proxy.invocationHandler, /dynamicProxyData has been destroyed/);
  assert.throws(() => java.callStaticMethodSync(CASES, 'callOnThisThread', proxy, 1),
    (e) => java.instanceOf(e.cause, 'java.lang.IllegalStateException') && /unref\(\)ed/.test(e.message));
});

test('a sync call that waits for a proxy call from another Java thread fails with the fix named, not a hang', () => {
  const proxy = java.newProxy('testcases.NodeJavaCases$Callback', { apply: (v) => v });
  const started = Date.now();
  assert.throws(() => java.callStaticMethodSync(CASES, 'callFromOtherThread', proxy), /Async/);
  assert.ok(Date.now() - started < 30_000);
});

test('hostile input: clear errors, never a crash', () => {
  assert.throws(() => java.callStaticMethodSync('no.such.Klass', 'x'), /Could not create class no\.such\.Klass/);
  assert.throws(() => java.newInstanceSync('no.such.Klass'), /Could not create class no\.such\.Klass/);
  assert.throws(() => java.findClassSync('java.util.MissingClass'), /Could not create class java\.util\.MissingClass/);
  assert.throws(() => java.callStaticMethodSync(CASES, 'noSuchMethod', 1), /Could not find method "noSuchMethod\(number\)" on class "testcases\.NodeJavaCases"/);
  assert.throws(() => java.callStaticMethodSync(CASES, 'twice', 'not a number'), TypeError);
  assert.throws(() => java.callStaticMethodSync(CASES, 'twice', 2 ** 60), RangeError);
  assert.throws(() => java.callMethodSync({}, 'toString'), /not a Java object/);
  assert.throws(() => java.callMethodSync(null, 'toString'), /not a Java object/);
  assert.throws(() => java.newProxy('java.lang.Runnable', null), TypeError);
  assert.throws(() => java.newProxy('no.such.Iface', {}), /Could not create class no\.such\.Iface/);
  assert.throws(() => java.newProxy('java.lang.String', {}), /java\.lang\.String is a class, not an interface/);
  assert.throws(() => java.callStaticMethodSync('java.lang.Math', 5), /takes a method name string, got number/);
  assert.throws(() => java.callMethodSync(java.newLong(1)), /takes a method name string, got undefined/);
  assert.throws(() => java.getStaticFieldValue('java.lang.Math', ''), /takes a field name string, got an empty string/);
  assert.throws(() => java.newInstanceSync('java.util.ArrayList').sizeSync.call({}), /not a Java object/);
  assert.throws(() => java.newByte(300), RangeError);
  assert.throws(() => java.newLong(2 ** 70), /pass a bigint/);
  assert.equal(java.newLong(2n ** 62n).longValueSync().longValue, String(2n ** 62n));
  // JS -> Java -> JS recursion until the stack ends: an error, no crash
  const deep = java.newProxy('java.util.function.IntUnaryOperator', {
    applyAsInt: (v) => (v <= 0 ? 0 : 1 + java.callMethodSync(deep, 'applyAsInt', v - 1)),
  });
  assert.equal(java.callMethodSync(deep, 'applyAsInt', 50), 50);
  assert.throws(() => java.callMethodSync(deep, 'applyAsInt', 1e6), RangeError);
  assert.throws(() => java.newArray('int', 'abc'), TypeError);
  assert.throws(() => java.newArray('int', ['x']), TypeError);
  assert.throws(() => java.getStaticFieldValue(CASES, 'noSuchField'), /Could not find field "noSuchField"/);
  assert.throws(() => java.instanceOf(java.newLong(1), 'no.such.Klass'), /Could not create class/);
  assert.equal(java.instanceOf({}, 'java.lang.Object'), false);
  assert.equal(java.instanceOf(5, 'java.lang.Object'), false);
  assert.equal(java.instanceOf([1], 'java.lang.Object'), false); // not turned into a Java array on the way
  assert.equal(java.instanceOf(require(PACKAGE).java.util.List.of(1), 'java.util.List'), true); // the root's own objects
  assert.throws(() => java.ensureJvm('not a function'), /requires its one argument to be a callback function/);
  const reported = [];
  java.callStaticMethod('no.such.Klass', 'x', (e) => reported.push(e.message));
  java.callStaticMethod(CASES, 'noSuchMethod', (e) => reported.push(e.message));
  assert.deepEqual(reported.map((m) => m.split(' ').slice(0, 3).join(' ')), ['Could not create', 'Could not find']);
  assert.equal(java.callStaticMethod(CASES, 'big'), '"Static method \'big\' called without a callback did you mean to use the Sync version?"');
});

// ---- child processes ----

function child(mode, asyncOptions) {
  const r = runFixture('node-java-child.js', [JSON.stringify({ mode, asyncOptions })], { timeout: 60_000 });
  assert.equal(r.status, 0, describeRun(r));
  assert.ok(r.json, describeRun(r));
  return r.json;
}

const SCHEMES = [
  ['no asyncOptions (Sync / callback)', undefined, ['add', 'addAll', 'addAllSync', 'addFirst', 'addFirstSync', 'addLast', 'addLastSync', 'addSync', 'size', 'sizeSync']],
  ['Sync / callback / Promise', { syncSuffix: 'Sync', asyncSuffix: '', promiseSuffix: 'Promise' }, null],
  ['sync under the Java names, Async callbacks, ifReadOnlySuffix _alt', { syncSuffix: '', asyncSuffix: 'Async', ifReadOnlySuffix: '_alt' }, null],
  ['no callbacks: Sync / Promise', { syncSuffix: 'Sync', promiseSuffix: 'Promise' }, null],
  ['all three suffixed', { syncSuffix: 'Sync', asyncSuffix: 'Async', promiseSuffix: 'Promise' }, null],
];

for (const [label, asyncOptions, exactNames] of SCHEMES) {
  test(`suffix scheme: ${label}`, () => {
    const { methodNames, staticNames, moduleNames, ran } = child('scheme', asyncOptions);
    const { syncSuffix, asyncSuffix, promiseSuffix } = asyncOptions || { syncSuffix: 'Sync', asyncSuffix: '' };
    const expectNames = (base, has) => [syncSuffix, asyncSuffix, promiseSuffix].filter((s) => typeof s === 'string').map((s) => base + s).every(has);
    assert.ok(expectNames('size', (n) => methodNames.includes(n)), methodNames.join());
    assert.equal(methodNames.filter((n) => n.startsWith('size')).length, [syncSuffix, asyncSuffix, promiseSuffix].filter((s) => typeof s === 'string').length);
    if (exactNames) assert.deepEqual(methodNames.filter((n) => !n.includes('All') || exactNames.includes(n)), exactNames.filter((n) => methodNames.includes(n)));
    // static `name`: a JS function's own name is read-only, so it takes ifReadOnlySuffix when a suffix is ''
    const readOnly = (asyncOptions && asyncOptions.ifReadOnlySuffix) || '_';
    for (const s of [syncSuffix, asyncSuffix, promiseSuffix].filter((x) => typeof x === 'string')) {
      assert.ok(staticNames.includes(s === '' ? `name${readOnly}` : `name${s}`), staticNames.join());
    }
    const want = {};
    if (typeof syncSuffix === 'string') Object.assign(want, { sync: 1, staticSync: '9223372036854775807' });
    if (typeof asyncSuffix === 'string') Object.assign(want, { callback: typeof syncSuffix === 'string' ? 2 : 1, staticCallback: '9223372036854775807' });
    if (typeof promiseSuffix === 'string') {
      Object.assign(want, { promise: Object.keys(want).filter((k) => k === 'sync' || k === 'callback').length + 1, staticPromise: '9223372036854775807', modulePromise: 4 });
      assert.ok(moduleNames.includes(`newInstance${promiseSuffix}`) && moduleNames.includes(`callStaticMethod${promiseSuffix}`), moduleNames.join());
    } else {
      assert.deepEqual(moduleNames, ['callMethod', 'callMethodSync', 'callStaticMethod', 'callStaticMethodSync', 'newInstance', 'newInstanceSync']);
    }
    assert.deepEqual(ran, want);
  });
}

test('asyncOptions without a string syncSuffix: the call that would start the JVM says so', () => {
  assert.match(child('badOptions').error, /syncSuffix must be defined and must be a string/);
});

test('registerClient / registerClientP / ensureJvm: hooks in order around the JVM\'s start', () => {
  const r = child('clients');
  assert.deepEqual(r.events, ['before1 created=false', 'before2', 'before3 (no callback parameter)', 'after1 created=true', 'after2']);
  assert.equal(r.created, true);
  assert.equal(r.greet, 'hi x x7'); // the class folder a before hook pushed is on the classpath
  assert.match(r.late, /after JVM already created/);
});

test('a failing before hook: ensureJvm reports its error and the JVM is not created', () => {
  assert.deepEqual(child('failingClient'), { message: 'no classpath today', created: false });
});

test('after require(\'node-api-java\') started the JVM, the drop-in joins it: its classpath loaded, a warning says what changes', () => {
  const r = child('joinsRunningJvm');
  assert.deepEqual({ ...r, warnings: undefined }, { size: 1, before: 1, greet: 'hi y x7', created: true, warnings: undefined });
  assert.deepEqual(r.warnings, ['NodeJavaWarning NAPI_JAVA_NODE_JAVA_JOINED']);
});

test('a proxy Java holds and fires from its own thread runs, and Node still exits by itself', () => {
  assert.deepEqual(child('exitsWithLiveProxy'), { fired: 1 });
});

test('by package name: require and import of node-api-java/node-java are one module', () => {
  const dir = project('node-java-esm');
  fs.writeFileSync(path.join(dir, 'main.mjs'), `
    import java from 'node-api-java/node-java';
    import { createRequire } from 'node:module';
    const required = createRequire(import.meta.url)('node-api-java/node-java');
    java.classpath.push(${JSON.stringify(CLASSES)});
    const list = java.newInstanceSync('java.util.ArrayList');
    list.addSync('x');
    console.log(JSON.stringify({ same: java === required, size: list.sizeSync() }));
  `);
  const r = runNode([path.join(dir, 'main.mjs')], { cwd: dir });
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { same: true, size: 1 });
});

test('typings: a node-java program type-checks under tsc --strict and runs; misuse is rejected', () => {
  const dir = project('node-java-ts');
  fs.writeFileSync(path.join(dir, 'main.ts'), `import java = require('node-api-java/node-java');
import type { JavaObject, JavaError, AsyncOptions } from 'node-api-java/node-java';
const options: AsyncOptions = { syncSuffix: 'Sync', asyncSuffix: '', promiseSuffix: 'Promise' };
java.asyncOptions = options;
java.classpath.push(${JSON.stringify(CLASSES)});
java.options.push('-Xmx128m');
const list: JavaObject = java.newInstanceSync('java.util.ArrayList');
list.addSync('a');
const Cases = java.import('testcases.NodeJavaCases');
const big: java.JavaLong = Cases.bigSync();
let message = '';
try { java.callStaticMethodSync('testcases.NodeJavaCases', 'fail', 'x'); } catch (e) { message = String((e as JavaError).cause.getMessageSync()); }
const proxy = java.newProxy('java.lang.Runnable', { run: () => undefined });
const created: boolean = java.isJvmCreated();
java.ensureJvm((err?: Error) => {
  if (err) throw err;
  java.newInstancePromise!('java.util.ArrayList').then((l: JavaObject) => {
    console.log(JSON.stringify({ size: list.sizeSync(), big: big.longValue, message, created, handler: typeof proxy.invocationHandler.run, empty: l.sizeSync() }));
  });
});
`);
  const ok = tscRun(dir, ['main.ts'], { module: 'commonjs' });
  assert.equal(ok.status, 0, `tsc failed:\n${ok.stdout}\n${ok.stderr}`);
  const r = runNode([path.join(dir, 'out', 'main.js')], { cwd: dir });
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { size: 1, big: '9223372036854775807', message: 'x', created: true, handler: 'function', empty: 0 });
  // without @types/node in the program: the typings need nothing of Node's
  const noNode = project('node-java-ts-no-node');
  fs.writeFileSync(path.join(noNode, 'main.ts'), `import java = require('node-api-java/node-java');
const list: java.JavaObject = java.newInstanceSync('java.util.ArrayList');
const size: number = list.sizeSync();
const later = java.promisify(list.size);
export { size, later };
`);
  const plain = tscRun(noNode, ['main.ts'], { module: 'commonjs', types: [], noEmit: true });
  assert.equal(plain.status, 0, `tsc without @types/node failed:\n${plain.stdout}\n${plain.stderr}`);
  const bad = project('node-java-ts-wrong');
  const wrong = [
    "java.newArray('int', 5);",
    "java.newProxy('java.lang.Runnable', 'run');",
    'java.instanceOf({});',
    "const b: boolean = java.callStaticMethod('A', 'b');",
    "java.asyncOptions = { asyncSuffix: '' };",
    "java.registerClientP(() => 5);",
  ];
  expectTscErrors(bad, "import java = require('node-api-java/node-java');", wrong);
});
