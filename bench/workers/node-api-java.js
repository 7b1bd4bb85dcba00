'use strict';
// node-api-java (ours), loaded from the packed package built by `mvn -DskipTests package`.
const path = require('path');
const { main } = require('./harness');

main({
  id: 'node-api-java',
  label: 'node-api-java',
  load(ctx) {
    const dir = process.env.NODE_API_JAVA_PATH ||
      path.join(ctx.repo, 'distribution', 'target', 'npm', 'node-api-java');
    const jvm = require(dir);
    const opts = { classpath: [ctx.classes] };
    if (ctx.javaHome) opts.javaHome = ctx.javaHome;
    if (ctx.jvmOptions.length) opts.jvmOptions = ctx.jvmOptions;
    jvm.configure(opts);
    return jvm;
  },
  firstCall(jvm) {
    return jvm.java.lang.Math.max(3, 7);
  },
  coldInfo(jvm) {
    return { startupCache: jvm.stats().startupCache.status };
  },
  info(jvm) {
    return {
      javaVersion: String(jvm.javaVersion),
      javaHome: String(jvm.javaHome),
      benchProp: jvm.java.lang.System.getProperty('bench.jvmopts'),
    };
  },
  inputNotes: { sum1m: 'Float64Array', bytes1m: 'returns Buffer' },
  cases(jvm, d) {
    const T = jvm.bench.BenchTarget;
    const JMath = jvm.java.lang.Math;
    const StringBuilder = jvm.java.lang.StringBuilder;
    if (!T) throw new Error('bench.BenchTarget not found on the classpath');
    const counter = new T();
    const plusOne = (x) => x + 1;
    return {
      add: (i) => T.add(i, 1),
      max: (i) => JMath.max(i, 7),
      instance: () => counter.increment(),
      echo10: () => T.echo(d.s10),
      echo10k: () => T.echo(d.s10k),
      sum1m: () => T.sum(d.doubles),
      bytes1m: () => T.bytes(d.bytes),
      newSB: () => new StringBuilder(),
      fieldGet: () => counter.value,
      fieldSet: (i) => { counter.value = i; },
      staticGet: () => T.staticValue,
      staticSet: (i) => { T.staticValue = i; },
      callback: () => T.callback(plusOne),
    };
  },
});
