'use strict';
// Pure JS: the same work done in JavaScript, through the same harness. The floor for any call.
const { main, CALLBACKS } = require('./harness');

function add(a, b) { return a + b; }
function echo(s) { return s; }
function sum(values) {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}
function bytes(n) {
  const b = new Int8Array(n);
  if (n > 0) { b[0] = 1; b[n - 1] = 2; }
  return b;
}
class Counter {
  static staticValue = 0;
  constructor() { this.count = 0; this.value = 0; }
  increment() { return ++this.count; }
}
function callback(f) {
  let s = 0;
  for (let i = 0; i < CALLBACKS; i++) s += f(i);
  return s;
}
class StringBuilder {
  constructor() { this.parts = []; }
}

main({
  id: 'js',
  label: 'pure JS',
  load() {
    return Math;
  },
  firstCall(M) {
    return M.max(3, 7);
  },
  info() {
    return { javaVersion: '' };
  },
  inputNotes: { sum1m: 'loop over the Float64Array', bytes1m: 'new Int8Array(1 MiB)', newSB: 'new JS object' },
  cases(M, d) {
    const counter = new Counter();
    const plusOne = (x) => x + 1;
    return {
      add: (i) => add(i, 1),
      max: (i) => M.max(i, 7),
      instance: () => counter.increment(),
      echo10: () => echo(d.s10),
      echo10k: () => echo(d.s10k),
      sum1m: () => sum(d.doubles),
      bytes1m: () => bytes(d.bytes),
      newSB: () => new StringBuilder(),
      fieldGet: () => counter.value,
      fieldSet: (i) => { counter.value = i; },
      staticGet: () => Counter.staticValue,
      staticSet: (i) => { Counter.staticValue = i; },
      callback: () => callback(plusOne),
    };
  },
});
