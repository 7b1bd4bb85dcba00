'use strict';
// The start-up cache (lib/startup-cache.js: a dynamic CDS archive trained in the background by
// dev.napijava.bridge.StartupTraining), through the real bridge in child processes, each test with
// its own cache folder: the first start trains it without making the process wait, the next start
// maps it (and its first call loads nothing from outside the archives), a corrupt or truncated
// archive never breaks a start or prints anything, and the cache stays off when asked to.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runFixture, describeRun, tempDir } = require('./helpers');

const TRAIN_TIMEOUT_MS = 30_000;

// cacheArg: passed to the child (a folder, 'off' or nothing); env: extra environment.
function child(cacheArg, env = {}) {
  return runFixture('startup-cache-child.js', cacheArg ? [cacheArg] : [], {
    env: { NAPI_JAVA_STARTUP_CACHE: null, NAPI_JAVA_JVM_OPTIONS: null, ...env },
    timeout: 30_000,
  });
}

// A start that worked and printed its one JSON line and nothing else.
function assertClean(r) {
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.stderr, '', describeRun(r));
  assert.equal(r.stdout.trim().split('\n').length, 1, describeRun(r));
  assert.deepEqual({ ...r.json, cache: undefined },
    { max: 7, list: '[héllo]', overload: 'static double', cache: undefined }, describeRun(r));
  return r.json.cache;
}

const files = (dir, ext) => fs.readdirSync(dir).filter((f) => f.endsWith(ext));

async function waitForTraining(dir) {
  const deadline = Date.now() + TRAIN_TIMEOUT_MS;
  while (files(dir, '.lock').length > 0) {
    if (Date.now() > deadline) throw new Error(`training in ${dir} did not finish: ${fs.readdirSync(dir)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// One trained folder, made by the first test; later tests copy its archive.
const trained = tempDir('startup-cache');

test('first start: works, trains in the background and does not wait for it', async () => {
  const r = child(trained);
  const cache = assertClean(r);
  assert.equal(cache.status, 'training', describeRun(r));
  assert.equal(path.dirname(cache.archive), trained);
  // The process has exited while the trainer still runs (a JVM start and an archive dump take far
  // longer than the child's exit after spawning it): its lock is still there, no archive yet.
  assert.equal(files(trained, '.lock').length, 1, `${fs.readdirSync(trained)}`);
  assert.ok(!fs.existsSync(cache.archive));
  await waitForTraining(trained);
  assert.deepEqual(fs.readdirSync(trained).sort(), [path.basename(cache.archive), path.basename(cache.archive, '.jsa') + '.size']);
  assert.equal((fs.statSync(trained).mode & 0o777), 0o700);
});

test('second start: maps the archive, same results, nothing printed', () => {
  const cache = assertClean(child(trained));
  assert.equal(cache.status, 'used');
});

test('with the archive, the first call loads no class from outside the CDS archives', () => {
  const log = path.join(tempDir('class-load'), 'classes.txt');
  const r = child(trained, { NAPI_JAVA_JVM_OPTIONS: `-Xlog:class+load=info:file=${log}` });
  assert.equal(assertClean(r).status, 'used');
  const outside = fs.readFileSync(log, 'utf8').split('\n')
    .filter((line) => / source: (jrt:|.*napi-java-runtime\.jar)/.test(line));
  assert.deepEqual(outside, [], 'StartupTraining should load these classes too');
});

function copyTrained(name) {
  const dir = tempDir(name);
  for (const f of fs.readdirSync(trained)) fs.copyFileSync(path.join(trained, f), path.join(dir, f));
  return { dir, archive: path.join(dir, files(dir, '.jsa')[0]) };
}

test('a corrupt archive (garbage of the recorded size) is ignored silently: the JVM starts without it', () => {
  const { dir, archive } = copyTrained('corrupt');
  fs.chmodSync(archive, 0o600);
  const garbage = Buffer.alloc(fs.statSync(archive).size);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
  fs.writeFileSync(archive, garbage);
  const cache = assertClean(child(dir));
  assert.equal(cache.status, 'rejected');
});

test('a truncated archive is removed before the JVM sees it and trained again', async () => {
  const { dir, archive } = copyTrained('truncated');
  fs.chmodSync(archive, 0o600);
  fs.truncateSync(archive, 4096); // a valid header over missing regions: JDK 17 would crash mapping it
  const cache = assertClean(child(dir));
  assert.equal(cache.status, 'training');
  await waitForTraining(dir);
  assert.equal(assertClean(child(dir)).status, 'used');
});

test('off: configure({ startupCache: false }), NAPI_JAVA_STARTUP_CACHE=0, the user\'s own CDS options, no HOME', () => {
  const dir = tempDir('off');
  const runs = [
    child('off', { NAPI_JAVA_STARTUP_CACHE: dir }),
    child(undefined, { NAPI_JAVA_STARTUP_CACHE: '0', XDG_CACHE_HOME: dir }),
    child(dir, { NAPI_JAVA_JVM_OPTIONS: '-Xshare:off' }),
    child(undefined, { HOME: null, XDG_CACHE_HOME: null }),
  ];
  for (const r of runs) assert.equal(assertClean(r).status, 'off', describeRun(r));
  assert.deepEqual(fs.readdirSync(dir), [], 'no trainer started, nothing written');
});

test('a folder others can write is refused (an archive there could be planted)', () => {
  const dir = tempDir('shared');
  fs.chmodSync(dir, 0o777);
  assert.equal(assertClean(child(dir)).status, 'off');
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('default folder: $XDG_CACHE_HOME/node-api-java, created with mode 0700', async () => {
  const xdg = tempDir('xdg');
  const cache = assertClean(child(undefined, { XDG_CACHE_HOME: xdg }));
  const dir = path.join(xdg, 'node-api-java');
  assert.equal(cache.status, 'training');
  assert.equal(path.dirname(cache.archive), dir);
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  await waitForTraining(dir);
});
