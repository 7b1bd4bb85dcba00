'use strict';
// One implementation and one case per child process (a peer that crashes loses only that case):
//   node workers.js <impl> <case> <classesDir> <jar>
// prints one JSON line { value }: ns per element, or a string saying why it could not be measured.
const path = require('path');
const fs = require('fs');
const [impl, caseName, classes, jar] = process.argv.slice(2);
const N = 100000;
const SUM = (N * (N - 1)) / 2;

// Each case is a function that returns the loop to time. ns per element of fn(), which visits N elements and returns their sum; best of 5 after warm-up
function perElement(fn) {
  for (let i = 0; i < 3; i++) {
    const got = fn();
    if (got !== SUM) throw new Error(`wrong sum ${got} (want ${SUM})`);
  }
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  return Math.round((best / N) * 10) / 10;
}

// The same JS loops for every implementation; a peer that does not support one fails it here
const loops = {
  forOf: (list) => () => { let s = 0; for (const x of list) s += x; return s; },
  index: (list) => {
    if (list[0] === undefined) throw new Error('list[0] is undefined (no index access)');
    return () => { let s = 0; for (let i = 0; i < N; i++) s += list[i]; return s; };
  },
  toArrayLoop: (array) => { let s = 0; for (let i = 0; i < array.length; i++) s += array[i]; return s; },
};

// java-bridge and node-java share the `nameSync` style of calls
function syncApiCases(T) {
  const list = T.intsSync(N);
  return {
    forOf: () => loops.forOf(list),
    index: () => loops.index(list),
    get: () => () => { let s = 0; for (let i = 0; i < N; i++) s += list.getSync(i); return s; },
    toArray: () => () => loops.toArrayLoop(list.toArraySync()),
    mapValues: () => {
      const map = T.mapSync(N);
      return () => { let s = 0; const it = map.valuesSync().iteratorSync(); while (it.hasNextSync()) s += it.nextSync(); return s; };
    },
  };
}

const impls = {
  'node-api-java'() {
    const jvm = require(process.env.NODE_API_JAVA_PATH || path.resolve(__dirname, '../../distribution/target/npm/node-api-java'));
    jvm.configure({ classpath: [classes] });
    const T = jvm.bench.ValueTarget;
    const list = T.ints(N);
    return {
      forOf: () => loops.forOf(list),
      index: () => loops.index(list),
      get: () => () => { let s = 0; for (let i = 0; i < N; i++) s += list.get(i); return s; },
      toArray: () => () => loops.toArrayLoop(list.toArray()),
      mapValues: () => { const map = T.map(N); return () => { let s = 0; for (const [, v] of map) s += v; return s; }; },
      javaLoop: () => () => Number(T.sum(list)),
    };
  },
  'java-bridge'() {
    const jb = require(path.resolve(__dirname, '../node_modules/java-bridge'));
    jb.ensureJvm({ classpath: [jar], ...(process.env.JAVA_HOME ? { libPath: `${process.env.JAVA_HOME}/lib/server/libjvm.so` } : {}) });
    return syncApiCases(jb.importClass('bench.ValueTarget'));
  },
  'node-java'() {
    // the node-java release bench/run.sh built for this JDK (bench/peers/jdk-<major>/java-<version>/outcome.json)
    const major = /JAVA_VERSION="(?:1\.)?(\d+)/.exec(fs.readFileSync(path.join(process.env.JAVA_HOME, 'release'), 'utf8'))[1];
    const peers = path.resolve(__dirname, `../peers/jdk-${major}`);
    const built = fs.existsSync(peers) && fs.readdirSync(peers).map((d) => path.join(peers, d, 'outcome.json'))
      .filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))).find((o) => o.ok);
    const dir = process.env.BENCH_NODE_JAVA_PATH || (built && built.path);
    if (!dir) throw new Error(`no built node-java under ${peers} (bench/run.sh builds it)`);
    const java = require(dir);
    java.classpath.push(classes);
    return syncApiCases(java.import('bench.ValueTarget'));
  },
};

let value;
try {
  const cases = impls[impl]();
  if (!cases[caseName]) throw new Error(`no case ${caseName}`);
  value = perElement(cases[caseName]()); // each case makes its loop (and its data) first
} catch (e) {
  value = `fails: ${e.constructor.name}: ${String(e.message).split('\n')[0]}`;
}
fs.writeSync(1, JSON.stringify({ value }) + '\n');
process.exit(0);
