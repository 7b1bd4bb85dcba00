'use strict';
// Shared setup for the end-to-end suites: where the package and the test-case classes are, a
// JDK to compile run-time jars with, and a runner for child Node processes.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const TESTS_DIR = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(TESTS_DIR, '..');
const CLASSES = path.resolve(__dirname, '../target/classes');
const FIXTURES = path.join(__dirname, 'fixtures');

// NAPI_JAVA_PACKAGE: a path (absolute or relative to the cwd) or a package name.
function packageSpec() {
  const env = process.env.NAPI_JAVA_PACKAGE;
  if (!env) return path.resolve(__dirname, '../../distribution/target/npm/node-api-java');
  return env.startsWith('.') ? path.resolve(env) : env;
}
const PACKAGE = packageSpec();

// The packed package, distribution/target/node-api-java-<version>.tgz (the newest version there).
function findTarball() {
  const dir = path.join(REPO_ROOT, 'distribution', 'target');
  const found = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /^node-api-java-\d+\.\d+\.\d+.*\.tgz$/.test(f)).sort()
    : [];
  if (found.length === 0) throw new Error(`no node-api-java-*.tgz in ${dir}: build with 'mvn -DskipTests package'`);
  return path.join(dir, found[found.length - 1]);
}

// npm install <tgz> into `dir` (emptied first), offline as the package has no dependencies; `args`:
// more npm options. Returns npm's result and, on success, the installed package's folder.
function installTarball(dir, args = [], env = process.env) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'installed-probe', version: '1.0.0', private: true }));
  const npm = spawnSync('npm', ['install', findTarball(), '--offline', '--no-audit', '--no-fund', ...args], {
    cwd: dir, encoding: 'utf8', timeout: 150_000, env: { ...env, npm_config_update_notifier: 'false' },
  });
  return { npm, installed: path.join(dir, 'node_modules', 'node-api-java') };
}

function requireBridge() {
  return require(PACKAGE);
}

// The package under test, configured with the test-case classes (before first use).
let configured;
function loadJvm() {
  if (configured) return configured;
  if (!fs.existsSync(path.join(CLASSES, 'testcases', 'Overloads.class'))) {
    throw new Error(`test-case classes missing in ${CLASSES}: run 'mvn compile' in tests/`);
  }
  const jvm = requireBridge();
  jvm.configure({ classpath: [CLASSES] });
  configured = jvm;
  return jvm;
}

// A JDK for javac/jar: JAVA_HOME if it has javac, else the javac on PATH (symlinks resolved).
function findJdk() {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const javac = path.join(dir, 'javac');
    if (dir && fs.existsSync(javac)) candidates.push(path.dirname(path.dirname(fs.realpathSync(javac))));
  }
  for (const home of candidates) {
    if (fs.existsSync(path.join(home, 'bin', 'javac'))) return home;
  }
  throw new Error(`no JDK with javac found (tried ${candidates.join(', ') || 'nothing'})`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

// Temp dirs are removed when the process that made them exits.
const tempDirs = [];
process.on('exit', () => {
  for (const dir of tempDirs) {
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
});
function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `napi-java-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

// Compiles tests/extra-src (NOT on the initial classpath) into a temp dir:
// - jar: testcases.extra.* packed as a jar, with extra-src/resources
// - folder: a class folder holding testcases.extrafolder.*
function buildExtra() {
  const jdk = findJdk();
  const dir = tempDir('extra');
  const src = path.join(TESTS_DIR, 'extra-src', 'testcases');
  const jarClasses = path.join(dir, 'jar-classes');
  const folder = path.join(dir, 'folder-classes');
  const javac = path.join(jdk, 'bin', 'javac');
  const list = (sub) => fs.readdirSync(path.join(src, sub))
    .filter((f) => f.endsWith('.java')).map((f) => path.join(src, sub, f));
  run(javac, ['--release', '17', '-cp', CLASSES, '-d', jarClasses, ...list('extra')]);
  run(javac, ['--release', '17', '-d', folder, ...list('extrafolder')]);
  const jar = path.join(dir, 'extra.jar');
  // resources/: META-INF/services files (a ServiceLoader provider found through jvm.load())
  run(path.join(jdk, 'bin', 'jar'), ['cf', jar, '-C', jarClasses, '.', '-C', path.join(TESTS_DIR, 'extra-src', 'resources'), '.']);
  return { dir, jar, folder };
}

// The child's environment: ours, the package path, then `extra` (a null value removes a variable).
function childEnv(extra = {}) {
  const env = { ...process.env, NAPI_JAVA_PACKAGE: PACKAGE };
  for (const [k, v] of Object.entries(extra)) {
    if (v === null || v === undefined) delete env[k]; else env[k] = v;
  }
  return env;
}

// Under scripts/test-asan.sh (NAPI_JAVA_TEST_ASAN=1): the sanitizer runtime and its options, for
// a child started with an environment of its own (without LD_PRELOAD the ASan build of the addon
// refuses to load). Empty otherwise.
const SANITIZER_VARS = ['NAPI_JAVA_TEST_ASAN', 'LD_PRELOAD', 'ASAN_OPTIONS', 'LSAN_OPTIONS', 'UBSAN_OPTIONS', 'NODE_OPTIONS'];
function sanitizerEnv() {
  const env = {};
  if (!process.env.NAPI_JAVA_TEST_ASAN) return env;
  for (const k of SANITIZER_VARS) if (process.env[k] !== undefined) env[k] = process.env[k];
  return env;
}

// Runs a child Node process; returns { status, signal, stdout, stderr, ms, json }.
// `json` is the last stdout line parsed as JSON, when it is JSON.
function runNode(args, { env, cwd, timeout = 60_000, input } = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout,
    cwd: cwd || TESTS_DIR,
    input,
    env: childEnv(env),
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error && r.error.code !== 'ETIMEDOUT') throw r.error;
  const ms = Date.now() - started;
  let json;
  const lines = (r.stdout || '').trim().split('\n');
  try { json = JSON.parse(lines[lines.length - 1]); } catch { json = undefined; }
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms, json, timedOut: !!r.error };
}

// Runs tests/js/fixtures/<name> with the given arguments.
function runFixture(name, fixtureArgs = [], opts = {}) {
  return runNode([...(opts.nodeArgs || []), path.join(FIXTURES, name), ...fixtureArgs], opts);
}

// Runs fixtures/<name> and asserts the safe outcome: no crash signal, finished in time, the expected
// exit code. Returns the run (see runNode).
function runSafely(name, fixtureArgs = [], { status = 0, timeout = 60_000, ...opts } = {}) {
  const assert = require('node:assert/strict');
  const r = runFixture(name, fixtureArgs, { timeout, ...opts });
  assert.equal(r.signal, null, `crashed:\n${describeRun(r)}`);
  assert.equal(r.timedOut, false, describeRun(r));
  assert.equal(r.status, status, describeRun(r));
  return r;
}

// For assertion messages.
function describeRun(r) {
  return `status=${r.status} signal=${r.signal} ms=${r.ms}${r.timedOut ? ' (TIMED OUT)' : ''}\n` +
    `--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

// A project folder whose node_modules/node-api-java is the package under test: resolution by
// package name, so the "exports" map is what Node and tsc read.
function project(name) {
  const dir = tempDir(name);
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.symlinkSync(PACKAGE, path.join(dir, 'node_modules', 'node-api-java'), 'dir');
  return dir;
}

// TypeScript from the npm registry, installed once into tests/target/typescript-api.
const TS_VERSION = '5.9.3';
const NODE_TYPES_VERSION = '22.20.5';
function typescript() {
  const dir = path.join(TESTS_DIR, 'target', 'typescript-api');
  const tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc) || !fs.existsSync(path.join(dir, 'node_modules', '@types', 'node'))) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'typescript-api', private: true }));
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `typescript@${TS_VERSION}`,
      `@types/node@${NODE_TYPES_VERSION}`], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
    require('node:assert/strict').equal(r.status, 0, `npm install typescript failed:\n${r.stdout}\n${r.stderr}`);
  }
  return { tsc, typeRoots: path.join(dir, 'node_modules', '@types') };
}

function tscRun(dir, files, compilerOptions) {
  const { tsc, typeRoots } = typescript();
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, target: 'es2020', lib: ['es2020'], outDir: 'out', typeRoots: [typeRoots], types: ['node'], ...compilerOptions },
    files,
  }, null, 2));
  return spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
}

// Writes wrong.ts (the import line, then one deliberate error per line) and asserts that tsc
// rejects every one of those lines and no other.
function expectTscErrors(dir, importLine, wrongLines) {
  const assert = require('node:assert/strict');
  fs.writeFileSync(path.join(dir, 'wrong.ts'), `${importLine}\n${wrongLines.join('\n')}\n`);
  const r = tscRun(dir, ['wrong.ts'], { module: 'commonjs', noEmit: true });
  assert.notEqual(r.status, 0);
  const lines = [...new Set([...r.stdout.matchAll(/wrong\.ts\((\d+),/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  assert.deepEqual(lines, wrongLines.map((_, i) => i + 2), r.stdout);
}

// The start-up cache trains in the background, after the start that found no archive: waits until the
// trainer in dir is done (its lock file gone), at most timeoutMs.
async function waitForTraining(dir, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const locked = () => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.lock'));
  while (locked()) {
    if (Date.now() > deadline) throw new Error(`training in ${dir} did not finish: ${fs.readdirSync(dir)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

module.exports = {
  TESTS_DIR, REPO_ROOT, CLASSES, FIXTURES, PACKAGE, findTarball, installTarball,
  loadJvm, requireBridge, findJdk, buildExtra, tempDir, run, runNode, runFixture, runSafely, describeRun, childEnv,
  sanitizerEnv, project, tscRun, expectTscErrors, waitForTraining,
};
