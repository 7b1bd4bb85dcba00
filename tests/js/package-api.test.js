'use strict';
// The package as Node and TypeScript developers load it: require and ES module imports (default and
// named) of one shared root, names that loaders and `await` probe not starting the JVM, configure()
// chaining and its option forms, and the hand-written index.d.ts under tsc --strict (esModuleInterop
// on and off, CommonJS and Node16 ES modules), with a file of deliberate errors tsc must reject.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { CLASSES, runNode, describeRun, project, tscRun, expectTscErrors } = require('./helpers');

test('names that loaders, await and tools probe do not start the JVM; configure() still works after them', () => {
  const script = `
    const util = require('util');
    const jvm = require('node-api-java');
    const probed = [jvm.__esModule, jvm.then, jvm.default, jvm[Symbol.toStringTag], jvm.constructor === Object,
      jvm.nodeType, jvm.$$typeof, typeof jvm.toString, 'then' in jvm];
    util.inspect(jvm);
    JSON.stringify(Object.keys(jvm));
    (async () => {
      const same = await (async () => jvm)(); // an async function returning the root awaits its then
      // configure() must still be allowed: nothing above started the JVM
      const r = jvm.configure({ jvmOptions: '-Xmx96m  -Dprobe.check=yes' });
      console.log(JSON.stringify({ probed: probed.map(String), same: same === jvm, chained: r === jvm,
        prop: jvm.java.lang.System.getProperty('probe.check'), max: String(jvm.java.lang.Runtime.getRuntime().maxMemory() <= 128 * 1024 * 1024) }));
    })().catch((e) => { console.log(JSON.stringify({ error: String(e && e.stack || e) })); });`;
  const dir = project('probes');
  const r = runNode(['-e', script], { cwd: dir });
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, {
    probed: ['undefined', 'undefined', 'undefined', 'undefined', 'true', 'undefined', 'undefined', 'function', 'false'],
    same: true, chained: true, prop: 'yes', max: 'true',
  }, describeRun(r));
});

test('configure() is chainable and checks its options', () => {
  const script = `
    const jvm = require('node-api-java');
    const errors = [];
    for (const bad of [{ nope: 1 }, { asyncThreads: 0 }, { jvmOptions: 5 }, { classpath: [1] }]) {
      try { jvm.configure(bad); } catch (e) { errors.push(e.constructor.name + ': ' + e.message); }
    }
    const max = jvm.configure({ classpath: [${JSON.stringify(CLASSES)}] }).java.lang.Math.max(3, 9);
    let late;
    try { jvm.configure({}); } catch (e) { late = e.message; }
    console.log(JSON.stringify({ errors, max, late }));`;
  const r = runNode(['-e', script], { cwd: project('configure') });
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.max, 9);
  assert.equal(r.json.errors.length, 4);
  assert.match(r.json.errors[0], /^TypeError: node-api-java: unknown configure\(\) option 'nope'/);
  assert.match(r.json.errors[1], /positive integer/);
  assert.match(r.json.late, /before the JVM starts/);
});

test('ES modules: default and named imports are the same root as require()', () => {
  const dir = project('esm');
  fs.writeFileSync(path.join(dir, 'main.mjs'), `
    import jvm, { configure, load, isJavaObject, toJS, newArray, import as importClass } from 'node-api-java';
    import { createRequire } from 'node:module';
    const required = createRequire(import.meta.url)('node-api-java');
    configure({ classpath: [${JSON.stringify(CLASSES)}] });
    const ArrayList = importClass('java.util.ArrayList');
    const list = new ArrayList();
    list.add('x');
    console.log(JSON.stringify({
      same: jvm === required, fromDefault: jvm.java.util.ArrayList === ArrayList, java: isJavaObject(list),
      data: toJS(list), loadIsFunction: typeof load, array: [...newArray('int', [1, 2])],
    }));
  `);
  const r = runNode([path.join(dir, 'main.mjs')], { cwd: dir });
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { same: true, fromDefault: true, java: true, data: ['x'], loadIsFunction: 'function', array: [1, 2] });
});

// ---- TypeScript ----

const PROGRAM = (importLine) => `${importLine}
const opts: jvm.ConfigureOptions = { classpath: [${JSON.stringify(CLASSES)}], jvmOptions: '-Xmx128m', startupCache: false };
const root: jvm.Root = jvm.configure(opts);
const max: number = root.java.lang.Math.max(2, 5); // Java packages without generated typings: any
const list = new (jvm.import('java.util.ArrayList'))();
list.add('a');
const data: unknown = jvm.toJS(list);
const isJava: boolean = jvm.isJavaObject(list);
const big: bigint = jvm.bigint(() => 5n);
const ints: jvm.JavaArray<number> = jvm.newArray('int', [1, 2, 3]);
const n: number = ints.length + ints[0];
const buf: Buffer = jvm.allocateBuffer(16);
const boxed: jvm.JavaObject = jvm.long(5n);
const s: jvm.Stats = jvm.stats();
const version: string = jvm.javaVersion;
console.log(JSON.stringify({ max, data, isJava, big: String(big), n, buf: buf.length, boxed: String(boxed), live: s.liveObjects > 0, version: typeof version }));
`;

const EXPECTED_RUN = { max: 5, data: ['a'], isJava: true, big: '5', n: 4, buf: 16, boxed: '5', live: true, version: 'string' };

for (const [label, importLine, options, file] of [
  ['CommonJS, import = require', "import jvm = require('node-api-java');", { module: 'commonjs' }, 'main.ts'],
  ['CommonJS, esModuleInterop default import', "import jvm from 'node-api-java';", { module: 'commonjs', esModuleInterop: true }, 'main.ts'],
  ['CommonJS, esModuleInterop off, namespace import', "import * as jvm from 'node-api-java';", { module: 'commonjs', esModuleInterop: false }, 'main.ts'],
  ['Node16 ES module', "import jvm from 'node-api-java';", { module: 'node16', moduleResolution: 'node16' }, 'main.mts'],
]) {
  test(`typings under tsc --strict: ${label}; the compiled program runs`, () => {
    const dir = project('ts');
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'ts-app', private: true }));
    fs.writeFileSync(path.join(dir, file), PROGRAM(importLine));
    const r = tscRun(dir, [file], options);
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}\n${r.stderr}`);
    const out = path.join(dir, 'out', file.replace(/\.(m?)ts$/, '.$1js'));
    const run = runNode([out], { cwd: dir });
    assert.equal(run.status, 0, describeRun(run));
    assert.deepEqual(run.json, EXPECTED_RUN);
  });
}

test('typings reject misuse: each deliberate error is reported', () => {
  const dir = project('ts-errors');
  const wrong = [
    "jvm.configure({ classpath: 5 });",
    "jvm.configure({ bogusOption: true });",
    "jvm.configure({ asyncThreads: '4' });",
    "jvm.load(42);",
    "jvm.import();",
    "const v: number = jvm.javaVersion;",
    "jvm.newArray('int');",
    "const b: string = jvm.bigint(() => 5n);",
    "jvm.allocateBuffer('16');",
    "jvm.stats().liveObjects.toUpperCase();",
  ];
  expectTscErrors(dir, "import jvm = require('node-api-java');", wrong);
});
