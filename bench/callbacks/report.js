'use strict';
// Runs every implementation of workers.js and prints/writes the table.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const [classes, jar, file] = process.argv.slice(2);

const impls = ['node-api-java', 'java-bridge', 'fs'];
const results = {};
for (const impl of impls) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'workers.js'), impl, classes, jar, file],
    { encoding: 'utf8', timeout: 300000, env: process.env });
  const line = (r.stdout || '').trim().split('\n').pop();
  try { results[impl] = JSON.parse(line); } catch { results[impl] = { error: `exit ${r.status} ${r.signal || ''} ${r.stderr}` }; }
}
const fmt = (v) => (v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') : v);
const pct = (a, b) => (typeof a === 'number' && typeof b === 'number' ? `${Math.round((100 * a) / b)} %` : '—');
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' ? `${(a / b).toFixed(1)}×` : '—');
const ours = results['node-api-java'];
const jb = results['java-bridge'];
const rows = [
  ['JS callback called by Java on the JS thread (calls/s)', 'jsThread'],
  ['JS callback called from another Java thread (calls/s)', 'otherThread'],
  ['async call round trips, 100 in flight (calls/s)', 'asyncRoundTrip'],
];
const lines = [
  `Callbacks, async and streams — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}; JAVA_HOME=${process.env.JAVA_HOME}; ${os.cpus().length} cores. Higher is better.`,
  '',
  '| case | node-api-java | java-bridge 2.8.0 | node-api-java / java-bridge |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(([label, k]) => `| ${label} | ${fmt(ours[k])} | ${fmt(jb[k])} | ${ratio(ours[k], jb[k])} |`),
  `| 256 MB file as a Node stream (MB/s) | ${fmt(ours.stream)} (Java FileInputStream → Readable) | ${fmt(jb.stream)} | plain Node fs.createReadStream: ${fmt(results.fs.stream)} MB/s (${ratio(ours.stream, results.fs.stream)} of it) |`,
  '',
  `Stream and fs.createReadStream in the same process, alternating, best of 3 each: ${fmt(ours.stream)} MB/s vs ${fmt(ours.streamFsSameRun)} MB/s = **${pct(ours.stream, ours.streamFsSameRun)}** of Node's own (same 256 MB file, 256 KB chunks).`,
  '',
  'Passing a buffer (ns per call; node-api-java only): shared memory (a `ByteBuffer` over Java memory: `jvm.allocateBuffer` in, a direct buffer out) vs today\'s copy of a `byte[]`.',
  '',
  '| direction | shared 1 KiB | shared 64 MiB | 64 MiB / 1 KiB | byte[] copy 1 KiB | byte[] copy 64 MiB | 64 MiB / 1 KiB |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...[['JS → Java', 'toJava'], ['Java → JS', 'toJs']].map(([label, k]) => `| ${label} | ${fmt(ours[k + 'Shared1k'])} | ${fmt(ours[k + 'Shared64m'])} | ${ratio(ours[k + 'Shared64m'], ours[k + 'Shared1k'])} | ${fmt(ours[k + 'Copy1k'])} | ${fmt(ours[k + 'Copy64m'])} | ${ratio(ours[k + 'Copy64m'], ours[k + 'Copy1k'])} |`),
];
for (const [k, v] of Object.entries(results)) if (v.error) lines.push('', `${k} failed: ${v.error.split('\n')[0]}`);
const table = lines.join('\n');
console.log(table);
fs.writeFileSync(path.join(__dirname, 'results.md'), table + '\n');
