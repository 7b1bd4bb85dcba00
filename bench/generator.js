'use strict';
// Generator benchmark: projection (first use of each class) and per-call time, with and without
// the compiled glue of `napi-java generate`. Uses the outputs of the generator end-to-end tests
// (tests/generator/target/app: run `mvn -pl tests/generator -am verify` first).
//   node bench/generator.js            # both modes, each in a fresh process
const path = require('path');
const { spawnSync } = require('child_process');

const APP = path.resolve(__dirname, '../tests/generator/target/app');
const mode = process.argv[2];

if (!mode) {
  for (const m of ['glue', 'reflection']) {
    const r = spawnSync(process.execPath, [__filename, m], { cwd: APP, encoding: 'utf8' });
    process.stdout.write(r.stdout || r.stderr);
  }
  process.exit(0);
}

const jvm = require(path.join(APP, 'out', 'guava-33.8.0-jre.js'));
const registry = jvm.import('dev.napijava.bridge.glue.GlueRegistry');
if (mode === 'reflection') registry.setEnabled(false);
// every public guava class the glue covers, projected once each (cold: first use)
const index = jvm.import('napi.glue.guava_33_8_0_jre.Index');
const classes = Array.from(new index().classNames());
let t = process.hrtime.bigint();
let projected = 0;
for (const name of classes) {
  try { jvm.import(name); projected++; } catch { /* classes that fail to initialise here */ }
}
const projectionMs = Number(process.hrtime.bigint() - t) / 1e6;
const { Strings } = jvm.com.google.common.base;
const N = 200000;
for (let i = 0; i < 20000; i++) Strings.isNullOrEmpty('x');
t = process.hrtime.bigint();
for (let i = 0; i < N; i++) Strings.isNullOrEmpty('x');
const callNs = Number(process.hrtime.bigint() - t) / N;
const stats = Array.from(registry.stats());
console.log(`${mode.padEnd(10)} projection of ${projected} guava classes: ${projectionMs.toFixed(0)} ms ` +
  `(${(projectionMs * 1000 / projected).toFixed(0)} µs/class); Strings.isNullOrEmpty: ${callNs.toFixed(0)} ns/call; ` +
  `glue [classes, hits, fallbacks] = ${stats.join(', ')}`);
