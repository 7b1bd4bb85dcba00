'use strict';
// Callbacks, proxies, promises, async calls and streams across the boundary, with strict call
// counting: every callback must run exactly the expected number of times.
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadJvm } = require('./helpers');

const jvm = loadJvm();
const { Callbacks } = jvm.testcases;
const { ArrayList } = jvm.java.util;

// Like Node's own test/common mustCall: wraps fn and checks the exact call count at the end.
function mustCall(t, fn, expected) {
  let calls = 0;
  const wrapped = function (...args) {
    calls++;
    return fn.apply(this, args);
  };
  t.after(() => assert.equal(calls, expected, `callback called ${calls} times, expected ${expected}`));
  return wrapped;
}

test('list.sort with a JS comparator runs on the JS thread, re-entrantly', (t) => {
  const list = new ArrayList();
  for (const x of [5, 3, 9, 1, 7]) list.add(x);
  const threads = new Set();
  let calls = 0;
  list.sort((a, b) => {
    calls++;
    threads.add(jvm.java.lang.Thread.currentThread().getName());
    return a - b;
  });
  assert.equal(String(list), '[1, 3, 5, 7, 9]');
  assert.ok(calls >= 4, `comparator called ${calls} times`);
  assert.deepEqual([...threads], ['main']);
});

test('forEach with a JS Consumer is called once per element', (t) => {
  const list = new ArrayList();
  for (const x of ['a', 'b', 'c']) list.add(x);
  const seen = [];
  list.forEach(mustCall(t, (x) => seen.push(x), 3));
  assert.deepEqual(seen, ['a', 'b', 'c']);
});

test('JS functions as Java functional interfaces: IntBinaryOperator, Function, Runnable, Callable', (t) => {
  assert.equal(Callbacks.applyTwice(mustCall(t, (a, b) => a * b, 2), 3, 4), 48);
  assert.equal(Callbacks.apply(mustCall(t, (s) => s + '!', 1), 'hi'), 'hi!');
  let ran = 0;
  new jvm.java.lang.Thread(mustCall(t, () => { ran++; }, 1)).run();
  assert.equal(ran, 1);
  assert.equal(Callbacks.call(mustCall(t, () => 'value', 1)), 'value');
});

test('a JS object implements a Java interface; missing methods fall back to default methods', (t) => {
  const greeter = {
    greet: mustCall(t, (name) => `hello ${name}`, 3),
    times: mustCall(t, () => 2, 1),
  };
  assert.equal(Callbacks.useGreeter(greeter, 'ann'), 'hello ann x2');
  assert.equal(Callbacks.useGreeterDefault(greeter), 'hello a;hello b;');
  // with greetAll defined in JS, JS wins over the default method
  const custom = { greet: () => 'x', times: () => 0, greetAll: mustCall(t, () => 'custom', 1) };
  assert.equal(Callbacks.useGreeterDefault(custom), 'custom');
});

test('a JS function handed to Java and back is the same JS function', () => {
  const comparator = (a, b) => a - b;
  const tree = new jvm.java.util.TreeMap(comparator);
  assert.equal(tree.comparator(), comparator);
  // a plain JS object where Java expects Object is data: a java.util.Map (a copy)
  const map = Callbacks.apply((g) => g, { a: 1 });
  assert.ok(map instanceof jvm.java.util.Map);
  assert.equal(map.get('a'), 1);
});

test('a JS throw in a callback reaches Java as JSException and comes back with both stacks', () => {
  const list = new ArrayList();
  list.add(1);
  let caught;
  try {
    list.forEach(function throwingCallback() { throw new RangeError('boom from JS'); });
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, 'the JS error came back');
  assert.equal(caught.name, 'RangeError');
  assert.equal(caught.message, 'boom from JS');
  const lines = caught.stack.split('\n');
  const jsOwn = lines.findIndex((l) => l.includes('throwingCallback'));
  const javaFrame = lines.findIndex((l) => l.includes('at java.util.ArrayList.forEach(ArrayList.java:'));
  const caller = lines.findIndex((l, i) => i > javaFrame && l.includes('callbacks.test.js'));
  assert.ok(jsOwn > 0 && javaFrame > jsOwn && caller > javaFrame, caught.stack);
  assert.equal(caught.javaException.getClass().getName(), 'dev.napijava.JSException');
  assert.match(String(caught.javaException.getJsStack()), /throwingCallback/);
});

test('10,000 callbacks from a Java thread pool are queued to the JS thread and all results checked', async (t) => {
  let calls = 0;
  const threads = new Set();
  const fn = (n) => {
    calls++;
    threads.add(jvm.java.lang.Thread.currentThread().getName());
    return n * 2;
  };
  // run the Java method on the async pool so the JS thread is free to serve the queue
  const sum = await Callbacks.callFromPoolAsync(fn, 10000, 8);
  assert.equal(calls, 10000);
  assert.equal(sum, 2 * (10000 * 9999) / 2);
  assert.deepEqual([...threads], ['main'], 'every callback ran on the JS thread');
});

test('the peers\' deadlock: a sync call waiting on a thread that calls JS fails fast with a clear error', async () => {
  let calls = 0;
  assert.throws(
    () => Callbacks.waitForCallbackOnOtherThread(() => { calls++; return 1; }),
    (err) => {
      // the bridge's deadlock check (JsEnv.DEADLOCK_GRACE_MS, README "Callbacks, async, threads,
      // streams"; its timing is JsEnvTest's), not the Java side's own 30 s TimeoutException
      assert.match(err.message, /JS thread is blocked inside a synchronous Java call \(for more than 300 ms\)/);
      assert.match(err.message, /Async/);
      return true;
    });
  assert.equal(calls, 0, 'the callback could not run while the JS thread was blocked');
  // the failed call was taken back from the queue: the JS thread, free again, does not run it late
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.equal(calls, 0, 'the callback that failed ran after all');
});

test('the same call made with the Async variant serves the callback', async (t) => {
  const result = await Callbacks.waitForCallbackOnOtherThreadAsync(mustCall(t, () => 'served', 1));
  assert.equal(result, 'served');
});

test('CompletableFuture and CompletionStage results are promises; rejections carry the Java stack', async (t) => {
  assert.equal(await Callbacks.delayed(7, 20), 7);
  assert.equal(await Callbacks.callLater(mustCall(t, () => 'later', 1)), 'later');
  assert.equal(await Callbacks.plainFuture('plain'), 'plain');
  await assert.rejects(Callbacks.failingStage('stage failed'), (err) => {
    assert.equal(err.name, 'java.lang.IllegalStateException');
    assert.equal(err.message, 'stage failed');
    assert.match(err.stack, /at testcases\.Callbacks\.lambda\$failingStage\$\d+\(Callbacks\.java:\d+\)/);
    return true;
  });
});

test('a JS promise passed as CompletableFuture/CompletionStage completes it', async () => {
  const p = new Promise((resolve) => setTimeout(() => resolve('js value'), 10));
  assert.equal(await Callbacks.awaitFutureAsync(p), 'got js value');
  assert.equal(await Callbacks.thenUpper(Promise.resolve('abc')), 'ABC');
  // CompletableFuture<Double>: the promise's 3 arrives as 3.0 (an Integer would throw ClassCastException in Java)
  assert.equal(await Callbacks.half(Promise.resolve(3)), 1.5);
  await assert.rejects(Callbacks.half(Promise.resolve('three')),
    /the value of the promise passed as a CompletableFuture<Double> takes a Java java\.lang\.Double, not a string/);
  await assert.rejects(Callbacks.thenUpper(Promise.reject(new Error('js rejection'))), /js rejection/);
});

test('methodAsync runs on pool threads (not capped at 4) while the JS thread stays free', async () => {
  // 8 calls meet inside Java at once (more than 4 threads), and the 8th is only made by a JS timer
  // once the first 7 wait there: they can meet only if the JS thread stays free while they wait
  const first = Array.from({ length: 7 }, () => Callbacks.rendezvousThreadAsync('free', 8, 20_000));
  const last = new Promise((resolve) => setTimeout(resolve, 0)).then(() => Callbacks.rendezvousThreadAsync('free', 8, 20_000));
  const threads = await Promise.all([...first, last]);
  assert.equal(new Set(threads).size, 8, threads.join());
  for (const name of threads) assert.match(name, /^node-api-java-async-\d+$/);
});

test('the async pool runs as many calls at once as documented: 4 per core, at least 16', async () => {
  const size = jvm.dev.napijava.bridge.AsyncCalls.poolSize();
  const cores = jvm.java.lang.Runtime.getRuntime().availableProcessors();
  assert.equal(size, Math.max(16, 4 * cores));
  // `size` calls meet inside Java at once (each waits until all of them are there), each on its
  // own pool thread
  const met = await Promise.all(Array.from({ length: size }, () => Callbacks.rendezvousThreadAsync('pool', size, 20_000)));
  assert.equal(new Set(met).size, size, met.join());
  for (const name of met) assert.match(name, /^node-api-java-async-\d+$/);
  // one more than the pool holds cannot all be inside at once: the last waits in the queue, the
  // others give up (TimeoutException, then BrokenBarrierException for the rest), so all reject
  const over = await Promise.allSettled(Array.from({ length: size + 1 },
    () => Callbacks.rendezvousThreadAsync('pool+1', size + 1, 500)));
  assert.deepEqual(over.map((r) => r.status), Array(size + 1).fill('rejected'));
  assert.ok(over.every((r) => /TimeoutException|BrokenBarrierException/.test(r.reason.name)), over.map((r) => r.reason.name).join());
});

test('async errors reject with the Java exception', async () => {
  await assert.rejects(jvm.java.lang.Integer.parseIntAsync('nope'), (err) => {
    assert.equal(err.name, 'java.lang.NumberFormatException');
    assert.match(err.stack, /at java\.lang\.Integer\.parseInt\(Integer\.java:\d+\)/);
    return true;
  });
});

test('a Java virtual thread (Java 21+) calls JS through the queue', async (t) => {
  const major = Number(String(jvm.javaVersion).split('.')[0]);
  const result = await Callbacks.callOnVirtualThreadAsync(() => 'from JS');
  if (major >= 21) assert.equal(result, 'from JS on virtual=true');
  else assert.equal(result, 'unsupported');
});

test('callback proxies do not keep Node alive, and are released when Java drops them', () => {
  const { runNode, describeRun, PACKAGE, CLASSES } = require('./helpers');
  const script = `
    const jvm = require(${JSON.stringify(PACKAGE)});
    jvm.configure({ classpath: [${JSON.stringify(CLASSES)}] });
    const { Callbacks } = jvm.testcases;
    let collected = 0;
    const registry = new FinalizationRegistry(() => { collected++; });
    (() => { const fn = () => {}; registry.register(fn, 'fn'); Callbacks.hold(fn); })();
    // Java holds the only reference: the JS function must stay alive
    global.gc();
    setTimeout(() => {
      const aliveWhileHeld = collected === 0;
      Callbacks.release(); // Java drops it: its Cleaner releases the JS reference on the JS thread
      const poll = setInterval(() => {
        global.gc();
        jvm.java.lang.System.gc();
        if (collected === 1) {
          clearInterval(poll);
          console.log(JSON.stringify({ aliveWhileHeld, collected }));
          // a second proxy stays held by Java: the process must still exit on its own
          Callbacks.hold(() => {});
        }
      }, 20);
    }, 50);
  `;
  const r = runNode(['--expose-gc', '-e', script], { timeout: 30_000 });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()), { aliveWhileHeld: true, collected: 1 });
  assert.ok(r.ms < 20_000, describeRun(r));
});

test('async calls reach methods of non-public runtime classes through their public interface', async () => {
  const list = new ArrayList();
  list.add('x');
  const it = list.iterator(); // java.util.ArrayList$Itr (private)
  assert.equal(await it.hasNextAsync(), true);
  assert.equal(await it.nextAsync(), 'x');
  assert.equal(await it.hasNextAsync(), false);
});
