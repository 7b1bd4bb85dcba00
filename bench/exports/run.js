#!/usr/bin/env node
'use strict';
// Driver of bench/exports (see run.sh): every implementation in its own process, warm passes
// interleaved (a burst of load on the shared machine hits one pass, not one column), best per case;
// cold: median of fresh processes from require to the first call.
const fs = require('fs');
const { spawnSync } = require('child_process');
const os = require('os');
const path = require('path');
const { replaceSection } = require('../results-section');

const HERE = __dirname;
const BENCH = path.dirname(HERE);
const quick = process.argv.includes('--quick');
const PASSES = Number(process.env.PASSES || (quick ? 1 : 3));
const COLD_RUNS = quick ? 1 : 11; // fresh processes are cheap (~0.1 s) and their times spread by ±10 ms
const CASES = [
  ['add', 'static `int add(int,int)` (a module-level function)'],
  ['max', '`max(int,int)` (a module-level function)'],
  ['instance', 'instance method `tally.increment()`'],
  ['echo10', 'string echo, 10 chars'],
  ['echo10k', 'string echo, 10 KB'],
];
const IMPLS = [
  { id: 'exported', script: path.join(HERE, 'workers', 'exported.js') },
  { id: 'dynamic', script: path.join(HERE, 'workers', 'dynamic.js') },
  { id: 'limit', script: path.join(BENCH, 'workers', 'limit.js') },
];
const WARM_JVM_OPTIONS = '-Xms512m -Xmx512m -XX:+AlwaysPreTouch -Dbench.jvmopts=applied';

const cacheFolder = (id) => path.join(HERE, 'target', `startup-cache-${id}`);

// One worker process (impl: { id, script }); its start-up cache is target/startup-cache-<id>
function run(impl, mode, extraEnv = {}) {
  const env = {
    ...process.env,
    BENCH_JAVA_HOME: process.env.JAVA_HOME || '',
    BENCH_CLASSES: path.join(BENCH, 'target', 'classes'),
    BENCH_QUICK: quick ? '1' : '0',
    BENCH_CASES: CASES.map(([id]) => id).join(','),
    NAPI_JAVA_STARTUP_CACHE: cacheFolder(impl.id),
    ...extraEnv,
  };
  const r = spawnSync(process.execPath, [impl.script, mode], { cwd: HERE, env, encoding: 'utf8', timeout: 300000 });
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('@@RESULT@@'));
  if (!line) return { fatal: `exit ${r.status} ${r.signal || ''}: ${(r.stderr || '').slice(-400)}` };
  return JSON.parse(line.slice('@@RESULT@@'.length));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const fmt = (ns) => (ns === undefined ? '—' : ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);

const warm = Object.fromEntries(IMPLS.map((i) => [i.id, {}]));
const errors = [];
for (let pass = 0; pass < PASSES; pass++) {
  for (const impl of IMPLS) {
    const res = run(impl, 'warm', { BENCH_JVM_OPTIONS: WARM_JVM_OPTIONS });
    if (res.fatal) { errors.push(`${impl.id}: ${res.fatal}`); continue; }
    for (const [id, m] of Object.entries(res.results || {})) {
      warm[impl.id][id] = Math.min(warm[impl.id][id] ?? Infinity, m.ns);
    }
    for (const [id, e] of Object.entries(res.errors || {})) errors.push(`${impl.id} ${id}: ${e}`);
  }
}
// A start without an archive trains one in the background: the runs after it wait for that to end,
// so that every measured start has its cache (the state of an app after its first run)
function awaitTraining(folder) {
  for (const until = Date.now() + 120000; Date.now() < until;) {
    const entries = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    if (!entries.some((e) => e.endsWith('.lock') || e.includes('.tmp-'))) return;
    spawnSync('sleep', ['0.2']);
  }
}
const cold = {};
for (const impl of IMPLS) {
  if (impl.id !== 'limit') { // trains its start-up cache (the state after npm install and a first run)
    run(impl, 'cold');
    awaitTraining(cacheFolder(impl.id));
  }
  const ms = [];
  for (let k = 0; k < COLD_RUNS; k++) {
    const res = run(impl, 'cold');
    if (res.fatal) { errors.push(`${impl.id} cold: ${res.fatal}`); break; }
    ms.push(res.coldMs);
  }
  if (ms.length) cold[impl.id] = median(ms);
}

// Fresh processes of one worker, the two modes taking turns, each with a start-up cache of its own
// (trained by a first, unmeasured run): the median ms per mode
function freshRuns(worker, runs) {
  const times = { exported: [], dynamic: [] };
  for (let k = -1; k < runs; k++) {
    for (const mode of ['exported', 'dynamic']) {
      const id = `${worker}-${mode}`;
      const res = run({ id, script: path.join(HERE, 'workers', `${worker}.js`) }, mode);
      if (res.fatal) {
        errors.push(`${worker} ${mode}: ${res.fatal}`);
        continue;
      }
      if (k < 0) {
        awaitTraining(cacheFolder(id));
        continue;
      }
      times[mode].push(res.ms);
      if (res.cache !== 'used') errors.push(`${worker} ${mode}: a run without its start-up cache (${res.cache})`);
    }
  }
  return { exported: times.exported.length ? median(times.exported) : undefined,
    dynamic: times.dynamic.length ? median(times.dynamic) : undefined };
}
const projection = freshRuns('projection', COLD_RUNS * 2 - 1); // Wide's first projection alone
const jsonModule = freshRuns('json-module', COLD_RUNS); // a module on Jackson, from require

const major = String(spawnSync(path.join(process.env.JAVA_HOME || '', 'bin', 'java'),
  ['-XshowSettings:properties', '-version'], { encoding: 'utf8' }).stderr.match(/java\.specification\.version = (\S+)/)?.[1] || '?');
const rows = CASES.map(([id, label]) => `| ${label} | ${fmt(warm.exported[id])} | ${fmt(warm.dynamic[id])} | ${fmt(warm.limit[id])} `
  + `| ${ratio(warm.exported[id], warm.limit[id])} | ${ratio(warm.dynamic[id], warm.exported[id])} |`);
rows.push(`| module load: require → \`Wide.seven()\` (a class of 80 methods; median of ${COLD_RUNS}) | ${cold.exported?.toFixed(0) ?? '—'} ms `
  + `| ${cold.dynamic?.toFixed(0) ?? '—'} ms | ${cold.limit?.toFixed(0) ?? '—'} ms | ${ratio(cold.exported, cold.limit)} `
  + `| ${ratio(cold.dynamic, cold.exported)} |`);
rows.push(`| first use of a class of 80 methods, the JVM started (median of ${COLD_RUNS * 2 - 1}) `
  + `| ${projection.exported?.toFixed(1) ?? '—'} ms | ${projection.dynamic?.toFixed(1) ?? '—'} ms | — | — `
  + `| ${ratio(projection.dynamic, projection.exported)} |`);
rows.push(`| module load of a module on Jackson: require → \`pretty(json)\` (median of ${COLD_RUNS}) `
  + `| ${jsonModule.exported?.toFixed(0) ?? '—'} ms | ${jsonModule.dynamic?.toFixed(0) ?? '—'} ms | — | — `
  + `| ${ratio(jsonModule.dynamic, jsonModule.exported)} |`);
const body = [
  `## A module written in Java (@JSExport), JDK ${major}`,
  '',
  `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`
    + ` at the end; best of ${PASSES} interleaved passes${quick ? ' (--quick)' : ''}. \`bench/exports/run.sh\`.`,
  '',
  '| case | exported module | dynamic projection | limit | exported / limit | dynamic / exported |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  'exported: `require(\'bench-exports\')`, the tgz of `napi-java pack` npm-installed: its jar on the class path the',
  'JVM starts with, so the start-up cache holds its classes and trained glue; its classes projected from the',
  'processor\'s glue (exact members, no `nameAsync` variants or selectors). dynamic: the same jar through',
  '`jvm.load` + `jvm.import` (a class loader added at run time, reflection). limit: `bench/limit/limit.c` on',
  '`bench.BenchTarget` (same method bodies). Module load: a fresh process from `require` to the first call of a',
  'class of 80 methods (`Wide.seven()`), the JVM start included; both node-api-java columns use a trained start-up',
  'cache of their own (the state after a first run). The limit column: its own start and `Math.max(3, 7)` (it has',
  'no class to project). The last row isolates what changes once the JVM runs: exported, `registerGlue` + the',
  'projection from the glue of classes mapped from the cache; dynamic, the jar opened, its classes read and',
  'verified, the projection by reflection; fresh processes taking turns. The Jackson row: `bench-json`, one',
  '@JSExport function on Jackson 2.18.2 packed with its three jars (`napi-java pack --jar`), from `require` to the',
  'first result (the JVM start and Jackson\'s `ObjectMapper` set-up in both); dynamic: the same four jars through',
  '`jvm.load`. The trainer loads (never initializes) every class of a module\'s jars, so Jackson\'s are mapped',
  'from the cache too. The warm rows call the same JS function',
  'either way (`m.add === jvm.import(...).add` once the glue is registered): their differences are noise.',
  ...(errors.length ? ['', 'Errors:', ...errors.map((e) => `- ${e}`)] : []),
].join('\n');
console.log(body);
if (!quick) console.error(`[bench] ${replaceSection(`exports-jdk${major}`, body)} updated`);
