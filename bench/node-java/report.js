'use strict';
// Driver of bench/node-java/run.sh: node report.js <classes> <peer folder> [--quick] [--rounds=N]
// Runs worker.js for the drop-in and for node-java in turn (ROUNDS rounds, the order alternating),
// keeps each cell's best round, prints the table and writes it into bench/results.md.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { replaceSection } = require('../results-section');

const [classes, peer, ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
const roundsArg = rest.find((a) => a.startsWith('--rounds='));
const ROUNDS = roundsArg ? Number(roundsArg.slice('--rounds='.length)) : quick ? 1 : 3;
// the same fixed heap for both (see bench/README.md, Method: page faults of a growing heap otherwise dominate)
const JVM_OPTIONS = '-Xms512m -Xmx512m -XX:+AlwaysPreTouch';

const outcome = JSON.parse(fs.readFileSync(path.join(peer, 'outcome.json'), 'utf8'));
const IMPLS = ['drop-in', ...(outcome.ok ? ['node-java'] : [])];
if (!outcome.ok) console.error(`[bench] java@${outcome.version} not measured: ${outcome.error}`);

const CASES = [
  ['callStaticMethodSync', "sync static call `java.callStaticMethodSync('bench.BenchTarget', 'add', i, 1)`"],
  ['importedStatic', 'sync static call on an imported class `Target.addSync(i, 1)`'],
  ['instance', 'instance call `counter.incrementSync()`'],
  ['callbackSequential', 'async callback call `counter.increment(cb)`, one at a time'],
  ['callbackParallel', 'async callback call `counter.increment(cb)`, 100 in flight'],
  ['newInstanceSync', "`java.newInstanceSync('java.lang.StringBuilder')`"],
  ['importedNew', '`new Target()` on an imported class'],
];

function runWorker(impl) {
  const env = { ...process.env, BENCH_CLASSES: classes, BENCH_JVM_OPTIONS: JVM_OPTIONS, BENCH_QUICK: quick ? '1' : '0',
    BENCH_NODE_JAVA_PATH: outcome.path };
  const r = spawnSync(process.execPath, [path.join(__dirname, 'worker.js'), impl], { env, encoding: 'utf8', timeout: 600_000 });
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('@@RESULT@@'));
  if (!line) return { id: impl, fatal: `no result (status ${r.status}, signal ${r.signal}): ${(r.stderr || '').slice(-400)}` };
  return JSON.parse(line.slice('@@RESULT@@'.length));
}

const best = Object.fromEntries(IMPLS.map((i) => [i, { results: {}, errors: {} }]));
const started = new Date();
const load = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...IMPLS].reverse() : IMPLS;
  for (const impl of order) {
    const res = runWorker(impl);
    load.push(os.loadavg()[0]);
    console.error(`[bench] round ${round + 1}/${ROUNDS} ${impl}: ${res.fatal || 'ok'}`);
    if (res.fatal) { best[impl].fatal = res.fatal; continue; }
    best[impl].info = res.info;
    for (const [id, v] of Object.entries(res.results)) {
      if (!best[impl].results[id] || v.ns < best[impl].results[id].ns) best[impl].results[id] = v;
    }
    Object.assign(best[impl].errors, res.errors);
  }
}

const fmt = (ns) => (ns >= 100 ? Math.round(ns).toLocaleString('en-US') : ns.toFixed(1));
const cell = (impl, id) => {
  const b = best[impl];
  if (b.fatal) return 'failed';
  if (b.errors[id]) return `error: ${b.errors[id]}`;
  return b.results[id] ? fmt(b.results[id].ns) : '—';
};
const header = ['| node-java call pattern (ns per call) | drop-in (node-api-java/node-java) |',
  ...(IMPLS.includes('node-java') ? [` node-java ${outcome.version} | node-java / drop-in |`] : [])].join('');
const lines = [header, `| --- | ---: |${IMPLS.includes('node-java') ? ' ---: | ---: |' : ''}`];
for (const [id, label] of CASES) {
  const row = [`| ${label} | ${cell('drop-in', id)} |`];
  if (IMPLS.includes('node-java')) {
    const a = best['drop-in'].results[id];
    const b = best['node-java'].results[id];
    row.push(` ${cell('node-java', id)} | ${a && b ? `${(b.ns / a.ns).toFixed(1)}×` : '—'} |`);
  }
  lines.push(row.join(''));
}
const jdk = (best['drop-in'].info || {}).javaVersion || 'unknown';
const section = [
  '## node-java drop-in vs node-java (bench/node-java/run.sh)',
  '',
  `${started.toISOString().slice(0, 10)}, Node ${process.version}, JDK ${jdk}, ${os.cpus().length} cores ` +
    `(${(os.cpus()[0] || {}).model || 'cpu unknown'}), load average during the runs ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)}; ` +
    `${ROUNDS} rounds per implementation (each its own process, order alternating), the best round per cell; ` +
    `sync rows: median of the timed batches (bench/workers/harness.js); async rows: ${quick ? 2000 : 20000} calls, best of 3 after a warm-up. ` +
    `Both run the same program text (bench/node-java/worker.js) with ${JVM_OPTIONS}.` +
    (outcome.ok ? '' : ` node-java ${outcome.version} was not measured: ${outcome.error}`),
  '',
  ...lines,
  '',
].join('\n');
console.log(section);
if (!quick) console.error(`[bench] wrote ${replaceSection('node-java', section)}`);
