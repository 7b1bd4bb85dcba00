'use strict';
// jvm.load: jars and class folders added at run time join the package tree; missing and
// corrupt jars are Errors naming the file. The extra classes are compiled here, at setup, so
// they are NOT on the initial classpath.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadJvm, buildExtra, tempDir } = require('./helpers');

const jvm = loadJvm();
const extra = buildExtra();

test('before load, the extra classes are not there', () => {
  assert.equal(typeof jvm.testcases.Person, 'function');  // JVM up, testcases visible
  // Looked up before the load: must not be cached as missing afterwards.
  assert.equal(jvm.testcases.extra?.Extra, undefined);
  assert.throws(() => jvm.import('testcases.extra.Extra'), (err) => {
    assert.ok(err instanceof Error);
    assert.match(err.message, /testcases\.extra\.Extra/);
    return true;
  });
});

test('jvm.load(jar): its package joins the tree and merges with jvm.testcases', () => {
  jvm.load(extra.jar);
  const { Extra } = jvm.testcases.extra;
  assert.equal(typeof Extra, 'function');
  assert.equal(Extra.hello(), 'hello from extra');
  assert.equal(Extra.Nested.seven(), 7);
  assert.equal(jvm.import('testcases.extra.Extra'), Extra);
  // The loaded jar sees the initial classpath, and its objects are ordinary wrappers.
  const p = Extra.person('Grace');
  assert.ok(p instanceof jvm.testcases.Person);
  assert.equal(String(p), 'Person(Grace, 1)');
  // The rest of jvm.testcases is still there.
  assert.equal(jvm.testcases.Color.RED.name(), 'RED');
  assert.equal(new jvm.testcases.Person('x', 2).getAge(), 2);
});

test('jvm.load(folder): a class folder works too', () => {
  jvm.load(extra.folder);
  assert.equal(jvm.testcases.extrafolder.FolderThing.where(), 'folder');
  assert.equal(jvm.testcases.extra.Extra.hello(), 'hello from extra');
});

test('jvm.load of a missing jar: Error naming the file', () => {
  const missing = path.join(extra.dir, 'does-not-exist.jar');
  assert.throws(() => jvm.load(missing), (err) => {
    assert.ok(err instanceof Error);
    assert.ok(err.message.includes('does-not-exist.jar'), err.message);
    return true;
  });
});

test('jvm.load of a corrupt jar: Error naming the file', () => {
  const dir = tempDir('corrupt');
  const corrupt = path.join(dir, 'corrupt-garbage.jar');
  fs.writeFileSync(corrupt, Buffer.from('this is not a zip file at all\u0000\u0001\u0002'.repeat(50)));
  assert.throws(() => jvm.load(corrupt), (err) => {
    assert.ok(err instanceof Error);
    assert.ok(err.message.includes('corrupt-garbage.jar'), err.message);
    return true;
  });
  // The bridge still works, including earlier loads.
  assert.equal(jvm.testcases.extra.Extra.hello(), 'hello from extra');
  assert.equal(jvm.java.lang.Math.max(3, 7), 7);
});

test('jvm.import of a missing class: Error naming the class', () => {
  assert.throws(() => jvm.import('testcases.Nope'), (err) => {
    assert.ok(err instanceof Error);
    assert.match(err.message, /testcases\.Nope/);
    return true;
  });
  assert.equal(jvm.testcases.Nope, undefined);
});
