'use strict';
// jvm.load of a jar or class folder that this user cannot read, list or reach: an Error naming the
// path and the problem, never a silent success. The tests run as root, which reads anything, so
// the child runs as uid/gid 65534 (setpriv) on copies readable by that user: the package, a tiny
// jar and class folder compiled here, each with its own permissions. A readable jar and folder
// load in the same child, so a child that could read nothing would fail the test too.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { PACKAGE, findJdk, run, tempDir, sanitizerEnv } = require('./helpers');

const NOBODY = 65534;

// A copy of the package and the fixture in a folder everyone can read, plus the cases.
function setUp() {
  const dir = tempDir('load-access');
  fs.chmodSync(dir, 0o755);
  const pkg = path.join(dir, 'node-api-java');
  fs.cpSync(PACKAGE, pkg, { recursive: true, dereference: true });
  const openUp = (p) => {
    fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
    if (fs.statSync(p).isDirectory()) for (const f of fs.readdirSync(p)) openUp(path.join(p, f));
  };
  openUp(pkg);
  // accesstest.Seven goes into the jar, accessfolder.Eight into the class folder (and its copies).
  const jdk = findJdk();
  const javac = (name, source, to) => {
    const src = path.join(dir, `${name}.java`);
    fs.writeFileSync(src, source);
    run(path.join(jdk, 'bin', 'javac'), ['--release', '17', '-d', to, src]);
  };
  const jarClasses = path.join(dir, 'jar-classes');
  javac('Seven', 'package accesstest; public class Seven { public static int seven() { return 7; } }\n', jarClasses);
  const jar = path.join(dir, 'ok.jar');
  run(path.join(jdk, 'bin', 'jar'), ['cf', jar, '-C', jarClasses, '.']);
  const classes = path.join(dir, 'classes');
  javac('Eight', 'package accessfolder; public class Eight { public static int eight() { return 8; } }\n', classes);
  openUp(classes);
  fs.chmodSync(jar, 0o644);
  const copyDir = (to, mode) => { fs.cpSync(classes, to, { recursive: true }); openUp(to); fs.chmodSync(to, mode); return to; };
  const copyJar = (to, mode) => { fs.copyFileSync(jar, to); fs.chmodSync(to, mode); return to; };
  const closed = path.join(dir, 'closed');
  fs.mkdirSync(closed, { mode: 0o700 });
  const garbage = path.join(dir, 'garbage.jar');
  fs.writeFileSync(garbage, 'not a zip file\n'.repeat(40), { mode: 0o644 });
  const cases = {
    unreadableJar: copyJar(path.join(dir, 'unreadable.jar'), 0o000),
    jarInClosedFolder: copyJar(path.join(closed, 'inside.jar'), 0o644),
    folderNoPermissions: copyDir(path.join(dir, 'folder-000'), 0o000),
    folderNotListable: copyDir(path.join(dir, 'folder-311'), 0o311),
    folderNotEnterable: copyDir(path.join(dir, 'folder-644'), 0o644),
    garbageJar: garbage,
    missing: path.join(dir, 'missing.jar'),
  };
  const fixture = path.join(dir, 'load-child.js');
  fs.copyFileSync(path.join(__dirname, 'fixtures', 'load-child.js'), fixture);
  fs.chmodSync(fixture, 0o644);
  return { pkg, fixture, cases, jar, classes };
}

// As root: setpriv to uid/gid 65534 without supplementary groups; as another user: that user.
function runUnprivileged(args) {
  const node = process.execPath;
  const [cmd, cmdArgs] = process.getuid() === 0
    ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', node, ...args]]
    : [node, args];
  const env = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME, HOME: '/nonexistent', NAPI_JAVA_STARTUP_CACHE: '0',
    ...sanitizerEnv() };
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', timeout: 60_000, env, cwd: '/' });
  if (r.error) throw r.error;
  return r;
}

test('jvm.load: unreadable jar, jar behind a closed folder, unlistable or unenterable class folder: Errors naming path and problem', () => {
  const { pkg, fixture, cases, jar, classes } = setUp();
  const r = runUnprivileged([fixture, pkg, JSON.stringify({ ...cases, readableJar: jar, readableFolder: classes })]);
  const out = `status=${r.status} signal=${r.signal}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  assert.equal(r.status, 0, out);
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  assert.notEqual(result.uid, 0, 'the child must not run as root: root reads everything');
  // The controls: this user reads what is readable.
  assert.deepEqual(result.readableJar, { ok: true, seven: 7 }, out);
  assert.deepEqual(result.readableFolder, { ok: true, eight: 8 }, out);
  const expected = {
    unreadableJar: /not readable by this user \(permission denied\)/,
    jarInClosedFolder: /permission denied on a folder above it/,
    folderNoPermissions: /a class folder this user cannot list/,
    folderNotListable: /a class folder this user cannot list/,
    folderNotEnterable: /a class folder this user cannot enter/,
    garbageJar: /not a valid jar\/zip file/,
    missing: /file not found/,
  };
  for (const [name, pattern] of Object.entries(expected)) {
    const got = result[name];
    assert.equal(got.ok, false, `${name}: ${JSON.stringify(got)}`);
    assert.ok(got.message.includes(`Cannot load ${cases[name]}: `), `${name}: ${got.message}`);
    assert.match(got.message, pattern, name);
    assert.equal(got.isError, true, name);
  }
  assert.equal(result.afterwards, 7, 'the bridge still works after the failed loads');
});
