'use strict';
// java-bridge@2.8.0 (bench/node_modules), sync API (`...Sync` methods).
const { main } = require('./harness');

main({
  id: 'java-bridge',
  label: 'java-bridge@2.8.0',
  load(ctx) {
    const jb = require('java-bridge');
    const opts = { classpath: [ctx.jar] };
    if (ctx.javaHome) opts.libPath = `${ctx.javaHome}/lib/server/libjvm.so`;
    if (ctx.jvmOptions.length) opts.opts = ctx.jvmOptions;
    jb.ensureJvm(opts);
    return jb;
  },
  firstCall(jb) {
    return jb.importClass('java.lang.Math').maxSync(3, 7);
  },
  info(jb) {
    const version = require('java-bridge/package.json').version;
    const System = jb.importClass('java.lang.System');
    return {
      version,
      javaVersion: System.getPropertySync('java.version'),
      benchProp: System.getPropertySync('bench.jvmopts'),
    };
  },
  // double[] parameters do not accept a Float64Array ("No method found ... matching signature").
  inputNotes: { sum1m: 'plain Array (Float64Array is rejected)', bytes1m: 'returns Buffer' },
  cases(jb, d) {
    const T = jb.importClass('bench.BenchTarget');
    const JMath = jb.importClass('java.lang.Math');
    const StringBuilder = jb.importClass('java.lang.StringBuilder');
    const counter = new T();
    return {
      add: (i) => T.addSync(i, 1),
      max: (i) => JMath.maxSync(i, 7),
      instance: () => counter.incrementSync(),
      echo10: () => T.echoSync(d.s10),
      echo10k: () => T.echoSync(d.s10k),
      sum1m: () => T.sumSync(d.doublesArray),
      bytes1m: () => T.bytesSync(d.bytes),
      newSB: () => new StringBuilder(),
    };
  },
});
