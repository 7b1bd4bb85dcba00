'use strict';
// The start-up cache (lib/startup-cache.js: a dynamic CDS archive trained in the background by
// dev.napijava.bridge.StartupTraining), through the real bridge in child processes, each test with
// its own cache folder: the first start trains it without making the process wait, the next start
// maps it (and its first call loads nothing from outside the archives), a corrupt, truncated,
// swapped or symlinked archive is never handed to the JVM (the start works as without the cache,
// prints nothing and a new archive is trained), and the cache stays off when asked to or when its
// folder could have been changed by someone else.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { runFixture, describeRun, tempDir, waitForTraining } = require('./helpers');

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
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

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
  await waitForTraining(trained, TRAIN_TIMEOUT_MS);
  assert.deepEqual(fs.readdirSync(trained).sort(), [path.basename(cache.archive), path.basename(cache.archive, '.jsa') + '.size']);
  assert.equal((fs.statSync(trained).mode & 0o777), 0o700);
  // The record: size, jar and the archive's SHA-256; both files the user's alone.
  const [size, jar, digest] = fs.readFileSync(cache.archive.replace(/\.jsa$/, '.size'), 'utf8').split('\n');
  assert.equal(Number(size), fs.statSync(cache.archive).size);
  assert.ok(jar.endsWith('napi-java-runtime.jar'), jar);
  assert.equal(digest, sha256(cache.archive));
  for (const f of fs.readdirSync(trained)) assert.equal(fs.statSync(path.join(trained, f)).mode & 0o077, 0, f);
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

// A start that did not hand the archive to the JVM: same results, nothing printed, no signal, and
// a new archive trained in the background (waited for, so that no trainer outlives the test).
async function assertNotUsed(dir, what) {
  const r = child(dir);
  assert.equal(r.signal, null, `${what}: ${describeRun(r)}`);
  assert.equal(assertClean(r).status, 'training', `${what}: ${describeRun(r)}`);
  await waitForTraining(dir, TRAIN_TIMEOUT_MS);
}

const flip = (file, at) => {
  const fd = fs.openSync(file, 'r+');
  const bytes = Buffer.alloc(8);
  fs.readSync(fd, bytes, 0, 8, at);
  for (let i = 0; i < 8; i++) bytes[i] ^= 0xa5;
  fs.writeSync(fd, bytes, 0, 8, at);
  fs.closeSync(fd);
};

test('flipped bytes (size unchanged) anywhere in the archive: not mapped, also after a start recorded the check', async () => {
  const size = fs.statSync(copyTrained('probe').archive).size;
  const positions = [16, 4096 + 40, Math.floor(size / 2), size - 64];
  const copies = positions.map((at) => ({ at, ...copyTrained(`flip-${at}`) }));
  // A start records the check (inode, size, ctime in whole seconds) only for a file whose ctime
  // second ended more than a second before.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  for (const { dir, archive } of copies) {
    assert.equal(assertClean(child(dir)).status, 'used');
    assert.ok(fs.existsSync(archive.replace(/\.jsa$/, '.verified')), `${fs.readdirSync(dir)}`);
  }
  for (const { at, dir, archive } of copies) {
    fs.chmodSync(archive, 0o600);
    flip(archive, at);
    assert.equal(fs.statSync(archive).size, size);
    const flipped = sha256(archive);
    await assertNotUsed(dir, `8 bytes flipped at ${at}`);
    assert.notEqual(sha256(archive), flipped, 'replaced by a new training');
  }
});

test('a corrupt archive (garbage of the recorded size) is not handed to the JVM', async () => {
  const { dir, archive } = copyTrained('corrupt');
  fs.chmodSync(archive, 0o600);
  const garbage = Buffer.alloc(fs.statSync(archive).size);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
  fs.writeFileSync(archive, garbage);
  await assertNotUsed(dir, 'garbage');
  assert.equal(assertClean(child(dir)).status, 'used', 'the new archive');
});

test('a truncated archive is removed before the JVM sees it and trained again', async () => {
  const { dir, archive } = copyTrained('truncated');
  fs.chmodSync(archive, 0o600);
  fs.truncateSync(archive, 4096); // a valid header over missing regions: JDK 17 would crash mapping it
  await assertNotUsed(dir, 'truncated');
  assert.equal(assertClean(child(dir)).status, 'used');
});

test('a truncated archive whose recorded size was rewritten to match: not mapped (it crashed JDK 17 before)', async () => {
  const { dir, archive } = copyTrained('truncated-size');
  fs.chmodSync(archive, 0o600);
  fs.truncateSync(archive, 65536);
  const record = archive.replace(/\.jsa$/, '.size');
  const lines = fs.readFileSync(record, 'utf8').split('\n');
  lines[0] = '65536';
  fs.chmodSync(record, 0o600);
  fs.writeFileSync(record, lines.join('\n'));
  await assertNotUsed(dir, 'truncated, size rewritten');
});

test('a symlinked archive, record or check stamp is never followed, even to a good archive of another user', async () => {
  const elsewhere = tempDir('elsewhere');
  const good = path.join(elsewhere, 'good.jsa');
  fs.copyFileSync(path.join(trained, files(trained, '.jsa')[0]), good);
  fs.chownSync(good, 65534, 65534);
  fs.chmodSync(good, 0o666);
  const before = sha256(good);
  for (const ext of ['.jsa', '.size']) {
    const { dir, archive } = copyTrained(`symlink${ext}`);
    const file = archive.replace(/\.jsa$/, ext);
    const target = ext === '.jsa' ? good : path.join(elsewhere, 'record.size');
    if (ext !== '.jsa') fs.copyFileSync(file, target);
    fs.rmSync(file);
    fs.symlinkSync(target, file);
    await assertNotUsed(dir, `${ext} a symlink`);
    assert.ok(!fs.lstatSync(file).isSymbolicLink(), 'replaced by the new training');
  }
  // A stamp planted as a symlink to a matching stamp: the archive is hashed instead (and used).
  const { dir, archive } = copyTrained('symlink.verified');
  // (a stamp is written only for a file whose ctime second ended more than a second before)
  await new Promise((resolve) => setTimeout(resolve, 2100));
  assert.equal(assertClean(child(dir)).status, 'used');
  const stamp = archive.replace(/\.jsa$/, '.verified');
  fs.renameSync(stamp, path.join(elsewhere, 'stamp'));
  fs.symlinkSync(path.join(elsewhere, 'stamp'), stamp);
  fs.chmodSync(archive, 0o600);
  flip(archive, 4096 + 40); // were the symlinked stamp believed, the changed file would be mapped
  await assertNotUsed(dir, 'symlinked stamp');
  assert.equal(sha256(good), before, 'the other user\'s file is untouched');
});

test('an archive owned by another user, or one others can write, is not used', async () => {
  const owned = copyTrained('owner');
  fs.chownSync(owned.archive, 65534, 65534);
  await assertNotUsed(owned.dir, 'owned by uid 65534');
  const writable = copyTrained('writable');
  fs.chmodSync(writable.archive, 0o666);
  await assertNotUsed(writable.dir, 'mode 0666');
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

test('a trained folder that is a symlink, belongs to another user or lies in a folder others can write: off', () => {
  const link = path.join(tempDir('link'), 'cache');
  fs.symlinkSync(copyTrained('link-target').dir, link);
  const owned = copyTrained('owned-folder').dir;
  fs.chownSync(owned, 65534, 65534);
  const open = tempDir('open-parent');
  fs.chmodSync(open, 0o777); // no sticky bit: anyone could rename the cache folder away and plant another
  const below = path.join(open, 'cache');
  fs.renameSync(copyTrained('below').dir, below);
  for (const dir of [link, owned, below]) {
    const r = child(dir);
    assert.equal(assertClean(r).status, 'off', `${dir}: ${describeRun(r)}`);
  }
});

test('default folder: $XDG_CACHE_HOME/node-api-java, created with mode 0700', async () => {
  const xdg = tempDir('xdg');
  const cache = assertClean(child(undefined, { XDG_CACHE_HOME: xdg }));
  const dir = path.join(xdg, 'node-api-java');
  assert.equal(cache.status, 'training');
  assert.equal(path.dirname(cache.archive), dir);
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  await waitForTraining(dir, TRAIN_TIMEOUT_MS);
});
