'use strict';
// Node worker threads: each environment has its own projection state; the JVM is shared.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Worker } = require('node:worker_threads');
const { loadJvm, PACKAGE } = require('./helpers');

test('a worker thread uses the bridge alongside the main thread, and the main thread keeps working after it exits', async () => {
  const jvm = loadJvm();
  const main = new jvm.java.util.ArrayList();
  main.add('main');
  const code = `
    const { parentPort } = require('node:worker_threads');
    const jvm = require(${JSON.stringify(PACKAGE)});
    const list = new jvm.java.util.ArrayList();
    for (let i = 0; i < 1000; i++) list.add(i);
    const sum = jvm.java.lang.Math.addExact(list.get(998), list.get(999));
    parentPort.postMessage({ sum, size: list.size(), thread: jvm.java.lang.Thread.currentThread().getName() });
  `;
  const result = await new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true });
    let message;
    w.on('message', (m) => { message = m; });
    w.on('error', reject);
    w.on('exit', (exitCode) => (exitCode === 0 ? resolve(message) : reject(new Error(`worker exit ${exitCode}`))));
  });
  assert.deepEqual(result, { sum: 1997, size: 1000, thread: 'node-api-java' });
  assert.equal(main.size(), 1);
  assert.equal(main.get(0), 'main');
  assert.equal(jvm.java.lang.Math.max(4, 9), 9);
});
