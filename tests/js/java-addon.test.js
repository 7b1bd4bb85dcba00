'use strict';
// A Node.js module written in Java (README "Write a Node.js module in Java"): examples/java-addon,
// built by Maven with the @JSExport processor, packed by `napi-java pack` into an npm tarball,
// npm-installed into a fresh folder beside node-api-java, then used as its users would: the
// example's own node --test suite, a TypeScript program under --strict (and the misuse tsc must
// reject), an ES module import. Also pack's errors on bad input.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { PACKAGE, REPO_ROOT, findTarball, tempDir, runNode, describeRun, tscRun, expectTscErrors, waitForTraining } = require('./helpers');

const CLI = path.join(PACKAGE, 'bin', 'napi-java.js');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'java-addon');
const JAR = path.join(EXAMPLE, 'target', 'shop-1.0.0.jar');
const DEPENDENCY = path.join(REPO_ROOT, 'tests', 'target', 'jars', 'jackson-core.jar'); // tests/pom.xml copies it

function cli(args, { status = 0, cwd } = {}) {
  const r = runNode([CLI, ...args], { cwd, timeout: 120_000 });
  assert.equal(r.status, status, describeRun(r));
  return r;
}

let app; // the fresh folder with node_modules/shop and node_modules/node-api-java
test.before(() => {
  assert.ok(fs.existsSync(JAR), `${JAR} is missing: build examples/java-addon (mvn package)`);
  assert.ok(fs.existsSync(DEPENDENCY), `${DEPENDENCY} is missing: the tests module copies it (mvn verify, not -DskipTests)`);
  const work = tempDir('java-addon');
  // with a jar the library ships (as a library on Jackson would): the start-up cache test looks for its classes
  const tgz = cli(['pack', JAR, '--jar', DEPENDENCY, '--out', work]).stdout.trim();
  assert.equal(path.basename(tgz), 'shop-1.0.0.tgz');
  app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'uses-shop', version: '1.0.0', private: true }));
  const npm = spawnSync('npm', ['install', findTarball(), tgz, '--offline', '--no-audit', '--no-fund'], {
    cwd: app, encoding: 'utf8', timeout: 150_000, env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  assert.equal(npm.status, 0, `${npm.stdout}\n${npm.stderr}`);
});

test('the packed module holds the entry, typings, descriptor and jar; its package.json names them', () => {
  const dir = path.join(app, 'node_modules', 'shop');
  for (const f of ['index.js', 'index.mjs', 'index.d.ts', 'napi-java-module.json', 'java/shop-1.0.0.jar', 'java/jackson-core.jar']) {
    assert.ok(fs.existsSync(path.join(dir, f)), f);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  assert.equal(pkg.main, 'index.js');
  assert.equal(pkg.types, 'index.d.ts');
  assert.match(pkg.dependencies['node-api-java'], /^\^\d+\.\d+\.\d+/);
  // one node-api-java: the module's dependency is the installed one
  assert.ok(!fs.existsSync(path.join(dir, 'node_modules', 'node-api-java')));
});

test("the example's own suite passes against the installed module", () => {
  fs.copyFileSync(path.join(EXAMPLE, 'test', 'shop.test.js'), path.join(app, 'shop.test.js'));
  // (without the parent runner's NODE_TEST_CONTEXT, the child reports for itself)
  const r = runNode(['--test', '--test-reporter=spec', path.join(app, 'shop.test.js')],
    { cwd: app, timeout: 120_000, env: { NODE_TEST_CONTEXT: null } });
  assert.equal(r.status, 0, describeRun(r));
  assert.match(r.stdout, /ℹ pass 8\b/, r.stdout);
  assert.match(r.stdout, /ℹ fail 0\b/, r.stdout);
});

test('a TypeScript program compiles under --strict against the generated typings and runs', () => {
  fs.copyFileSync(path.join(EXAMPLE, 'ts', 'main.ts'), path.join(app, 'main.ts'));
  const tsc = tscRun(app, ['main.ts'], { module: 'commonjs', esModuleInterop: true });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  const r = runNode([path.join(app, 'out', 'main.js')], { cwd: app, timeout: 60_000 });
  assert.equal(r.status, 0, describeRun(r));
  assert.match(r.stdout, /priced INK at 4\.00/);
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  assert.deepEqual(result, { greet: 'Welcome to the shop, TS!', m: { x: 1, y: 1 }, color: 'GREEN', n: 3,
    big: '51090942171709440000', sum: '6', taxed: 110, counter: 1, first: 'one', heard: ['x'], location: 0 });
});

test("the typings compile under tsc's defaults too (no target, no lib: ES5's, without Iterable or bigint)", () => {
  fs.writeFileSync(path.join(app, 'defaults.ts'), [
    "import jvm = require('node-api-java');",
    "import { greet, Inventory } from 'shop';",
    "const items: Iterable<string> = new Inventory('d').items();",
    "console.log(greet('d'), jvm.isJavaObject(items));",
  ].join('\n'));
  const tsc = tscRun(app, ['defaults.ts'], { target: undefined, lib: undefined, types: [], module: 'commonjs', noEmit: true });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

test('the typings reject misuse: wrong types, unexported members, read-only properties, unknown constants', () => {
  expectTscErrors(app, "import { Color, Counter, Inventory, brighter, greet, midpoint } from 'shop';", [
    'greet(42);',
    "midpoint({ x: 1 }, { x: 1, y: 2 });",
    'new Counter().reset();',
    "new Inventory('a').count = 3;",
    "brighter('PURPLE');",
    'new Inventory().getName();',
    "const n: number = Color.RED;",
    "new Inventory('a').add('x', '1', 2);",
  ]);
});

test('import from an ES module: named exports and the default export', () => {
  fs.writeFileSync(path.join(app, 'esm.mjs'), [
    "import shop, { greet, Color, Inventory } from 'shop';",
    "const inv = new Inventory('esm');",
    'inv.color = Color.BLUE;',
    "console.log(greet('ESM'), inv.color.name(), shop.Color === Color);",
  ].join('\n'));
  const r = runNode([path.join(app, 'esm.mjs')], { cwd: app, timeout: 60_000 });
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.stdout.trim(), 'Welcome to the shop, ESM! BLUE true');
});

test("require starts the JVM with the module's jar on its class path; the start-up cache then holds its classes", async () => {
  const cache = tempDir('java-addon-cache');
  const log = path.join(cache, 'class-load.log');
  const script = (jvmOptions) => [
    "const jvm = require('node-api-java');",
    `jvm.configure({ jvmOptions: ${JSON.stringify(jvmOptions)} });`,
    "const shop = require('shop');",
    "const greeting = shop.greet('cache');",
    "const classPath = String(jvm.java.lang.System.getProperty('java.class.path'));",
    "const loader = String(jvm.java.lang.Class.forName('com.example.shop.Shop').getClassLoader().getClass().getName());",
    "new (jvm.import('com.fasterxml.jackson.core.JsonFactory'))();",
    'console.log(JSON.stringify({ greeting, classPath, loader, cache: jvm.stats().startupCache.status }));',
  ].join('\n');
  const env = { NAPI_JAVA_STARTUP_CACHE: cache };
  const first = runNode(['-e', script([])], { cwd: app, env, timeout: 60_000 });
  assert.equal(first.status, 0, describeRun(first));
  assert.equal(first.json.greeting, 'Welcome to the shop, cache!');
  const jar = path.join(fs.realpathSync(app), 'node_modules', 'shop', 'java', 'shop-1.0.0.jar');
  assert.ok(first.json.classPath.split(path.delimiter).includes(jar), first.json.classPath);
  assert.equal(first.json.loader, 'jdk.internal.loader.ClassLoaders$AppClassLoader');
  assert.equal(first.json.cache, 'training');
  await waitForTraining(cache, 90_000);
  assert.ok(fs.readdirSync(cache).some((f) => f.endsWith('.jsa')), `no start-up archive was trained: ${fs.readdirSync(cache)}`);

  const second = runNode(['-e', script([`-Xlog:class+load=info:file=${log}`])], { cwd: app, env, timeout: 60_000 });
  assert.equal(second.status, 0, describeRun(second));
  assert.equal(second.json.cache, 'used');
  const loaded = fs.readFileSync(log, 'utf8');
  // the exported classes, the glue and the classes of the jar the module ships are mapped from the archive,
  // not read from the jars
  for (const name of ['com.example.shop.Shop', 'com.example.shop.JSExportGlue', 'com.fasterxml.jackson.core.JsonFactory']) {
    assert.match(loaded, new RegExp(`${name.replace(/\./g, '\\.')} source: shared objects file`), `${name} in:\n${loaded.slice(-3000)}`);
  }
});

test('a module required once the JVM runs (here, or in another worker) loads its jars at run time and works', () => {
  const r = runNode(['-e', [
    "const { Worker } = require('node:worker_threads');",
    "const jvm = require('node-api-java');",
    'jvm.java.lang.Math.max(1, 2);',
    "const shop = require('shop');",
    "const classPath = String(jvm.java.lang.System.getProperty('java.class.path'));",
    "const inWorker = new Worker(\"const { parentPort } = require('node:worker_threads');"
      + " parentPort.postMessage(require('shop').greet('worker'))\", { eval: true });",
    "inWorker.once('message', (worker) => console.log(JSON.stringify({ main: shop.greet('late'), worker,"
      + " onStartClassPath: classPath.includes('shop-1.0.0.jar') })));",
  ].join('\n')], { cwd: app, timeout: 60_000 });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { main: 'Welcome to the shop, late!', worker: 'Welcome to the shop, worker!', onStartClassPath: false });
});

test('a damaged module is a clear error at require, never a crash', () => {
  const dir = path.join(app, 'node_modules', 'shop');
  const descriptorFile = path.join(dir, 'napi-java-module.json');
  const original = fs.readFileSync(descriptorFile, 'utf8');
  const truncated = path.join(dir, 'java', 'truncated.jar');
  const tryRequire = (descriptor) => {
    fs.writeFileSync(descriptorFile, JSON.stringify(descriptor));
    const r = runNode(['-e', "try { require('shop'); console.log('loaded') } catch (e) { console.log(e.name + ': ' + e.message) }"],
      { cwd: app, timeout: 60_000 });
    assert.equal(r.status, 0, describeRun(r));
    return r.stdout.trim();
  };
  try {
    const good = JSON.parse(original);
    assert.match(tryRequire({ ...good, format: 2 }), /TypeError: .*napi-java-module\.json \(format 2, this version reads 1\): rebuild it/);
    assert.match(tryRequire({ ...good, exports: undefined }), /unusable napi-java-module\.json \(no exports or glue\)/);
    assert.match(tryRequire({ ...good, glue: 'com.example.shop.NoSuchGlue' }), /Glue index com\.example\.shop\.NoSuchGlue was not found/);
    assert.match(tryRequire({ ...good, jars: ['java/missing.jar'] }), /missing\.jar/);
    // a truncated jar on the start-up class path: named, as jvm.load names it
    fs.writeFileSync(truncated, fs.readFileSync(path.join(dir, 'java', 'shop-1.0.0.jar')).subarray(0, 1000));
    assert.match(tryRequire({ ...good, jars: ['java/truncated.jar'] }),
      /Cannot load .*truncated\.jar: not a valid jar\/zip file .*corrupt or truncated/);
    assert.match(tryRequire({ ...good, exports: [{ kind: 'macro', js: 'x', java: 'y' }] }), /an export of kind macro/);
  } finally {
    fs.writeFileSync(descriptorFile, original);
    fs.rmSync(truncated, { force: true });
  }
});

test('napi-java pack: clear errors for a jar without a module, a bad name or version, a missing jar', () => {
  const work = tempDir('pack-errors');
  const plain = path.join(REPO_ROOT, 'runtime', 'target', 'napi-java-runtime.jar');
  let r = cli(['pack', plain, '--out', work], { status: 1 });
  assert.match(r.stderr, /has no META-INF\/napi-java\/napi-java-module\.json: it was not compiled with the @JSExport processor/);
  r = cli(['pack', JAR, '--name', 'Not Valid', '--out', work], { status: 1 });
  assert.match(r.stderr, /'Not Valid' is not a valid npm package name/);
  r = cli(['pack', JAR, '--version', 'one', '--out', work], { status: 1 });
  assert.match(r.stderr, /'one' is not a semantic version/);
  r = cli(['pack', JAR, '--jar', path.join(work, 'missing.jar'), '--out', work], { status: 1 });
  assert.match(r.stderr, /no such jar: .*missing\.jar/);
  r = cli(['pack', path.join(work, 'nothing.jar'), '--out', work], { status: 1 });
  assert.match(r.stderr, /no such jar/);
  assert.deepEqual(fs.readdirSync(work).filter((f) => f.endsWith('.tgz') || f.endsWith('.partial')), []);
  // a scoped name and an explicit version
  r = cli(['pack', JAR, '--name', '@acme/shop', '--version', '2.0.0-rc.1', '--out', work]);
  assert.equal(path.basename(r.stdout.trim()), 'acme-shop-2.0.0-rc.1.tgz');
});
