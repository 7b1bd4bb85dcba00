'use strict';
// limit: the hand-written Node-API + JNI addon (bench/limit/limit.c). Cached class/method IDs,
// one JNI call per JS call: the physical limit of this design. It creates its JVM in its init,
// from JAVA_HOME (LIMIT_JAVA_HOME) and BENCH_CLASSPATH.
const path = require('path');
const { main } = require('./harness');

main({
  id: 'limit',
  label: 'limit (hand-written C)',
  load(ctx) {
    if (ctx.javaHome) process.env.LIMIT_JAVA_HOME = ctx.javaHome;
    process.env.BENCH_CLASSPATH = ctx.classes;
    process.env.LIMIT_JVM_OPTIONS = ctx.jvmOptions.join(' ');
    return require(path.join(ctx.bench, 'limit', 'build', 'limit.node'));
  },
  firstCall(limit) {
    return limit.max(3, 7);
  },
  info(limit) {
    return { javaVersion: limit.javaVersion, jvmStartMs: limit.jvmStartNs / 1e6 };
  },
  inputNotes: {
    sum1m: 'Float64Array, one SetDoubleArrayRegion',
    bytes1m: 'one GetByteArrayRegion into a new Int8Array',
    instance: 'object passed as an external argument',
    newSB: 'external + global ref, released by a napi finalizer',
    fieldGet: 'object passed as an external argument, cached field ID',
    fieldSet: 'object passed as an external argument, cached field ID',
    callback: 'a Java class whose native applyAsInt calls napi_call_function',
  },
  cases(limit, d) {
    const counter = limit.newTarget();
    const plusOne = (x) => x + 1;
    return {
      add: (i) => limit.add(i, 1),
      max: (i) => limit.max(i, 7),
      instance: () => limit.increment(counter),
      echo10: () => limit.echo(d.s10),
      echo10k: () => limit.echo(d.s10k),
      sum1m: () => limit.sum(d.doubles),
      bytes1m: () => limit.bytes(d.bytes),
      newSB: () => limit.newStringBuilder(),
      fieldGet: () => limit.getValue(counter),
      fieldSet: (i) => limit.setValue(counter, i),
      staticGet: () => limit.getStatic(),
      staticSet: (i) => limit.setStatic(i),
      callback: () => limit.callback(plusOne),
    };
  },
});
