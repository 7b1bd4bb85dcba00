'use strict';
// Runs every implementation of workers.js (each in its own process) and prints/writes the table.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const [classes, jar] = process.argv.slice(2);

const impls = ['node-api-java', 'java-bridge', 'node-java'];
const CASES = ['forOf', 'index', 'get', 'toArray', 'mapValues', 'javaLoop'];
const results = {};
for (const impl of impls) {
  results[impl] = {};
  for (const c of CASES) {
    if (c === 'javaLoop' && impl !== 'node-api-java') continue;
    const r = spawnSync(process.execPath, [path.join(__dirname, 'workers.js'), impl, c, classes, jar],
      { encoding: 'utf8', timeout: 300000, env: process.env });
    const line = (r.stdout || '').trim().split('\n').pop();
    let value;
    try { value = JSON.parse(line).value; } catch { value = undefined; }
    if (value === undefined) {
      const why = (r.stderr || '').trim().split('\n').filter(Boolean).pop() || '';
      value = r.signal ? `crashes the process (${r.signal}: ${why.slice(0, 120)})` : `exit ${r.status}: ${why.slice(0, 120)}`;
    }
    results[impl][c] = value;
  }
}
const fmt = (v) => (v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') : v);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' ? `${(a / b).toFixed(1)}×` : '—');
const ours = results['node-api-java'];
const rows = [
  ['`for (const x of list)`', 'forOf'],
  ['`list[i]` loop', 'index'],
  ['`list.get(i)` loop', 'get'],
  ['`list.toArray()` copy, then a JS loop', 'toArray'],
  ['map values: node-api-java `for (const [k, v] of map)`, peers `values().iterator()` hasNext/next', 'mapValues'],
];
const lines = [
  `Values — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}; JAVA_HOME=${process.env.JAVA_HOME}; ${os.cpus().length} cores.`,
  'ns per element over a 100,000-element `ArrayList<Integer>` / `HashMap<String, Integer>` (best of 5), lower is better.',
  '',
  '| case | node-api-java | java-bridge 2.8.0 | java 0.18.0 (node-java) | java-bridge / node-api-java | node-java / node-api-java |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([label, k]) => {
    const jb = results['java-bridge'][k];
    const nj = results['node-java'][k];
    return `| ${label} | ${fmt(ours[k])} | ${fmt(jb)} | ${fmt(nj)} | ${ratio(jb, ours[k])} | ${ratio(nj, ours[k])} |`;
  }),
  '',
  `node-api-java: \`for...of\` / \`toArray()\` = ${ratio(ours.forOf, ours.toArray)}, \`list[i]\` / \`get(i)\` = ${ratio(ours.index, ours.get)}; ` +
    `Java's own loop over the list (one call): ${fmt(ours.javaLoop)} ns per element.`,
];
const table = lines.join('\n');
console.log(table);
fs.writeFileSync(path.join(__dirname, 'results.md'), table + '\n');
