'use strict';
// The same jar and methods through the dynamic projection: jvm.load + jvm.import, no glue registered
// (reflection at the first use of each class, nameAsync variants and selectors added).
const path = require('path');
const { main } = require('../../workers/harness');

const APP = path.join(__dirname, '..', 'target', 'app');

main({
  id: 'dynamic',
  label: 'dynamic projection (jvm.load + import)',
  load(ctx) {
    const jvm = require(path.join(APP, 'node_modules', 'node-api-java'));
    const opts = {};
    if (ctx.javaHome) opts.javaHome = ctx.javaHome;
    if (ctx.jvmOptions.length) opts.jvmOptions = ctx.jvmOptions;
    jvm.configure(opts);
    jvm.load(path.join(APP, 'node_modules', 'bench-exports', 'java', 'bench-exports-1.0.0.jar'));
    return jvm;
  },
  firstCall(jvm) {
    return jvm.import('bench.exported.Wide').seven(); // projects Wide (80 methods) by reflection
  },
  cases(jvm, d) {
    const M = jvm.import('bench.exported.BenchModule');
    const tally = new (jvm.import('bench.exported.Tally'))();
    return {
      add: (i) => M.add(i, 1),
      max: (i) => M.max(i, 7),
      instance: () => tally.increment(),
      echo10: () => M.echo(d.s10),
      echo10k: () => M.echo(d.s10k),
    };
  },
});
