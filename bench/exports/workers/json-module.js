'use strict';
// One fresh process: require to the first call of a module on Jackson, the way each path does it.
// exported: require('bench-json') (its jars on the start-up class path, in its trained start-up cache);
// dynamic: the same four jars through jvm.load and the class through jvm.import. Jackson's
// ObjectMapper set-up is in both. Prints @@RESULT@@{ ms, cache }.
const path = require('path');

const t0 = process.hrtime.bigint();
const APP = path.join(__dirname, '..', 'target', 'app');
const mode = process.argv[2];
const jvm = require(path.join(APP, 'node_modules', 'node-api-java'));
if (process.env.BENCH_JAVA_HOME) jvm.configure({ javaHome: process.env.BENCH_JAVA_HOME });
let pretty;
if (mode === 'exported') {
  ({ pretty } = require(path.join(APP, 'node_modules', 'bench-json')));
} else {
  const java = path.join(APP, 'node_modules', 'bench-json', 'java');
  for (const jar of ['bench-json-1.0.0.jar', 'jackson-databind.jar', 'jackson-core.jar', 'jackson-annotations.jar']) {
    jvm.load(path.join(java, jar));
  }
  pretty = jvm.import('bench.json.JsonTools').pretty;
}
const text = pretty('{"a":[1,2]}');
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (!text.includes('"a" : [ 1, 2 ]')) throw new Error(`pretty gave ${text}`);
process.stdout.write(`\n@@RESULT@@${JSON.stringify({ ms, cache: jvm.stats().startupCache.status })}\n`);
