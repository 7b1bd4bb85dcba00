'use strict';
// Platforms: the glibc floor of every native library the package and the runtime jar ship, and
// the linux-arm64 addon running real calls into Java under user-mode emulation (qemu-aarch64)
// with an arm64 Node and an arm64 JRE (scripts/setup-cross.sh sets both up; scripts/test.sh runs it),
// and the file layout of an Electron app (asar-unpacked package).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT, PACKAGE, tempDir, run, runNode, describeRun } = require('./helpers');

const GLIBC_FLOOR = '2.17';
const CROSS = path.join(REPO_ROOT, 'target', 'cross');
const SYSROOT = path.join(CROSS, 'arm64-sysroot');
const NODE_ARM64 = path.join(CROSS, 'node-arm64', 'bin', 'node');
const JRE_ARM64 = path.join(SYSROOT, 'usr', 'lib', 'jvm', 'java-17-openjdk-arm64');
// scripts/test.sh writes the reason here when setup-cross.sh could not install the toolchain
// (no apt, no network): only then is the arm64 test skipped; without either it fails.
const UNAVAILABLE = path.join(CROSS, 'UNAVAILABLE');

function versionCompare(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

// The highest GLIBC_x.y version `objdump -T` lists as required (undefined symbols: *UND*) or
// present; our libraries define none of their own, so every GLIBC_ version there is a requirement.
function highestGlibc(file) {
  const r = run('objdump', ['-T', file]);
  const versions = [...r.stdout.matchAll(/\bGLIBC_(\d+(?:\.\d+)+)\b/g)].map((m) => m[1]);
  assert.ok(versions.length > 0, `objdump -T ${file} lists no GLIBC_ symbol at all:\n${r.stdout}`);
  return versions.sort(versionCompare).pop();
}

function nativeFilesIn(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(so|node)$/.test(entry.name)) out.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return out.sort();
}

test(`every shipped native library needs glibc <= ${GLIBC_FLOOR} (objdump -T)`, () => {
  // the npm package as packed, and the libraries bundled in the runtime jar (Java hosts Node)
  const unpacked = tempDir('glibc');
  const jar = path.join(REPO_ROOT, 'runtime', 'target', 'napi-java-runtime.jar');
  assert.ok(fs.existsSync(jar), `${jar} missing: build with mvn -DskipTests package`);
  run('unzip', ['-q', jar, 'dev/napijava/npm-package/prebuilds/*', '-d', unpacked]);
  const files = [...nativeFilesIn(path.join(PACKAGE, 'prebuilds')), ...nativeFilesIn(unpacked)];
  const names = files.map((f) => path.relative(PACKAGE, f).startsWith('..') ? `runtime jar: ${path.basename(path.dirname(f))}/${path.basename(f)}` : path.relative(PACKAGE, f));
  // the addon and the two Java-hosts-Node libraries, in both places
  assert.ok(names.includes(path.join('prebuilds', 'linux-x64', 'napi_java.node')), names.join(', '));
  assert.ok(names.some((n) => n.startsWith('runtime jar: linux-x64/napi_java.node')), names.join(', '));
  const over = [];
  for (let i = 0; i < files.length; i++) {
    const v = highestGlibc(files[i]);
    if (versionCompare(v, GLIBC_FLOOR) > 0) over.push(`${names[i]} needs GLIBC_${v}`);
  }
  assert.deepEqual(over, [], `above the glibc ${GLIBC_FLOOR} floor (native/glibc_compat.h binds newer symbols to old versions)`);
});

function crossStatus() {
  if (fs.existsSync(UNAVAILABLE)) return { skip: `arm64 cross toolchain could not be installed here: ${fs.readFileSync(UNAVAILABLE, 'utf8').trim()}` };
  const missing = [];
  if (spawnSync('qemu-aarch64', ['--version']).status !== 0) missing.push('qemu-aarch64');
  if (!fs.existsSync(NODE_ARM64)) missing.push(NODE_ARM64);
  if (!fs.existsSync(path.join(JRE_ARM64, 'lib', 'server', 'libjvm.so'))) missing.push(path.join(JRE_ARM64, 'lib/server/libjvm.so'));
  return { missing };
}

test('linux-arm64: the cross-built addon makes real calls into an arm64 JVM under qemu-aarch64', (t) => {
  const status = crossStatus();
  if (status.skip) {
    t.skip(status.skip);
    return;
  }
  assert.deepEqual(status.missing, [], 'arm64 toolchain pieces missing: run scripts/setup-cross.sh (scripts/test.sh does)');
  const addon = path.join(PACKAGE, 'prebuilds', 'linux-arm64', 'napi_java.node');
  assert.ok(fs.existsSync(addon), `${addon} missing: the package was built without aarch64-linux-gnu-gcc (scripts/setup-cross.sh, then mvn package)`);
  const file = run('file', ['-b', addon]).stdout;
  assert.match(file, /ELF 64-bit LSB shared object, ARM aarch64/);
  const pkgJson = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
  assert.deepEqual(pkgJson.cpu, ['x64', 'arm64']);

  // One JVM start (qemu runs HotSpot's interpreter and JITs slowly): several kinds of call in it.
  const script = `
    const jvm = require(${JSON.stringify(PACKAGE)});
    const { HashMap, ArrayList, Collections } = jvm.java.util;
    const { StringBuilder } = jvm.java.lang;
    const sb = new StringBuilder('héllo');
    sb.append(' ').append('🌍').reverse();
    const map = new HashMap();
    map.put('answer', 42);
    map.put('pi', 3.5);
    const list = new ArrayList();
    for (const x of [3, 1, 2]) list.add(x);
    Collections.sort(list);
    let thrown;
    try { jvm.java.lang.Integer.parseInt('x'); } catch (e) { thrown = e.javaClass || e.message; }
    console.log(JSON.stringify({
      arch: process.arch,
      osArch: jvm.java.lang.System.getProperty('os.arch'),
      max: jvm.java.lang.Math.max(3, 7),
      big: String(new jvm.java.math.BigInteger('2').pow(100)),
      sb: sb.toString(),
      map: [map.get('answer'), map.get('pi'), map.size()],
      list: [...list],
      thrown: String(thrown),
      javaHome: jvm.javaHome, javaVersion: jvm.javaVersion,
    }));`;
  const started = Date.now();
  const r = spawnSync('qemu-aarch64', ['-L', SYSROOT, NODE_ARM64, '-e', script], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: tempDir('arm64'),
    // only what the guest needs: its JRE and no start-up cache (one run; the archive is per arch anyway)
    env: { PATH: '/usr/bin:/bin', HOME: tempDir('arm64-home'), JAVA_HOME: JRE_ARM64, NAPI_JAVA_STARTUP_CACHE: '0' },
  });
  const ms = Date.now() - started;
  const desc = describeRun({ ...r, ms });
  assert.equal(r.signal, null, `crashed:\n${desc}`);
  assert.equal(r.status, 0, desc);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  assert.equal(out.arch, 'arm64');
  assert.equal(out.osArch, 'aarch64');
  assert.equal(out.max, 7);
  assert.equal(out.big, '1267650600228229401496703205376');
  assert.equal(out.sb, '🌍 olléh');
  assert.deepEqual(out.map, [42, 3.5, 2]);
  assert.deepEqual(out.list, [1, 2, 3]);
  assert.match(out.thrown, /NumberFormatException|For input string/);
  assert.equal(fs.realpathSync(out.javaHome), fs.realpathSync(JRE_ARM64));
  t.diagnostic(`arm64 run under qemu: ${ms} ms`);
});

test('Electron layout: JS read from app.asar, the jars from app.asar.unpacked (asarUnpack of the package)', () => {
  // a plain folder named app.asar stands for the archive: Electron reads the JS (and, with its
  // fs patch, the unpacked addon) there, while the JVM only sees the real files in app.asar.unpacked
  const resources = tempDir('electron');
  const packed = path.join(resources, 'app.asar', 'node_modules', 'node-api-java');
  const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules', 'node-api-java');
  fs.cpSync(PACKAGE, unpacked, { recursive: true, dereference: true });
  fs.cpSync(PACKAGE, packed, { recursive: true, dereference: true, filter: (src) => !src.startsWith(path.join(PACKAGE, 'java')) });
  assert.ok(!fs.existsSync(path.join(packed, 'java')), 'the jars are not readable in the archive');
  fs.writeFileSync(path.join(resources, 'app.asar', 'main.js'), `
    const jvm = require('node-api-java');
    console.log(JSON.stringify({ max: jvm.java.lang.Math.max(3, 7), from: require.resolve('node-api-java') }));`);
  const r = runNode([path.join(resources, 'app.asar', 'main.js')], { env: { NAPI_JAVA_PACKAGE: null, NAPI_JAVA_STARTUP_CACHE: '0' } });
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.max, 7);
  assert.ok(r.json.from.includes(`${path.sep}app.asar${path.sep}`), r.json.from);
});
