'use strict';
// One implementation per child process: node workers.js <impl> <classesDir> <jar> <file>
// prints one JSON line { case: value }. Values: calls/s (or MB/s for streams), or a string note.
const path = require('path');
const fs = require('fs');
const [impl, classes, jar, file] = process.argv.slice(2);
const N_SYNC = 200000;
const N_THREAD = 20000;
const N_ASYNC = 20000;

async function timed(fn, n) {
  await fn(Math.min(n, 2000)); // warm-up
  const t = process.hrtime.bigint();
  await fn(n);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return Math.round(n / s);
}

async function streamMBps(makeReadable) {
  const size = fs.statSync(file).size;
  const run = () => new Promise((resolve, reject) => {
    const r = makeReadable();
    let seen = 0;
    r.on('data', (c) => { seen += c.length; });
    r.on('end', () => (seen === size ? resolve() : reject(new Error(`read ${seen} of ${size}`))));
    r.on('error', reject);
  });
  await run();
  const t = process.hrtime.bigint();
  await run();
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return Math.round(size / 1048576 / s);
}

const impls = {
  async 'node-api-java'() {
    const jvm = require(process.env.NODE_API_JAVA_PATH || path.resolve(__dirname, '../../distribution/target/npm/node-api-java'));
    jvm.configure({ classpath: [classes] });
    const T = jvm.bench.CallbackTarget;
    const f = (x) => x + 1;
    return {
      jsThread: await timed((n) => { if (T.callN(f, n) !== n * (n - 1) / 2 + n) throw new Error('wrong'); }, N_SYNC),
      otherThread: await timed(async (n) => { if ((await T.callNAsync(f, n)) !== n * (n - 1) / 2 + n) throw new Error('wrong'); }, N_THREAD),
      asyncRoundTrip: await timed(async (n) => {
        for (let i = 0; i < n; i += 100) {
          const batch = [];
          for (let j = 0; j < 100; j++) batch.push(T.idAsync(i + j));
          await Promise.all(batch);
        }
      }, N_ASYNC),
      stream: await streamMBps(() => T.open(file)),
    };
  },
  async 'java-bridge'() {
    const jb = require(path.resolve(__dirname, '../node_modules/java-bridge'));
    jb.ensureJvm({ classpath: [jar], ...(process.env.JAVA_HOME ? { libPath: `${process.env.JAVA_HOME}/lib/server/libjvm.so` } : {}) });
    const T = jb.importClass('bench.CallbackTarget');
    const proxy = jb.newProxy('java.util.function.IntUnaryOperator', { applyAsInt: (x) => x + 1 });
    const out = {
      // a sync call whose Java code calls the proxy deadlocks (java-bridge docs: call it async)
      jsThread: 'deadlocks (must be called async)',
      otherThread: await timed(async (n) => { await T.callN(proxy, n); }, N_THREAD),
      asyncRoundTrip: await timed(async (n) => {
        for (let i = 0; i < n; i += 100) {
          const batch = [];
          for (let j = 0; j < 100; j++) batch.push(T.id(i + j));
          await Promise.all(batch);
        }
      }, N_ASYNC),
      stream: 'no stream support',
    };
    proxy.reset();
    return out;
  },
  async fs() {
    return { stream: await streamMBps(() => fs.createReadStream(file, { highWaterMark: 256 * 1024 })) };
  },
};

// writeSync: process.exit() must not cut a piped stdout short
impls[impl]().then((r) => { fs.writeSync(1, JSON.stringify(r) + '\n'); process.exit(0); },
  (e) => { fs.writeSync(1, JSON.stringify({ error: String(e && e.stack || e) }) + '\n'); process.exit(0); });
