'use strict';
// Shared measurement harness. Every implementation runs in its own child process:
//   node workers/<impl>.js warm   -> one JSON line: ns/call (median of timed batches) per case
//   node workers/<impl>.js cold   -> one JSON line: ms for require + JVM start + first call
// The driver (run.js) passes the context through environment variables (see context()).
//
// An implementation module calls main(adapter) with:
//   id, label
//   load(ctx)            require the library, configure classpath/JDK; returns an api handle
//   firstCall(api)       java.lang.Math.max(3, 7) (must return 7): ends the cold-start clock
//   info(api)            { javaVersion, version?, notes? } (optional)
//   coldInfo(api)        facts about a cold start, asked after its clock stopped (optional)
//   cases(api, data)     { caseId: fn(i) } for the cases it supports (others are shown as "—")
//   inputNotes           { caseId: 'how the input is passed' } (optional, goes into the table notes)

const path = require('path');

const CALLBACKS = 100;
const DOUBLES = 1000000;
const BYTES = 1 << 20;

// minWarm: calls before timing starts (besides >= warmMs of warm-up), so that HotSpot has
// compiled the Java side and the heap regions in use have been recycled at least once.
// per: operations per fn call (the row shows ns per operation): the callback row's one JS -> Java
// call makes CALLBACKS JS calls from Java (BenchTarget.CALLBACKS_PER_CALL).
const CASES = [
  { id: 'add', label: 'static `int add(int,int)`' },
  { id: 'max', label: '`Math.max(int,int)`' },
  { id: 'instance', label: 'instance method `counter.increment()`' },
  { id: 'echo10', label: 'string echo, 10 chars' },
  { id: 'echo10k', label: 'string echo, 10 KB' },
  { id: 'sum1m', label: '`double[]` in, 1M elements', minWarm: 20 },
  { id: 'bytes1m', label: '`byte[]` out, 1 MiB', minWarm: 50 },
  { id: 'newSB', label: 'object creation `new StringBuilder()`' },
  { id: 'fieldGet', label: 'instance field get `counter.value`' },
  { id: 'fieldSet', label: 'instance field set `counter.value = i`' },
  { id: 'staticGet', label: 'static field get `BenchTarget.staticValue`' },
  { id: 'staticSet', label: 'static field set `BenchTarget.staticValue = i`' },
  { id: 'callback', label: 'JS callback called by Java on the JS thread (`IntUnaryOperator`, ns per callback)', per: CALLBACKS },
];


function context() {
  const bench = path.resolve(__dirname, '..');
  return {
    bench,
    repo: path.resolve(bench, '..'),
    javaHome: process.env.BENCH_JAVA_HOME || process.env.JAVA_HOME || '',
    classes: process.env.BENCH_CLASSES || path.join(bench, 'target', 'classes'),
    jar: process.env.BENCH_JAR || path.join(bench, 'target', 'bench.jar'),
    nodeJavaPath: process.env.BENCH_NODE_JAVA_PATH || '',
    quick: process.env.BENCH_QUICK === '1',
    // Same extra JVM options for every implementation (the driver sets -XX:+AlwaysPreTouch for
    // warm runs: on this VM first-touch page faults of a growing Java heap otherwise dominate
    // the data-heavy cases for thousands of calls). Cold runs get none.
    jvmOptions: (process.env.BENCH_JVM_OPTIONS || '').split(/\s+/).filter(Boolean),
  };
}

// Inputs shared by all implementations. Implementations that cannot take a typed array get a
// plain Array with the same values (conversion cost is part of their call, as for a user).
function makeData() {
  const doubles = new Float64Array(DOUBLES);
  let expected = 0;
  for (let i = 0; i < DOUBLES; i++) {
    doubles[i] = (i % 1000) * 0.5;
    expected += doubles[i];
  }
  return {
    s10: 'abcdefghij',
    s10k: 'node-api-java bench 0123456789 '.repeat(400).slice(0, 10240),
    doubles,
    doublesArray: Array.from(doubles),
    expectedSum: expected,
    bytes: BYTES,
  };
}

// One result check per case before timing, so a wrong answer is reported instead of timed.
function check(id, r, data) {
  switch (id) {
    // numeric equality: a bridge that picks another overload (java-bridge on JDK 25 resolves
    // Math.max(1, 7) to max(long,long) and returns 7n) is still measured; resultNote says so.
    case 'add': return Number(r) === 1 + 1 || `add(1,1) gave ${r}`;
    case 'max': return Number(r) === 7 || `max(1,7) gave ${r}`;
    case 'instance': return ['number', 'bigint'].includes(typeof r) || `increment() gave ${typeof r}`;
    case 'echo10': return r === data.s10 || 'echo(10 chars) differs';
    case 'echo10k': return r === data.s10k || 'echo(10 KB) differs';
    case 'sum1m': return Math.abs(Number(r) - data.expectedSum) < 1e-6 || `sum gave ${r}, want ${data.expectedSum}`;
    case 'bytes1m':
      return (r != null && r.length === BYTES && r[0] === 1 && r[BYTES - 1] === 2) ||
        `bytes(${BYTES}) gave ${r && r.constructor && r.constructor.name} of length ${r && r.length}`;
    case 'newSB': return (r !== null && typeof r === 'object') || `new StringBuilder() gave ${typeof r}`;
    case 'fieldGet': case 'staticGet': return typeof r === 'number' || `field read gave ${typeof r}`;
    // the callback adds 1 to each of 0..CALLBACKS-1
    case 'callback': return Number(r) === (CALLBACKS * (CALLBACKS + 1)) / 2 || `callback sum gave ${r}`;
    default: return true;
  }
}

const now = process.hrtime.bigint;
let sink; // eslint-disable-line no-unused-vars -- written, never read: keeps results alive so nothing is optimised away

// Says when a result has another JS type than the int the Java method returns.
function resultNote(id, r) {
  if (['add', 'max', 'instance'].includes(id) && typeof r !== 'number') {
    return `returns ${typeof r} (${String(r)}${typeof r === 'bigint' ? 'n' : ''}), not number`;
  }
  return null;
}

// The one loop that times every case of every implementation. It is called with many different
// closures (see primeRunner), so the call fn(i) stays a real, non-inlined call everywhere.
function runBatch(fn, n) {
  const t0 = now();
  let r;
  for (let i = 0; i < n; i++) r = fn(i);
  const dt = now() - t0;
  sink = r;
  return Number(dt);
}

function primeRunner() {
  const fns = [(i) => i + 1, (i) => i * 2, (i) => i - 1, (i) => i | 3, (i) => `${i}`, (i) => [i]];
  for (let k = 0; k < 20; k++) for (const f of fns) runBatch(f, 1000);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Warm up for warmMs and at least minWarm calls (but stop the call-count part after warmCapMs),
// then time `batches` batches of ~batchMs each; the result is the median batch's ns per call.
function measure(fn, quick, minWarm = 3) {
  const warmMs = quick ? 100 : 300;
  const warmCapMs = quick ? 1000 : 3000;
  const batchMs = quick ? 40 : 100;
  let batches = quick ? 5 : 7;
  let calls = 0;
  let spent = 0;
  let n = 1;
  while (calls < 3 || spent < warmMs * 1e6 || (calls < minWarm && spent < warmCapMs * 1e6)) {
    spent += runBatch(fn, n);
    calls += n;
    if (spent < warmMs * 1e6 / 4) n *= 2;
  }
  const perCall = spent / calls;
  if (perCall > 200e6) batches = 3; // very slow cases (> 200 ms per call): 3 single-call batches
  const size = Math.max(1, Math.round(batchMs * 1e6 / perCall));
  const samples = [];
  for (let b = 0; b < batches; b++) samples.push(runBatch(fn, size) / size);
  return {
    ns: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    batches,
    callsPerBatch: size,
    warmupCalls: calls,
  };
}

function perOperation(m, per) {
  return per === 1 ? m : { ...m, ns: m.ns / per, min: m.min / per, max: m.max / per, per };
}

function errText(e) {
  const s = e && (e.stack || e.message) ? String(e.message || e.stack) : String(e);
  return s.split('\n')[0].slice(0, 300);
}

function emit(obj) {
  process.stdout.write(`\n@@RESULT@@${JSON.stringify(obj)}\n`);
}

function runCold(adapter, ctx) {
  const t0 = now();
  const api = adapter.load(ctx);
  const r = adapter.firstCall(api);
  const ms = Number(now() - t0) / 1e6;
  if (Number(r) !== 7) throw new Error(`first call Math.max(3,7) gave ${r}`);
  // after the clock: what the start used (node-api-java: its start-up cache's status)
  return { id: adapter.id, coldMs: ms, ...(adapter.coldInfo ? { info: adapter.coldInfo(api) } : {}) };
}

function runWarm(adapter, ctx) {
  const out = { id: adapter.id, label: adapter.label, results: {}, errors: {} };
  const t0 = now();
  const api = adapter.load(ctx);
  const first = adapter.firstCall(api);
  out.loadAndFirstCallMs = Number(now() - t0) / 1e6;
  if (Number(first) !== 7) throw new Error(`first call Math.max(3,7) gave ${first}`);
  try {
    out.info = adapter.info ? adapter.info(api) : {};
  } catch (e) {
    out.info = { error: errText(e) };
  }
  out.inputNotes = adapter.inputNotes || {};
  const data = makeData();
  let cases;
  try {
    cases = adapter.cases(api, data);
  } catch (e) {
    throw new Error(`setting up cases: ${errText(e)}`);
  }
  primeRunner();
  const only = process.env.BENCH_CASES ? process.env.BENCH_CASES.split(',') : null;
  for (const c of CASES) {
    const fn = cases[c.id];
    if (!fn || (only && !only.includes(c.id))) continue;
    try {
      const r = c.id === 'add' || c.id === 'max' ? fn(1) : fn(0);
      const ok = check(c.id, r, data);
      if (ok !== true) throw new Error(`wrong result: ${ok}`);
      const rn = resultNote(c.id, r);
      if (rn) out.resultNotes = { ...(out.resultNotes || {}), [c.id]: rn };
      out.results[c.id] = perOperation(measure(fn, ctx.quick, c.minWarm), c.per || 1);
    } catch (e) {
      out.errors[c.id] = errText(e);
    }
  }
  return out;
}

function main(adapter) {
  const mode = process.argv[2] || 'warm';
  const ctx = context();
  let result;
  try {
    result = mode === 'cold' ? runCold(adapter, ctx) : runWarm(adapter, ctx);
  } catch (e) {
    result = { id: adapter.id, fatal: errText(e) };
  }
  emit(result);
  // Exit explicitly: some bridges leave JVM threads that keep the process alive (node-java).
  process.exit(0);
}

module.exports = { CASES, CALLBACKS, main, context, makeData, check, measure };
