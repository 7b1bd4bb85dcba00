'use strict';
// One fresh process: from the jar on the class path to a class of 80 methods ready to call, the way
// each path does it. exported: the module entry's registerGlue + the projection from the glue;
// dynamic: jvm.import's projection by reflection. Both include the first read of the jar's classes.
// Prints @@RESULT@@{ ms }.
const path = require('path');

const APP = path.join(__dirname, '..', 'target', 'app');
const mode = process.argv[2];
const jvm = require(path.join(APP, 'node_modules', 'node-api-java'));
if (process.env.BENCH_JAVA_HOME) jvm.configure({ javaHome: process.env.BENCH_JAVA_HOME });
jvm.import('java.lang.Math').max(1, 2); // the JVM and the bridge started: not measured
jvm.load(path.join(APP, 'node_modules', 'bench-exports', 'java', 'bench-exports-1.0.0.jar'));
const t0 = process.hrtime.bigint();
if (mode === 'exported') jvm[Symbol.for('node-api-java internals')].registerGlue('bench.exported.JSExportGlue');
const Wide = jvm.import('bench.exported.Wide');
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (Wide.seven() !== 7) throw new Error('Wide.seven() is not 7');
process.stdout.write(`\n@@RESULT@@${JSON.stringify({ ms })}\n`);
