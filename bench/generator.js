'use strict';
// Generator benchmark, in one run, side by side with the peer generator (java-bridge's
// java-ts-definition-generator, `java-ts-gen`, from npm) on the same jars:
//   1. generation time (JVM start included) per jar: napi-java (default, and --glue), java-ts-gen;
//   2. tsc --strict on a one-line program using the typings: time and peak memory (RSS), without and
//      with @types/node (the typings do not pull it in), as generated
//      (// @ts-nocheck: the .d.ts is not re-checked), with skipLibCheck, and with the .d.ts itself
//      checked too (java-ts-gen writes .ts files, which tsc always checks); and a baseline program
//      without typings (tsc's own floor on this machine);
//   3. the glue: projection of every glued guava class, glue vs reflection, each in a fresh process.
// Jars: tests/generator/target/jars (run the generator tests first: mvn -pl tests/generator -am verify,
// or its process-test-resources phase). Needs the packed package (mvn package).
//   node bench/generator.js              # everything
//   node bench/generator.js --no-peer    # without java-ts-gen (it takes minutes and GBs)
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { replaceSection } = require('./results-section');

const ROOT = path.resolve(__dirname, '..');
const JARS = path.join(ROOT, 'tests/generator/target/jars');
const WORK = path.join(__dirname, 'target/generator');
const TGZ = path.join(ROOT, 'distribution/target/node-api-java-0.1.0.tgz');
const PEER = 'java-ts-definition-generator@1.2.0';
const PEER_BRIDGE = 'java-bridge@2.8.0'; // the newest whose binary loads on this glibc (as bench/package.json)
const TS = 'typescript@5.9.3';
const NODE_TYPES = '@types/node@22.20.5';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const JOBS = [
  { name: 'commons-lang3 3.20.0', jar: 'commons-lang3-3.20.0.jar', sources: 'commons-lang3-3.20.0-sources.jar',
    use: 'org.apache.commons.lang3.StringUtils', line: "StringUtils.abbreviate('hello world', 8)" },
  { name: 'guava 33.8.0', jar: 'guava-33.8.0-jre.jar', classpath: ['failureaccess-1.0.3.jar'],
    use: 'com.google.common.base.Strings', line: "Strings.repeat('ab', 3)" },
  { name: 'jackson-databind 2.18.2', jar: 'jackson-databind-2.18.2.jar',
    classpath: ['jackson-core-2.18.2.jar', 'jackson-annotations-2.18.2.jar'],
    use: 'com.fasterxml.jackson.databind.ObjectMapper', line: "new ObjectMapper().writeValueAsString('x')" },
];

function run(cmd, args, opts = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts });
  if (r.error) throw r.error;
  r.ms = Number(process.hrtime.bigint() - started) / 1e6;
  return r;
}

function ok(r, what) {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${(r.stdout || '').slice(-4000)}\n${(r.stderr || '').slice(-4000)}`);
  return r;
}

function install(dir, pkgs) {
  if (fs.existsSync(path.join(dir, 'node_modules'))) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true }));
  ok(run(npm, ['install', '--no-audit', '--no-fund', '--silent', ...pkgs], { cwd: dir }), `npm install ${pkgs.join(' ')}`);
}

/** The public top-level classes of a jar (what a user of java-ts-gen would list for the whole jar). */
function publicClasses(jar) {
  const r = ok(run('unzip', ['-Z1', jar]), `unzip -Z1 ${jar}`);
  return r.stdout.split('\n').filter((e) => e.endsWith('.class') && !e.includes('$') && !/(module|package)-info/.test(e))
    .map((e) => e.slice(0, -6).replace(/\//g, '.'));
}

// tsc in a Node process that reports its peak RSS when it exits (tsc calls process.exit)
const RSS_HOOK = path.join(WORK, 'rss-hook.js');

function tsc(dir, files, extra) {
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, target: 'es2020', lib: ['es2020'], module: 'commonjs', noEmit: true, types: [], ...extra },
    files,
  }));
  const r = run(process.execPath, ['--require', RSS_HOOK, path.join(WORK, 'ts/node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir });
  const rss = /maxRSS=(\d+)/.exec(r.stderr);
  return { ms: r.ms, mb: rss ? Number(rss[1]) / 1024 : NaN, ok: r.status === 0, out: r.stdout };
}

function fmt(t) {
  return `${(t.ms / 1000).toFixed(2)} s, ${t.mb.toFixed(0)} MB${t.ok ? '' : ' (errors!)'}`;
}

const report = [];
function say(line = '') {
  console.log(line);
  report.push(line);
}

/** Replaces the generator section of bench/results.md with this run's tables. */
function record() {
  replaceSection('generator', `## Generator (bench/generator.js)\n\n${report.join('\n')}`);
}

function main() {
  const withPeer = !process.argv.includes('--no-peer');
  for (const j of JOBS) {
    if (!fs.existsSync(path.join(JARS, j.jar))) throw new Error(`${j.jar} not in ${JARS}: run the generator tests' Maven build first`);
  }
  fs.mkdirSync(WORK, { recursive: true });
  fs.writeFileSync(RSS_HOOK, "process.on('exit', () => process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\\n`));\n");
  const app = path.join(WORK, 'app');
  fs.rmSync(app, { recursive: true, force: true });
  install(app, [TGZ, NODE_TYPES]);
  install(path.join(WORK, 'ts'), [TS]);
  if (withPeer) install(path.join(WORK, 'peer'), [PEER, PEER_BRIDGE, NODE_TYPES]);
  const bin = path.join(app, 'node_modules/.bin/napi-java');
  const rows = [];

  // tsc's own floor: a one-line program, without Node's types (types: []) and with them (a program
  // that uses streams, Buffer, console or process has @types/node: it alone is most of its tsc time)
  const NODE = { types: ['node'] };
  fs.writeFileSync(path.join(app, 'baseline.ts'), 'export const x: number = 1;\n');
  const floor = tsc(app, ['baseline.ts'], {});
  const floorNode = tsc(app, ['baseline.ts'], NODE);
  const floorNodeSkip = tsc(app, ['baseline.ts'], { ...NODE, skipLibCheck: true });

  for (const j of JOBS) {
    const cp = (j.classpath || []).map((c) => path.join(JARS, c));
    const args = ['generate', '--jar', path.join(JARS, j.jar), '--out', 'out', '--quiet'];
    if (cp.length) args.push('--classpath', cp.join(','));
    if (j.sources) args.push('--sources', path.join(JARS, j.sources));
    const plain = ok(run(bin, args, { cwd: app }), `napi-java ${j.name}`).ms;
    // last, so out/ keeps the glue for the projection part
    const withGlue = ok(run(bin, [...args, '--glue'], { cwd: app }), `napi-java ${j.name} --glue`).ms;
    const base = j.jar.replace(/\.jar$/, '');
    const dtsBytes = fs.statSync(path.join(app, 'out', `${base}.d.ts`)).size;
    const simple = j.use.slice(j.use.lastIndexOf('.') + 1);
    const pkg = j.use.slice(0, j.use.lastIndexOf('.'));
    fs.writeFileSync(path.join(app, 'one.ts'),
      `import jvm = require('./out/${base}');\nconst { ${simple} } = jvm.${pkg};\nexport const result = ${j.line};\n`);
    const ours = tsc(app, ['one.ts'], {});
    const oursNode = tsc(app, ['one.ts'], NODE);
    const oursSkip = tsc(app, ['one.ts'], { ...NODE, skipLibCheck: true });
    // the file itself checked too: without its first line, // @ts-nocheck (as the generator tests do)
    const dts = fs.readFileSync(path.join(app, 'out', `${base}.d.ts`), 'utf8');
    fs.writeFileSync(path.join(app, 'out', `${base}.checked.d.ts`), dts.slice(dts.indexOf('\n') + 1));
    fs.writeFileSync(path.join(app, 'one-checked.ts'), fs.readFileSync(path.join(app, 'one.ts'), 'utf8').replace(`/${base}'`, `/${base}.checked'`));
    const oursChecked = tsc(app, ['one-checked.ts'], NODE);
    const row = { name: j.name, plain, withGlue, dtsBytes, ours, oursNode, oursSkip, oursChecked };
    if (withPeer) {
      const peerDir = path.join(WORK, 'peer');
      const out = path.join(peerDir, 'out');
      fs.rmSync(out, { recursive: true, force: true });
      const classes = publicClasses(path.join(JARS, j.jar));
      const gen = run(path.join(peerDir, 'node_modules/.bin/java-ts-gen'), [out, ...classes, ...[path.join(JARS, j.jar), ...cp].flatMap((c) => ['--cp', c])],
        { cwd: peerDir, env: { ...process.env, FORCE_COLOR: '0' } });
      row.peerMs = gen.status === 0 ? gen.ms : NaN;
      row.peerNote = gen.status === 0 ? (/Converted (\d+) classes/.exec(gen.stdout + gen.stderr) || [])[1] + ' classes' : `failed: ${(/Error: .*/.exec(gen.stdout + gen.stderr) || ['?'])[0].slice(0, 120)}`;
      if (gen.status === 0) {
        const rel = path.relative(peerDir, path.join(out, ...j.use.split('.'))).split(path.sep).join('/');
        fs.writeFileSync(path.join(peerDir, 'one.ts'), `import { ${simple} } from './${rel}';\nexport const result = ${simple};\n`);
        row.peerTsc = tsc(peerDir, ['one.ts'], {});
        row.peerTscNode = tsc(peerDir, ['one.ts'], NODE);
      }
    }
    rows.push(row);
  }

  say(`Generator benchmark (${new Date().toISOString().slice(0, 10)}, ${process.platform}-${process.arch}, Node ${process.version}, ` +
    `JAVA_HOME=${process.env.JAVA_HOME || 'default'}); wall time, JVM start included\n`);
  say('| jar | napi-java (default) | napi-java --glue | java-ts-gen (peer) | peer / napi-java |');
  say('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const peer = r.peerMs === undefined ? 'not run' : Number.isNaN(r.peerMs) ? r.peerNote : `${(r.peerMs / 1000).toFixed(1)} s (${r.peerNote})`;
    const ratio = r.peerMs > 0 ? `${(r.peerMs / r.plain).toFixed(1)}x` : 'n/a';
    say(`| ${r.name} | ${(r.plain / 1000).toFixed(1)} s | ${(r.withGlue / 1000).toFixed(1)} s | ${peer} | ${ratio} |`);
  }
  say('\ntsc --strict (no skipLibCheck unless said) on a one-line program `export const result = <call>;` (time, peak RSS),');
  say('without Node\'s types (`types: []`) and with @types/node; floor = the same program without any typings\n');
  say('| typings | size | napi-java | napi-java + @types/node | napi-java + @types/node, skipLibCheck | napi-java + @types/node, the .d.ts itself checked too | java-ts-gen (.ts, always checked) | java-ts-gen + @types/node |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  say(`| none (floor: lib es2020) | | ${fmt(floor)} | ${fmt(floorNode)} | ${fmt(floorNodeSkip)} | | | |`);
  for (const r of rows) {
    say(`| ${r.name} | ${(r.dtsBytes / 1048576).toFixed(1)} MB | ${fmt(r.ours)} | ${fmt(r.oursNode)} | ${fmt(r.oursSkip)} | ${fmt(r.oursChecked)} | ` +
      `${r.peerTsc ? fmt(r.peerTsc) : 'n/a'} | ${r.peerTscNode ? fmt(r.peerTscNode) : 'n/a'} |`);
  }
  projection(app);
  if (withPeer) record(); // a full run only
}

/** Projection of every glued guava class, with the glue and by reflection (fresh processes). */
function projection(app) {
  const guava = path.join(app, 'out', 'guava-33.8.0-jre.js');
  say('\nglue: projection (first use) of every glued guava class, each mode in a fresh process\n');
  for (const mode of ['glue', 'reflection']) {
    const r = run(process.execPath, [__filename, '--project', guava, mode], { cwd: app });
    say(r.status === 0 ? r.stdout.trimEnd() : `${mode}: failed\n${r.stderr}`);
  }
}

function project(loader, mode) {
  const jvm = require(loader);
  const registry = jvm.import('dev.napijava.bridge.glue.GlueRegistry');
  if (mode === 'reflection') registry.setEnabled(false);
  const index = jvm.import('napi.glue.guava_33_8_0_jre.Index');
  const classes = Array.from(new index().classNames());
  let t = process.hrtime.bigint();
  let projected = 0;
  for (const name of classes) {
    try { jvm.import(name); projected++; } catch { /* classes that fail to initialise here */ }
  }
  const projectionMs = Number(process.hrtime.bigint() - t) / 1e6;
  const { Strings } = jvm.com.google.common.base;
  const N = 200000;
  for (let i = 0; i < 20000; i++) Strings.isNullOrEmpty('x');
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) Strings.isNullOrEmpty('x');
  const callNs = Number(process.hrtime.bigint() - t) / N;
  const stats = Array.from(registry.stats());
  console.log(`${mode.padEnd(10)} projection of ${projected} guava classes: ${projectionMs.toFixed(0)} ms ` +
    `(${(projectionMs * 1000 / projected).toFixed(0)} µs/class); Strings.isNullOrEmpty: ${callNs.toFixed(0)} ns/call; ` +
    `glue [classes, hits, fallbacks] = ${stats.join(', ')}`);
}

if (process.argv[2] === '--project') project(process.argv[3], process.argv[4]);
else main();
