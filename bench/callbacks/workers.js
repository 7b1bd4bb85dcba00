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

// ns per call of fn (median of 5 batches of n calls, after a warm-up)
function nsPerCall(fn, n) {
  for (let i = 0; i < n; i++) fn();
  const batches = [];
  for (let b = 0; b < 5; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    batches.push(Number(process.hrtime.bigint() - t) / n);
  }
  return Math.round(batches.sort((a, b) => a - b)[2]);
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

// Passing a buffer: 64 MiB vs 1 KiB, shared memory (ByteBuffer) vs today's byte[] copy, both ways.
function buffers(jvm, T) {
  const out = {};
  for (const [label, size] of [['1k', 1024], ['64m', 64 << 20]]) {
    const shared = jvm.allocateBuffer(size);  // Java memory: passed by reference
    const plain = new Int8Array(size);       // V8 memory: a byte[] parameter copies it
    const n = size > 1 << 20 ? 20 : 20000;
    out[`toJavaShared${label}`] = nsPerCall(() => T['first(java.nio.ByteBuffer)'](shared), n);
    out[`toJavaCopy${label}`] = nsPerCall(() => T['first(byte[])'](plain), n);
    out[`toJsShared${label}`] = nsPerCall(() => T.direct(size), n);
    out[`toJsCopy${label}`] = nsPerCall(() => T.array(size), n);
  }
  return out;
}

async function streamsSameRun(makeJava) {
  const java = [];
  const node = [];
  for (let i = 0; i < 3; i++) {
    java.push(await streamMBps(makeJava));
    node.push(await streamMBps(() => fs.createReadStream(file, { highWaterMark: 256 * 1024 })));
  }
  return { stream: Math.max(...java), streamFsSameRun: Math.max(...node) };
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
      ...buffers(jvm, T),
      // the Java stream and plain Node's on the same file in this process, alternating (best of 3 each)
      ...(await streamsSameRun(() => T.open(file))),
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
