'use strict';
// One fresh process: from the JVM started to a class of 80 methods ready to call, the way each path
// does it. exported: the module's jar on the start-up class path (its classes and glue in the trained
// start-up cache), the entry's registerGlue + the projection from the glue; dynamic: jvm.load of the
// jar and jvm.import's projection by reflection. Both include the first read of the jar's classes.
// Prints @@RESULT@@{ ms }.
const path = require('path');

const APP = path.join(__dirname, '..', 'target', 'app');
const MODULE = path.join(APP, 'node_modules', 'bench-exports');
const mode = process.argv[2];
const jvm = require(path.join(APP, 'node_modules', 'node-api-java'));
if (process.env.BENCH_JAVA_HOME) jvm.configure({ javaHome: process.env.BENCH_JAVA_HOME });
const internals = jvm[Symbol.for('node-api-java internals')];
const jar = path.join(MODULE, 'java', 'bench-exports-1.0.0.jar');
const { glue } = require(path.join(MODULE, 'napi-java-module.json'));
// exported: the jars on the class path the JVM starts with, as require('bench-exports') puts them
if (mode === 'exported' && !internals.addStartupModule([jar], glue)) throw new Error('the module did not go on the start-up class path');
jvm.import('java.lang.Math').max(1, 2); // the JVM and the bridge started: not measured
if (mode === 'dynamic') jvm.load(jar);
const t0 = process.hrtime.bigint();
if (mode === 'exported') internals.registerGlue(glue);
const Wide = jvm.import('bench.exported.Wide');
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (Wide.seven() !== 7) throw new Error('Wide.seven() is not 7');
process.stdout.write(`\n@@RESULT@@${JSON.stringify({ ms, cache: jvm.stats().startupCache.status })}\n`);
