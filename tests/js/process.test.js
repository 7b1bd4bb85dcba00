'use strict';
// Process life and JDK discovery, each in a child Node process: exit codes are the script's
// own even with a non-daemon Java thread running, exits are prompt, no crash signals; JDK
// discovery order and its error; configure() options.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runFixture, describeRun, findJdk, tempDir } = require('./helpers');

const PROMPT_MS = 10_000;   // a JVM that waits for the non-daemon thread never exits at all
const jdk = findJdk();
const emptyPathDir = tempDir('empty-path');

function child(mode, args = [], opts = {}) {
  return runFixture('process-child.js', [mode, ...args], { timeout: 30_000, ...opts });
}

function assertThreadStarted(r) {
  const first = JSON.parse(r.stdout.trim().split('\n')[0]);
  assert.deepEqual(first, { running: true, daemon: false, alive: true }, describeRun(r));
}

test('process.exitCode = 3 with a non-daemon Java thread: exits 3, promptly', () => {
  const r = child('exitcode');
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 3, describeRun(r));
  assert.ok(r.ms < PROMPT_MS, describeRun(r));
  assertThreadStarted(r);
});

test('normal end with a non-daemon Java thread: exits 0, promptly', () => {
  const r = child('normal');
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.ok(r.ms < PROMPT_MS, describeRun(r));
  assertThreadStarted(r);
});

test('uncaught JS throw with a non-daemon Java thread: exits 1 with the JS error', () => {
  const r = child('throw');
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 1, describeRun(r));
  assert.ok(r.ms < PROMPT_MS, describeRun(r));
  assert.match(r.stderr, /child boom from JS/);
  assertThreadStarted(r);
});

test('process.exit(5) with a non-daemon Java thread: exits 5', () => {
  const r = child('exit');
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 5, describeRun(r));
  assert.ok(r.ms < PROMPT_MS, describeRun(r));
  assertThreadStarted(r);
});

test('event loop keeps running after the thread started, then the process ends', () => {
  const r = child('timer');
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 4, describeRun(r));
  assert.ok(r.ms < PROMPT_MS, describeRun(r));
  assert.deepEqual(JSON.parse(r.stdout.trim().split('\n')[1]), { later: 9 });
});

test('no JDK: JAVA_HOME bad and no java on PATH -> error listing what was tried, exit != 0', () => {
  const env = { JAVA_HOME: '/nonexistent-jdk-napi', PATH: emptyPathDir };
  const r = child('discovery-uncaught', [], { env });
  assert.equal(r.signal, null, describeRun(r));
  assert.notEqual(r.status, 0, describeRun(r));
  assert.equal(r.status, 1, describeRun(r));  // an ordinary uncaught JS Error
  assert.ok(!r.stdout.includes('unexpected'), describeRun(r));
  assert.ok(r.stderr.includes('/nonexistent-jdk-napi'), describeRun(r));
  assert.match(r.stderr, /PATH/, describeRun(r));

  const caught = child('discovery-caught', [], { env });
  assert.equal(caught.signal, null, describeRun(caught));
  assert.equal(caught.status, 0, describeRun(caught));
  const out = caught.json;
  assert.ok(out, describeRun(caught));
  assert.equal(out.isError, true);
  assert.ok(out.message.includes('/nonexistent-jdk-napi'), out.message);
  assert.match(out.message, /JAVA_HOME/);
  assert.match(out.message, /PATH/);
  assert.equal(out.secondIsError, true);
});

test('no JDK: a bad configure({ javaHome }) is named in the error', () => {
  const env = { JAVA_HOME: null, PATH: emptyPathDir };
  const notJdk = tempDir('not-a-jdk');
  const r = child('discovery-caught', [notJdk], { env });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.ok(r.json, describeRun(r));
  assert.equal(r.json.isError, true);
  assert.ok(r.json.message.includes(notJdk), r.json.message);
});

test('configure({ javaHome }) is used first, over a bad JAVA_HOME and an empty PATH', () => {
  const env = { JAVA_HOME: '/nonexistent-jdk-napi', PATH: emptyPathDir };
  const r = child('javahome', [jdk], { env });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.max, 7);
  assert.equal(fs.realpathSync(r.json.javaHome), fs.realpathSync(jdk));
});

test('JAVA_HOME is used when configure() names none', () => {
  const r = child('plain', [], { env: { JAVA_HOME: jdk, PATH: emptyPathDir } });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.max, 7);
  assert.equal(fs.realpathSync(r.json.javaHome), fs.realpathSync(jdk));
});

test('java on PATH (through a symlink) is used when there is no JAVA_HOME', () => {
  const binDir = tempDir('path-java');
  fs.symlinkSync(path.join(jdk, 'bin', 'java'), path.join(binDir, 'java'));
  const r = child('plain', [], { env: { JAVA_HOME: null, PATH: binDir } });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.max, 7);
  assert.equal(fs.realpathSync(r.json.javaHome), fs.realpathSync(jdk));
});

// A version manager's shim (asdf's and jenv's shims/java, sdkman's wrappers): a script that execs
// the real java, with no JDK around it. The bridge asks that java for its java.home.
function writeShim(body) {
  const shims = path.join(tempDir('version-manager'), '.asdf', 'shims');
  fs.mkdirSync(shims, { recursive: true });
  fs.writeFileSync(path.join(shims, 'java'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return shims;
}

test('java on PATH that is a version-manager shim (a script exec-ing the real java) is followed to its JDK', () => {
  const shims = writeShim(`# asdf-style shim\nexec "${path.join(jdk, 'bin', 'java')}" "$@"`);
  const r = child('plain', [], { env: { JAVA_HOME: null, PATH: shims } });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.max, 7);
  assert.equal(fs.realpathSync(r.json.javaHome), fs.realpathSync(jdk));
});

test('a shim whose java does not run: the error names the folder it gave and what is missing there', () => {
  const shims = writeShim('echo "asdf: No version is set for command java" >&2\nexit 126');
  const r = child('discovery-caught', [], { env: { JAVA_HOME: null, PATH: shims } });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.isError, true, describeRun(r));
  assert.match(r.json.message, /`java` on PATH: .*\.asdf has no lib\/server\/libjvm\.so/);
});

test('jvmOptions from configure() and from NAPI_JAVA_JVM_OPTIONS reach the JVM', () => {
  const r = child('options', [], {
    env: { NAPI_JAVA_JVM_OPTIONS: '-Dnapi.test.b=from-env -Dnapi.test.c=second' },
  });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { a: 'from-configure', b: 'from-env', c: 'second' });
});

test('classpath given as a single string', () => {
  const r = child('classpath-string');
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { person: 'Person(S, 3)' });
});

test('configure() after jvm.javaVersion started the JVM throws', () => {
  const r = child('configure-after-start');
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { version: 'string', threw: true, works: true });
});
