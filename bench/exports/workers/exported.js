'use strict';
// The exported module (@JSExport, packed by napi-java pack, npm-installed into bench/exports/target/app):
// calls through the processor's glue and the module's entry, as its users make them.
const path = require('path');
const { main } = require('../../workers/harness');

const APP = path.join(__dirname, '..', 'target', 'app');

main({
  id: 'exported',
  label: 'exported module (@JSExport glue)',
  load(ctx) {
    const jvm = require(path.join(APP, 'node_modules', 'node-api-java'));
    const opts = {};
    if (ctx.javaHome) opts.javaHome = ctx.javaHome;
    if (ctx.jvmOptions.length) opts.jvmOptions = ctx.jvmOptions;
    jvm.configure(opts);
    return require(path.join(APP, 'node_modules', 'bench-exports'));
  },
  firstCall(m) {
    return m.Wide.seven(); // projects Wide (80 methods) from its glue
  },
  cases(m, d) {
    const tally = new m.Tally();
    return {
      add: (i) => m.add(i, 1),
      max: (i) => m.max(i, 7),
      instance: () => tally.increment(),
      echo10: () => m.echo(d.s10),
      echo10k: () => m.echo(d.s10k),
    };
  },
});
