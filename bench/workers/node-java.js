'use strict';
// node-java (npm package `java`), whichever release run.sh managed to build into bench/peers/.
// The driver passes its folder in BENCH_NODE_JAVA_PATH.
const { main } = require('./harness');

main({
  id: 'node-java',
  label: 'java (node-java)',
  load(ctx) {
    if (!ctx.nodeJavaPath) throw new Error('no built node-java (BENCH_NODE_JAVA_PATH unset)');
    const java = require(ctx.nodeJavaPath);
    java.classpath.push(ctx.classes);
    for (const o of ctx.jvmOptions) java.options.push(o);
    return java;
  },
  firstCall(java) {
    return java.callStaticMethodSync('java.lang.Math', 'max', 3, 7);
  },
  info(java) {
    return {
      version: require(`${process.env.BENCH_NODE_JAVA_PATH}/package.json`).version,
      javaVersion: java.callStaticMethodSync('java.lang.System', 'getProperty', 'java.version'),
      benchProp: java.callStaticMethodSync('java.lang.System', 'getProperty', 'bench.jvmopts'),
    };
  },
  // A JS Array or Float64Array is not accepted for double[]: java.newArray('double', array) is
  // the documented way, and it is part of every call.
  inputNotes: { sum1m: "java.newArray('double', Array) per call", bytes1m: 'returns Int8Array' },
  cases(java, d) {
    const T = java.import('bench.BenchTarget');
    const JMath = java.import('java.lang.Math');
    const StringBuilder = java.import('java.lang.StringBuilder');
    const counter = new T();
    return {
      add: (i) => T.addSync(i, 1),
      max: (i) => JMath.maxSync(i, 7),
      instance: () => counter.incrementSync(),
      echo10: () => T.echoSync(d.s10),
      echo10k: () => T.echoSync(d.s10k),
      sum1m: () => T.sumSync(java.newArray('double', d.doublesArray)),
      bytes1m: () => T.bytesSync(d.bytes),
      newSB: () => new StringBuilder(),
    };
  },
});
