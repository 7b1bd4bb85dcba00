'use strict';
// Reliability of the JVM's start (README "Reliability"): one start per process under a lock, a
// refused start reported as the same JS error every time (HotSpot would otherwise end the process
// or abort on a retry), an unusable JDK refused before the JVM sees it, and non-ASCII paths with
// no locale set. Each case in a child process with a time limit.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { PACKAGE, buildExtra, findJdk, runSafely, tempDir } = require('./helpers');

// The case in a child process: no crash, in time, the expected exit code.
const child = (mode, arg, { extraArgs = [], ...opts } = {}) =>
  runSafely('reliability-child.js', arg === undefined ? [mode] : [mode, arg, ...extraArgs], opts);

test('first use from the main thread and four workers at once: one JVM, every thread gets its result', () => {
  for (let i = 0; i < 3; i++) {
    const { json } = child('start-from-many-threads');
    assert.deepEqual(json, { main: 2, workers: [100, 101, 102, 103], codes: [0, 0, 0, 0] });
  }
});

for (const [option, reason] of [
  ['-Xss1k', /thread stack size specified is too small/],
  ['-Xmx1k', /Too small maximum heap/],
  ['-Xmx99999g', /Could not reserve enough space/],
  ['-XX:+NoSuchOptionHere', /Unrecognized VM option 'NoSuchOptionHere'/],
]) {
  test(`a start the JVM refuses (${option}): the same JS error, with the JVM's reason, every time; the script ends with its own code`, () => {
    const { json } = child('bad-start', option, { status: 4 });
    assert.equal(json.first.code, 'ERR_JVM_CREATE', JSON.stringify(json));
    assert.match(json.first.message, reason);
    assert.match(json.first.message, /Check jvmOptions/);
    assert.equal(json.same, true);
    assert.deepEqual(json.third, json.first);
  });
}

test('a JDK without lib/modules is refused with a clear error before the JVM can end the process', () => {
  const jdk = findJdk();
  const fake = tempDir('no-modules-jdk');
  fs.mkdirSync(path.join(fake, 'lib'));
  for (const entry of fs.readdirSync(path.join(jdk, 'lib'))) {
    if (entry === 'modules' || entry === 'src.zip') continue;
    fs.cpSync(path.join(jdk, 'lib', entry), path.join(fake, 'lib', entry), { recursive: true, dereference: true });
  }
  fs.copyFileSync(path.join(jdk, 'release'), path.join(fake, 'release'));
  const empty = tempDir('empty-path');
  const { json } = child('bad-jdk', fake, { status: 4, env: { JAVA_HOME: fake, PATH: empty } });
  assert.equal(json.first.code, 'ERR_JAVA_NOT_FOUND');
  assert.match(json.first.message, /has no lib\/modules/);
  assert.deepEqual(json.second, json.first);
});

test('two copies of the package in one process: identical builds share the JVM, a different build is refused clearly', () => {
  const root = tempDir('two-copies');
  const [a, b] = ['a', 'b'].map((name) => {
    const dir = path.join(root, name, 'node_modules', 'node-api-java');
    fs.cpSync(PACKAGE, dir, { recursive: true });
    return dir;
  });
  const same = child('two-copies', a, { extraArgs: [b] });
  assert.deepEqual(same.json, { a: 2, b: { ok: 1 }, seen: 3, aAfter: 1 });
  // copy b becomes "another build": its build stamp differs by one character
  const addon = path.join(b, 'prebuilds', 'linux-x64', 'napi_java.node');
  const bytes = fs.readFileSync(addon);
  const at = bytes.indexOf('node-api-java native core, built ');
  assert.ok(at > 0, 'the addon carries its build stamp');
  bytes[at + 'node-api-java native core, built '.length] ^= 1;
  fs.writeFileSync(addon, bytes);
  const other = child('two-copies', a, { extraArgs: [b] });
  assert.equal(other.json.b.error.code, 'ERR_JVM_RUNTIME');
  assert.match(other.json.b.error.message, /another copy of node-api-java .* is a different build: have npm install one copy/);
  assert.equal(other.json.a, 2);
  assert.equal(other.json.seen, 1);
  assert.equal(other.json.aAfter, 1);
});

test('a package and a jar under non-ASCII paths work with LANG and LC_* unset (the JVM reads paths as UTF-8)', () => {
  const root = tempDir('ünïcødé-päth');
  const pkg = path.join(root, 'node_modules', 'node-api-java');
  fs.cpSync(PACKAGE, pkg, { recursive: true });
  const jar = path.join(root, 'exträ-jär.jar');
  fs.copyFileSync(buildExtra().jar, jar);
  const { json } = child('non-ascii-path', jar, {
    env: { NAPI_JAVA_PACKAGE: pkg, LANG: null, LC_ALL: null, LC_CTYPE: null, LANGUAGE: null, NAPI_JAVA_STARTUP_CACHE: '0' },
  });
  assert.deepEqual(json, { max: 7, len: 3, loaded: 'loaded', encoding: 'UTF-8' });
});
