'use strict';
// Maven dependencies of a Node project, end to end against the real Maven Central (through the
// user's local repository ~/.m2 as its cache, so a second run downloads nothing): `napi-java add`
// resolves with Maven Resolver, writes package.json's "java" section, napi-java-lock.json and
// node_modules/.napi-java; `require('node-api-java')` then has the jars without any load().
// Failures (network, checksum, stale install, conflicts nobody can satisfy) are clear errors that
// leave the project as it was.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PACKAGE, REPO_ROOT, tempDir, runNode, describeRun } = require('./helpers');

const CLI = path.join(PACKAGE, 'bin', 'napi-java.js');
const USER_REPOSITORY = path.join(os.homedir(), '.m2', 'repository');
const LANG3 = 'org.apache.commons:commons-lang3';
const TEXT = 'org.apache.commons:commons-text';

// A Node project with node-api-java installed (a symlink to the package under test).
function project(pkg = {}) {
  const dir = tempDir('maven-deps');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', ...pkg }, null, 2) + '\n');
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(PACKAGE, path.join(dir, 'node_modules', 'node-api-java'));
  return dir;
}

function cli(dir, args, { status = 0, timeout = 300_000 } = {}) {
  const r = runNode([CLI, ...args], { cwd: dir, timeout });
  assert.equal(r.timedOut, false, describeRun(r));
  assert.equal(r.status, status, describeRun(r));
  return r;
}

// Runs JS in the project (as its main script, so the nearest package.json is the project's).
function app(dir, source, { status = 0 } = {}) {
  fs.writeFileSync(path.join(dir, 'app.js'), source);
  const r = runNode([path.join(dir, 'app.js')], { cwd: dir, timeout: 120_000 });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, status, describeRun(r));
  return r;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const lockOf = (dir) => readJson(path.join(dir, 'napi-java-lock.json'));
const jarsDir = (dir) => path.join(dir, 'node_modules', '.napi-java');

// A settings.xml with its own local repository (and optionally a mirror for everything).
function settings(dir, { repository, mirror } = {}) {
  const file = path.join(dir, 'settings.xml');
  fs.writeFileSync(file, `<settings>\n  <localRepository>${repository}</localRepository>\n${mirror
    ? `  <mirrors><mirror><id>unreachable</id><url>${mirror}</url><mirrorOf>*</mirrorOf></mirror></mirrors>\n` : ''}</settings>\n`);
  return file;
}

test('add poi-ooxml: its transitive jars from Maven Central, locked with sha256, and an xlsx written from JS', (t) => {
  const dir = project();
  const r = cli(dir, ['add', 'org.apache.poi:poi-ooxml:5.5.1', '--no-typings', '--json']);
  const summary = r.json;
  assert.ok(summary && summary.artifacts.length >= 10, `≥ 10 artifacts: ${r.stdout}`);
  assert.deepEqual(readJson(path.join(dir, 'package.json')).java, { dependencies: { 'org.apache.poi:poi-ooxml': '5.5.1' } });
  const lock = lockOf(dir);
  const ids = Object.keys(lock.artifacts);
  for (const expected of ['org.apache.poi:poi-ooxml:5.5.1', 'org.apache.poi:poi:5.5.1', 'org.apache.xmlbeans:xmlbeans:']) {
    assert.ok(ids.some((id) => id.startsWith(expected)), `${expected} in ${ids}`);
  }
  assert.ok(!ids.some((id) => /junit|mockito/.test(id)), `no test-scope artifacts: ${ids}`);
  for (const [id, a] of Object.entries(lock.artifacts)) {
    const file = path.join(jarsDir(dir), a.file);
    assert.equal(sha256(file), a.sha256, `${id}: the installed file is the locked one`);
    assert.equal(fs.statSync(file).size, a.size);
  }
  const out = app(dir, `
    const jvm = require('node-api-java');
    const { XSSFWorkbook } = jvm.org.apache.poi.xssf.usermodel;
    const wb = new XSSFWorkbook();
    const row = wb.createSheet('from node').createRow(0);
    row.createCell(0).setCellValue('héllo');
    row.createCell(1).setCellValue(42.5);
    const os = new jvm.java.io.FileOutputStream('out.xlsx');
    wb.write(os); os.close(); wb.close();
    const back = jvm.org.apache.poi.ss.usermodel.WorkbookFactory.create(new jvm.java.io.File('out.xlsx'));
    const r0 = back.getSheet('from node').getRow(0);
    console.log(JSON.stringify({ text: r0.getCell(0).getStringCellValue(), number: r0.getCell(1).getNumericCellValue() }));
    back.close();`);
  assert.deepEqual(out.json, { text: 'héllo', number: 42.5 });
  assert.equal(fs.readFileSync(path.join(dir, 'out.xlsx')).subarray(0, 2).toString(), 'PK');
  t.diagnostic(`poi-ooxml 5.5.1: ${ids.length} artifacts, ${(summary.bytes / 1e6).toFixed(1)} MB, add took ${r.ms} ms`);
});

// Shared by the tests below (they run in order): commons-text 1.12.0 asks for commons-lang3 3.14.0,
// the project declares 3.12.0 itself, so nearest wins: 3.12.0.
let conflictProject;

test('a version conflict is resolved nearest-wins: the declared commons-lang3 beats the one commons-text asks for', () => {
  const dir = conflictProject = project();
  const r = cli(dir, ['add', `${TEXT}:1.12.0`, `${LANG3}:3.12.0`, '--no-typings', '--json']);
  assert.deepEqual(r.json.conflicts, [{ requested: `${LANG3}:3.14.0`, chosen: `${LANG3}:3.12.0`, requestedBy: `${TEXT}:1.12.0` }]);
  const lock = lockOf(dir);
  assert.deepEqual(Object.keys(lock.artifacts), [`${TEXT}:1.12.0`, `${LANG3}:3.12.0`]);
  assert.deepEqual(lock.artifacts[`${TEXT}:1.12.0`].dependencies, [`${LANG3}:3.14.0`], 'what its POM asked for, for list');
  const tree = cli(dir, ['list']).stdout;
  assert.match(tree, new RegExp(`${TEXT}:1\\.12\\.0\\n│   └── ${LANG3}:3\\.14\\.0 \\(omitted for conflict with 3\\.12\\.0\\)`), tree);
  const listed = cli(dir, ['list', '--json']).json;
  assert.equal(listed.dependencies[0].dependencies[0].chosen, `${LANG3}:3.12.0`);
  const out = app(dir, `
    const jvm = require('node-api-java');
    const { StringUtils } = jvm.org.apache.commons.lang3;
    const where = String(StringUtils.class.getProtectionDomain().getCodeSource().getLocation());
    const sub = new jvm.org.apache.commons.text.StringSubstitutor(new Map([['who', 'Node']]));
    console.log(JSON.stringify({ where, text: sub.replace('hello \${who}'), abbr: StringUtils.abbreviate('node-api-java', 8) }));`);
  assert.match(out.json.where, /commons-lang3-3\.12\.0\.jar$/);
  assert.deepEqual([out.json.text, out.json.abbr], ['hello Node', 'node-...']);
});

test('install from the lockfile into a fresh folder: the same jars, offline from the local repository, lockfile untouched', () => {
  const fresh = project();
  for (const f of ['package.json', 'napi-java-lock.json']) fs.copyFileSync(path.join(conflictProject, f), path.join(fresh, f));
  const before = fs.readFileSync(path.join(fresh, 'napi-java-lock.json'), 'utf8');
  const r = cli(fresh, ['install', '--offline', '--json']);
  assert.equal(r.json.fromLockfile, true);
  assert.equal(fs.readFileSync(path.join(fresh, 'napi-java-lock.json'), 'utf8'), before);
  for (const a of Object.values(lockOf(fresh).artifacts)) assert.equal(sha256(path.join(jarsDir(fresh), a.file)), a.sha256);
  const out = app(fresh, `console.log(JSON.stringify(require('node-api-java').org.apache.commons.lang3.StringUtils.capitalize('jvm')));`);
  assert.equal(out.json, 'Jvm');
});

test('install uses what the local repository has whichever repository put it there (no network needed, not even a reachable mirror)', () => {
  const work = tempDir('maven-origin');
  const repository = path.join(work, 'repository');
  for (const a of Object.values(lockOf(conflictProject).artifacts)) {
    const from = path.dirname(path.join(USER_REPOSITORY, a.file));
    const to = path.join(repository, path.relative(USER_REPOSITORY, from));
    fs.cpSync(from, to, { recursive: true });
    // as Maven records a download from central: for its enhanced local repository, not one from the mirror below
    fs.writeFileSync(path.join(to, '_remote.repositories'), `${path.basename(a.file)}>central=\n`);
  }
  const fresh = project();
  for (const f of ['package.json', 'napi-java-lock.json']) fs.copyFileSync(path.join(conflictProject, f), path.join(fresh, f));
  const r = cli(fresh, ['install', '--json', '--settings', settings(work, { repository, mirror: 'http://127.0.0.1:1/maven2' })]);
  assert.equal(r.json.fromLockfile, true);
  assert.equal(r.json.artifacts.length, 2);
});

test('a tampered jar is refused by its locked sha256, and nothing of the project is replaced', () => {
  // a local repository of its own holding the two locked artifacts, one of them altered
  const work = tempDir('maven-tamper');
  const repository = path.join(work, 'repository');
  for (const a of Object.values(lockOf(conflictProject).artifacts)) {
    const from = path.dirname(path.join(USER_REPOSITORY, a.file));
    fs.cpSync(from, path.join(repository, path.relative(USER_REPOSITORY, from)), { recursive: true });
  }
  const lang3 = path.join(repository, lockOf(conflictProject).artifacts[`${LANG3}:3.12.0`].file);
  fs.appendFileSync(lang3, 'tampered');
  const fresh = project();
  for (const f of ['package.json', 'napi-java-lock.json']) fs.copyFileSync(path.join(conflictProject, f), path.join(fresh, f));
  const r = cli(fresh, ['install', '--offline', '--settings', settings(work, { repository })], { status: 1 });
  assert.match(r.stderr, new RegExp(`checksum mismatch for ${LANG3}:3\\.12\\.0: .*commons-lang3-3\\.12\\.0\\.jar has sha256 [0-9a-f]{64} `
    + `but napi-java-lock\\.json locked ${lockOf(fresh).artifacts[`${LANG3}:3.12.0`].sha256}`));
  assert.match(r.stderr, /nothing was installed/);
  assert.deepEqual(fs.readdirSync(path.join(fresh, 'node_modules')), ['node-api-java'], 'no jar folder, no staging left');

  // an installed jar changed afterwards: the bridge refuses to start with it
  const installed = path.join(jarsDir(conflictProject), lockOf(conflictProject).artifacts[`${LANG3}:3.12.0`].file);
  const original = fs.readFileSync(installed);
  fs.appendFileSync(installed, 'x');
  try {
    const out = app(conflictProject, "require('node-api-java').java.lang.Math.max(1, 2);", { status: 1 });
    assert.match(out.stderr, /commons-lang3-3\.12\.0\.jar is \d+ bytes but napi-java-lock\.json locked \d+ .*run `npx napi-java install`/);
  } finally {
    fs.writeFileSync(installed, original);
  }
});

test('npm install of a clone (package.json + lockfile, no node_modules) restores the jars through a postinstall `napi-java install`', () => {
  const { spawnSync } = require('node:child_process');
  const dist = path.join(REPO_ROOT, 'distribution', 'target');
  const [tgz] = fs.readdirSync(dist).filter((f) => /^node-api-java-.*\.tgz$/.test(f));
  assert.ok(tgz, `a packed node-api-java-*.tgz in ${dist}`);
  const clone = tempDir('maven-clone');
  const pkg = readJson(path.join(conflictProject, 'package.json'));
  Object.assign(pkg, { dependencies: { 'node-api-java': `file:${path.join(dist, tgz)}` }, scripts: { postinstall: 'napi-java install --offline' } });
  fs.writeFileSync(path.join(clone, 'package.json'), JSON.stringify(pkg, null, 2));
  fs.copyFileSync(path.join(conflictProject, 'napi-java-lock.json'), path.join(clone, 'napi-java-lock.json'));
  const npm = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--foreground-scripts'], {
    cwd: clone, encoding: 'utf8', timeout: 180_000, env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  assert.equal(npm.status, 0, `${npm.stdout}\n${npm.stderr}`);
  assert.match(npm.stdout, /napi-java: 2 Java artifacts \(0\.8 MB\) in node_modules\/\.napi-java, as locked in napi-java-lock\.json/);
  const out = app(clone, "console.log(JSON.stringify(require('node-api-java').org.apache.commons.text.WordUtils.capitalize('a b')));");
  assert.equal(out.json, 'A B');
});

test('an exclusion leaves the transitive dependency out of the lock and the class path', () => {
  const dir = project();
  cli(dir, ['add', `${TEXT}:1.12.0`, '--exclude', LANG3, '--no-typings']);
  assert.deepEqual(readJson(path.join(dir, 'package.json')).java,
    { dependencies: { [TEXT]: '1.12.0' }, exclusions: { [TEXT]: [LANG3] } });
  assert.deepEqual(Object.keys(lockOf(dir).artifacts), [`${TEXT}:1.12.0`]);
  const out = app(dir, `
    const jvm = require('node-api-java');
    console.log(JSON.stringify({ lang3: jvm.org.apache.commons.lang3 === undefined, text: typeof jvm.org.apache.commons.text.WordUtils }));`);
  assert.deepEqual(out.json, { lang3: true, text: 'function' });
});

test('a classifier is part of the coordinate: its own key in package.json, its own file', () => {
  const dir = project();
  cli(dir, ['add', `${LANG3}:jar:sources:3.20.0`, `${LANG3}:3.20.0`, '--no-typings']);
  assert.deepEqual(readJson(path.join(dir, 'package.json')).java.dependencies,
    { [`${LANG3}:jar:sources`]: '3.20.0', [LANG3]: '3.20.0' });
  const lock = lockOf(dir);
  assert.deepEqual(Object.fromEntries(Object.entries(lock.artifacts).map(([id, a]) => [id, a.file])), {
    [`${LANG3}:jar:sources:3.20.0`]: 'org/apache/commons/commons-lang3/3.20.0/commons-lang3-3.20.0-sources.jar',
    [`${LANG3}:3.20.0`]: 'org/apache/commons/commons-lang3/3.20.0/commons-lang3-3.20.0.jar',
  });
  const out = app(dir, `
    const jvm = require('node-api-java');
    const src = jvm.java.lang.ClassLoader.getSystemResource('org/apache/commons/lang3/StringUtils.java');
    console.log(JSON.stringify({ source: String(src).endsWith('-sources.jar!/org/apache/commons/lang3/StringUtils.java'),
      call: jvm.org.apache.commons.lang3.StringUtils.swapCase('aB') }));`);
  assert.deepEqual(out.json, { source: true, call: 'Ab' });
});

test('the bridge refuses a stale install with the fix, and configure({ javaDependencies: false }) opts out', () => {
  const dir = conflictProject;
  const pj = path.join(dir, 'package.json');
  const original = fs.readFileSync(pj, 'utf8');
  const pkg = JSON.parse(original);
  pkg.java.dependencies[LANG3] = '3.13.0';
  fs.writeFileSync(pj, JSON.stringify(pkg, null, 2));
  try {
    const stale = app(dir, "require('node-api-java').java.lang.Math.max(1, 2);", { status: 1 });
    assert.match(stale.stderr, /the "java" section of .*package\.json changed since napi-java-lock\.json was written: run `npx napi-java install` in /);
    const off = app(dir, `
      const jvm = require('node-api-java').configure({ javaDependencies: false });
      let lang3 = true;
      try { jvm.import('org.apache.commons.lang3.StringUtils'); } catch { lang3 = false; }
      console.log(JSON.stringify({ max: jvm.java.lang.Math.max(1, 2), lang3 }));`);
    assert.deepEqual(off.json, { max: 2, lang3: false });
  } finally {
    fs.writeFileSync(pj, original);
  }
  const bad = app(dir, "require('node-api-java').configure({ javaDependencies: 1 });", { status: 1 });
  assert.match(bad.stderr, /configure\(\{ javaDependencies \}\) takes true .*false .* or the folder/);
  // a lockfile edited to point outside the jar folder: refused by the bridge and by install
  const lockFile = path.join(dir, 'napi-java-lock.json');
  const lockText = fs.readFileSync(lockFile, 'utf8');
  const hostile = JSON.parse(lockText);
  hostile.artifacts[`${LANG3}:3.12.0`].file = '../../../etc/passwd';
  fs.writeFileSync(lockFile, JSON.stringify(hostile));
  try {
    const outside = app(dir, "require('node-api-java').java.lang.Math.max(1, 2);", { status: 1 });
    assert.match(outside.stderr, /artifact org\.apache\.commons:commons-lang3:3\.12\.0 has no file inside node_modules\/\.napi-java/);
    const refused = cli(dir, ['install', '--offline'], { status: 1 });
    assert.match(refused.stderr, /has a file outside the jar folder: \.\.\/\.\.\/\.\.\/etc\/passwd/);
    delete hostile.artifacts[`${LANG3}:3.12.0`].sha256;
    fs.writeFileSync(lockFile, JSON.stringify(hostile));
    const damaged = cli(dir, ['install', '--offline'], { status: 1 });
    assert.match(damaged.stderr, /napi-java-lock\.json is damaged \(artifact org\.apache\.commons:commons-lang3:3\.12\.0 has no sha256\): delete it/);
  } finally {
    fs.writeFileSync(lockFile, lockText);
  }
  // npm ci / a fresh clone: the lock is there, the jars are not
  fs.renameSync(jarsDir(dir), `${jarsDir(dir)}-away`);
  try {
    const missing = app(dir, "require('node-api-java').java.lang.Math.max(1, 2);", { status: 1 });
    assert.match(missing.stderr, /commons-text:1\.12\.0 is locked but not installed .*run `npx napi-java install`/);
  } finally {
    fs.renameSync(`${jarsDir(dir)}-away`, jarsDir(dir));
  }
});

test('npm packages that declare Java dependencies are resolved once with the project; a conflict nobody can satisfy is a clear error', () => {
  const dir = project({ dependencies: { 'uses-text': '1.0.0' }, java: { dependencies: { [LANG3]: '3.12.0' } } });
  const pkgDir = path.join(dir, 'node_modules', 'uses-text');
  fs.mkdirSync(pkgDir);
  const writePkg = (java) => fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name: 'uses-text', version: '1.0.0', java }));
  writePkg({ dependencies: { [TEXT]: '1.12.0' } });
  const before = app(dir, "require('node-api-java').java.lang.Math.max(1, 2);", { status: 1 });
  assert.match(before.stderr, /declares Java dependencies but has no napi-java-lock\.json: run `npx napi-java install`/);
  const r = cli(dir, ['install', '--json']);
  assert.equal(r.json.fromLockfile, false);
  const lock = lockOf(dir);
  assert.deepEqual(Object.keys(lock.request), ['.', path.join('node_modules', 'uses-text')]);
  assert.deepEqual(Object.keys(lock.artifacts).sort(), [`${LANG3}:3.12.0`, `${TEXT}:1.12.0`], 'one commons-lang3: the project\'s');
  const out = app(dir, `
    const jvm = require('node-api-java');
    console.log(JSON.stringify(jvm.org.apache.commons.text.WordUtils.capitalize('one two')));`);
  assert.equal(out.json, 'One Two');
  assert.match(cli(dir, ['list']).stdout, /commons-text:1\.12\.0 \(from node_modules\/uses-text\)/);

  // the package declares commons-lang3 itself, as the project does: one of them, the project's (first at that depth)
  writePkg({ dependencies: { [TEXT]: '1.12.0', [LANG3]: '3.14.0' } });
  const stale = app(dir, "require('node-api-java').java.lang.Math.max(1, 2);", { status: 1 });
  assert.match(stale.stderr, /node_modules\/uses-text changed its Java dependencies since napi-java-lock\.json was written/);
  const both = cli(dir, ['install', '--json']).json;
  assert.deepEqual(both.artifacts.map((a) => a.id).sort(), [`${LANG3}:3.12.0`, `${TEXT}:1.12.0`]);
  assert.deepEqual(both.conflicts.map((c) => [c.requested, c.chosen, c.requestedBy]), [
    [`${LANG3}:3.14.0`, `${LANG3}:3.12.0`, `${TEXT}:1.12.0`],
    [`${LANG3}:3.14.0`, `${LANG3}:3.12.0`, 'node_modules/uses-text/package.json']]);
  // a range the project's plain version is outside: the range must hold, so the highest version in it
  writePkg({ dependencies: { [TEXT]: '1.12.0', [LANG3]: '[3.14.0,3.17.0]' } });
  const ranged = cli(dir, ['install', '--json']).json;
  assert.deepEqual(ranged.artifacts.map((a) => a.id).sort(), [`${LANG3}:3.17.0`, `${TEXT}:1.12.0`]);
  assert.ok(ranged.conflicts.some((c) => c.requested === `${LANG3}:3.12.0` && c.chosen === `${LANG3}:3.17.0` && c.requestedBy === 'package.json'),
    JSON.stringify(ranged.conflicts));
  writePkg({ dependencies: { [TEXT]: '1.12.0', [LANG3]: '[3.14.0]' } });
  // and an exact version the project's exact one excludes: no version satisfies both
  const pj = path.join(dir, 'package.json');
  const pkg = readJson(pj);
  pkg.java.dependencies[LANG3] = '[3.12.0]';
  fs.writeFileSync(pj, JSON.stringify(pkg, null, 2));
  const lockBefore = fs.readFileSync(path.join(dir, 'napi-java-lock.json'), 'utf8');
  const bad = cli(dir, ['install'], { status: 1 });
  assert.match(bad.stderr, /the Java dependencies cannot be resolved together: no version of org\.apache\.commons:commons-lang3 is in all of \[3\.12\.0\], \[3\.14\.0\]/);
  assert.match(bad.stderr, /Declared:\n {2}\.: org\.apache\.commons:commons-lang3 \[3\.12\.0\]\n {2}node_modules\/uses-text: org\.apache\.commons:commons-lang3 \[3\.14\.0\]\nFix: /);
  assert.equal(fs.readFileSync(path.join(dir, 'napi-java-lock.json'), 'utf8'), lockBefore, 'the lockfile is untouched');
});

test('network failures and bad input are clear errors that leave the project as it was', () => {
  const dir = project();
  const work = tempDir('maven-offline');
  // settings.xml is honoured: its mirror (a closed port) replaces Maven Central
  const unreachable = settings(work, { repository: path.join(work, 'repository'), mirror: 'http://127.0.0.1:1/maven2' });
  const pj = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
  const r = cli(dir, ['add', `${LANG3}:3.17.0`, '--settings', unreachable], { status: 1 });
  assert.match(r.stderr, /cannot reach the Maven repository unreachable \(http:\/\/127\.0\.0\.1:1\/maven2\): .*Connection refused/);
  assert.match(r.stderr, /Check the network connection, or the mirrors and proxies of .*settings\.xml/);
  assert.equal(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'), pj, 'package.json unchanged');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['node_modules', 'package.json']);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'node_modules')), ['node-api-java']);

  const offline = cli(dir, ['add', `${LANG3}:3.17.0`, '--offline', '--settings', settings(work, { repository: path.join(work, 'empty') })], { status: 1 });
  assert.match(offline.stderr, /commons-lang3.*(offline|not been downloaded)/);
  const badCoords = cli(dir, ['add', 'commons-lang3'], { status: 1 });
  assert.match(badCoords.stderr, /'commons-lang3' is not a Maven coordinate: write groupId:artifactId:version/);
  const noSuch = cli(dir, ['add', 'org.apache.commons:commons-lang3:0.0.0-no-such-version'], { status: 1 });
  assert.match(noSuch.stderr, /commons-lang3.*0\.0\.0-no-such-version[\s\S]*Check the coordinates/);
  const noRemove = cli(dir, ['remove', LANG3], { status: 1 });
  assert.match(noRemove.stderr, /org\.apache\.commons:commons-lang3 is not a Java dependency of /);
  assert.equal(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'), pj, 'package.json unchanged');
  // a symlink in node_modules back to the project (workspaces, pnpm layouts): each real folder is scanned once
  const loop = project({ java: { dependencies: { [LANG3]: '3.12.0' } } });
  fs.symlinkSync(loop, path.join(loop, 'node_modules', 'loop'));
  cli(loop, ['install', '--offline']);
  assert.deepEqual(Object.keys(lockOf(loop).request), ['.', path.join('node_modules', 'loop')]);
  const noPackage = tempDir('maven-nopkg');
  const none = runNode([CLI, 'list'], { cwd: noPackage });
  assert.equal(none.status, 1, describeRun(none));
  assert.match(none.stderr, /no package\.json in .* or above: run `npm init -y` first/);
});

test('remove and update rewrite package.json, the lockfile and the jar folder', () => {
  const dir = project();
  cli(dir, ['add', `${TEXT}:1.12.0`, `${LANG3}:3.12.0`, '--no-typings']);
  cli(dir, ['remove', LANG3]);
  assert.deepEqual(readJson(path.join(dir, 'package.json')).java.dependencies, { [TEXT]: '1.12.0' });
  assert.deepEqual(Object.keys(lockOf(dir).artifacts), [`${TEXT}:1.12.0`, `${LANG3}:3.14.0`], 'commons-text\'s own choice now');
  assert.ok(!fs.existsSync(path.join(jarsDir(dir), 'org/apache/commons/commons-lang3/3.12.0')), 'the removed jar is gone');
  const r = cli(dir, ['update', TEXT, '--json']);
  const [u] = r.json.updated;
  assert.equal(u.key, TEXT);
  assert.equal(u.from, '1.12.0');
  assert.match(u.to, /^\d+\.\d+(\.\d+)?$/);
  assert.notEqual(u.to, '1.12.0');
  assert.equal(readJson(path.join(dir, 'package.json')).java.dependencies[TEXT], u.to);
  assert.ok(Object.keys(lockOf(dir).artifacts).includes(`${TEXT}:${u.to}`));
});

test('add generates typings and a loader for what it added', () => {
  const dir = project();
  const r = cli(dir, ['add', `${LANG3}:3.12.0`]);
  assert.match(r.stdout, /typings for org\.apache\.commons:commons-lang3: java-types\/commons-lang3-3\.12\.0\.d\.ts \(\d+ classes\)/);
  const dts = fs.readFileSync(path.join(dir, 'java-types', 'commons-lang3-3.12.0.d.ts'), 'utf8');
  assert.match(dts, /namespace org\.apache\.commons\.lang3 \{[\s\S]*interface StringUtils /);
  const out = app(dir, `
    const jvm = require('./java-types/commons-lang3-3.12.0');
    console.log(JSON.stringify(jvm.org.apache.commons.lang3.StringUtils.reverse('avaj')));`);
  assert.equal(out.json, 'java');
  cli(dir, ['remove', LANG3]);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'java-types')), [], 'remove deletes its typings');
});

// A repository server on 127.0.0.1 that is also the HTTP proxy in front of it: it serves the user's
// local repository (checksums computed from the files), asks for the proxy's credentials (407)
// and then for the repository's (401), as a corporate setup would. settings.xml names the mirror,
// the proxy and the server credentials; the mirror's host does not exist, so only the proxy reaches it.
function repositoryBehindProxy() {
  const http = require('node:http');
  const seen = [];
  const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://placeholder');
    seen.push({ url: req.url, proxyAuth: req.headers['proxy-authorization'], auth: req.headers.authorization });
    if (req.headers['proxy-authorization'] !== basic('proxyuser', 'proxy-secret')) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' }).end();
      return;
    }
    if (req.headers.authorization !== basic('repouser', 'repo-secret')) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="repository"' }).end();
      return;
    }
    const rel = decodeURIComponent(url.pathname).replace(/^\/maven2\//, '');
    const checksum = /\.(sha1|md5|sha256|sha512)$/.exec(rel);
    const file = path.join(USER_REPOSITORY, checksum ? rel.slice(0, -checksum[0].length) : rel);
    if (rel.includes('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const body = checksum ? crypto.createHash(checksum[1]).update(fs.readFileSync(file)).digest('hex') : fs.readFileSync(file);
    res.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, seen, port: server.address().port })));
}

test('settings.xml is honoured: its mirror, its proxy (with credentials) and the server credentials of the mirror', async (t) => {
  const { execFile } = require('node:child_process');
  const { server, seen, port } = await repositoryBehindProxy();
  t.after(() => server.close());
  const dir = project();
  const work = tempDir('maven-proxy');
  const settingsFile = path.join(work, 'settings.xml');
  fs.writeFileSync(settingsFile, `<settings>
  <localRepository>${path.join(work, 'repository')}</localRepository>
  <mirrors><mirror><id>company</id><url>http://repository.invalid/maven2</url><mirrorOf>*</mirrorOf></mirror></mirrors>
  <proxies><proxy><id>p</id><active>true</active><protocol>http</protocol><host>127.0.0.1</host><port>${port}</port>
    <username>proxyuser</username><password>proxy-secret</password></proxy></proxies>
  <servers><server><id>company</id><username>repouser</username><password>repo-secret</password></server></servers>
</settings>
`);
  // async: the server answers in this process while the CLI runs
  const r = await new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'add', `${LANG3}:3.12.0`, '--no-typings', '--settings', settingsFile],
      { cwd: dir, env: { ...process.env, JAVA_TOOL_OPTIONS: '-Dnapi.java.progress=true' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ status: error ? error.code : 0, stdout, stderr }));
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.equal(lockOf(dir).artifacts[`${LANG3}:3.12.0`].sha256, sha256(path.join(USER_REPOSITORY, 'org/apache/commons/commons-lang3/3.12.0/commons-lang3-3.12.0.jar')));
  assert.ok(fs.existsSync(path.join(work, 'repository', 'org/apache/commons/commons-lang3/3.12.0/commons-lang3-3.12.0.jar')),
    'downloaded into settings.xml\'s localRepository');
  const jar = seen.filter((s) => s.url === 'http://repository.invalid/maven2/org/apache/commons/commons-lang3/3.12.0/commons-lang3-3.12.0.jar');
  assert.ok(jar.some((s) => s.proxyAuth && s.auth), `the jar came through the proxy with both credentials: ${JSON.stringify(jar)}`);
  assert.ok(seen.every((s) => s.url.startsWith('http://repository.invalid/maven2/')), 'every request went to the mirror, through the proxy');
  // the progress bar (forced on: stderr is no terminal here; --json and --quiet turn it off)
  assert.match(r.stderr, /\r\[#* *\] \d+% downloading commons-lang3-3\.12\.0\.jar/, r.stderr);
  assert.match(r.stdout, /^napi-java: 1 Java artifact \(0\.6 MB\) in node_modules\/\.napi-java, locked in napi-java-lock\.json\n$/);
});
