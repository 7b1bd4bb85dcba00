'use strict';
// One implementation of node-java's API per process: node worker.js <drop-in|node-java>
// prints one line @@RESULT@@{ id, results: { case: { ns } }, errors, info }. The drop-in is
// require('node-api-java/node-java') from the packed package (NODE_API_JAVA_PATH overrides);
// node-java is the release node-java-peer.sh built (BENCH_NODE_JAVA_PATH). The same program text
// runs against both: that is the point of a drop-in.
const path = require('path');
const { measure } = require('../workers/harness');

const impl = process.argv[2];
const bench = path.resolve(__dirname, '..');
const classes = process.env.BENCH_CLASSES || path.join(bench, 'target', 'classes');
const quick = process.env.BENCH_QUICK === '1';
const ASYNC_CALLS = quick ? 2000 : 20000;
const IN_FLIGHT = 100;

function load() {
  if (impl === 'drop-in') {
    const pkg = process.env.NODE_API_JAVA_PATH || path.join(bench, '..', 'distribution', 'target', 'npm', 'node-api-java');
    return require(path.join(pkg, 'node-java'));
  }
  if (!process.env.BENCH_NODE_JAVA_PATH) throw new Error('no built node-java (BENCH_NODE_JAVA_PATH unset)');
  return require(process.env.BENCH_NODE_JAVA_PATH);
}

// ns per call of `calls` callback calls made one after another (each starts in the previous one's
// callback): the latency of node-java's async form, a pool thread and a wake-up per call.
function sequentialCallbacks(call, calls) {
  return new Promise((resolve, reject) => {
    let left = calls;
    const t0 = process.hrtime.bigint();
    const next = (err) => {
      if (err) return reject(err);
      if (left-- === 0) return resolve(Number(process.hrtime.bigint() - t0) / calls);
      return call(next);
    };
    next();
  });
}

// ns per call with `inFlight` callback calls outstanding at any time: the async form's throughput.
function parallelCallbacks(call, calls, inFlight) {
  return new Promise((resolve, reject) => {
    let started = 0;
    let done = 0;
    const t0 = process.hrtime.bigint();
    const onDone = (err) => {
      if (err) return reject(err);
      done++;
      if (done === calls) return resolve(Number(process.hrtime.bigint() - t0) / calls);
      if (started < calls) { started++; call(onDone); }
      return undefined;
    };
    for (; started < Math.min(inFlight, calls); started++) call(onDone);
  });
}

async function bestOf(runs, fn) {
  await fn(); // warm-up: the pool's threads, the JIT of both sides
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  return { ns: Math.min(...samples) };
}

async function main() {
  const out = { id: impl, results: {}, errors: {} };
  const java = load();
  java.classpath.push(classes);
  for (const o of (process.env.BENCH_JVM_OPTIONS || '').split(/\s+/).filter(Boolean)) java.options.push(o);
  const Target = java.import('bench.BenchTarget');
  const counter = java.newInstanceSync('bench.BenchTarget');
  out.info = { javaVersion: java.callStaticMethodSync('java.lang.System', 'getProperty', 'java.version') };
  const sync = {
    callStaticMethodSync: [(i) => java.callStaticMethodSync('bench.BenchTarget', 'add', i, 1), (r) => r === 2],
    importedStatic: [(i) => Target.addSync(i, 1), (r) => r === 2],
    instance: [() => counter.incrementSync(), (r) => typeof r === 'number'],
    newInstanceSync: [() => java.newInstanceSync('java.lang.StringBuilder'), (r) => r.lengthSync() === 0],
    importedNew: [() => new Target(), (r) => typeof r.incrementSync === 'function'],
  };
  for (const [id, [fn, ok]] of Object.entries(sync)) {
    try {
      if (!ok(fn(1))) throw new Error(`wrong result: ${fn(1)}`);
      out.results[id] = measure(fn, quick);
    } catch (e) {
      out.errors[id] = String(e.message).split('\n')[0];
    }
  }
  const increment = (cb) => counter.increment(cb);
  try {
    out.results.callbackSequential = await bestOf(3, () => sequentialCallbacks(increment, ASYNC_CALLS));
    out.results.callbackParallel = await bestOf(3, () => parallelCallbacks(increment, ASYNC_CALLS, IN_FLIGHT));
  } catch (e) {
    out.errors.callbackSequential = String(e.message).split('\n')[0];
  }
  process.stdout.write(`\n@@RESULT@@${JSON.stringify(out)}\n`);
  process.exit(0); // node-java leaves JVM threads that keep the process alive
}

main().catch((e) => {
  process.stdout.write(`\n@@RESULT@@${JSON.stringify({ id: impl, fatal: String(e && e.stack || e) })}\n`);
  process.exit(0);
});
