'use strict';
// End to end: the packed npm package's `napi-java` bin generates typings, loader and glue for real
// jars from Maven Central (fetched by the Maven build into target/jars); tsc --strict checks them
// and a TS program using them; that program runs under Node against the real bridge.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const TARGET = path.join(ROOT, 'target');
const JARS = path.join(TARGET, 'jars');
const APP = path.join(TARGET, 'app');
const TS_DIR = path.join(TARGET, 'typescript');
const TGZ = path.resolve(ROOT, '../../distribution/target/node-api-java-0.1.0.tgz');
const TS_VERSION = '5.9.3';
// typings that use Node streams (InputStream/OutputStream as Readable/Writable) reference @types/node
const NODE_TYPES_VERSION = '22.20.5';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

function ok(r, what) {
  assert.strictEqual(r.status, 0, `${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = () => path.join(TS_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
const bin = () => path.join(APP, 'node_modules', '.bin', 'napi-java');

test.before(() => {
  fs.rmSync(APP, { recursive: true, force: true });
  fs.mkdirSync(APP, { recursive: true });
  fs.writeFileSync(path.join(APP, 'package.json'), JSON.stringify({ name: 'generator-e2e', private: true }));
  ok(run(npm, ['install', '--no-audit', '--no-fund', '--silent', TGZ, `@types/node@${NODE_TYPES_VERSION}`], { cwd: APP }),
    'npm install of the package and @types/node');
  if (!fs.existsSync(tsc())) {
    fs.mkdirSync(TS_DIR, { recursive: true });
    fs.writeFileSync(path.join(TS_DIR, 'package.json'), JSON.stringify({ name: 'ts', private: true }));
    ok(run(npm, ['install', '--no-audit', '--no-fund', '--silent', `typescript@${TS_VERSION}`], { cwd: TS_DIR }), 'npm install typescript');
  }
});

function generate(args) {
  const started = Date.now();
  const r = ok(run(bin(), ['generate', '--out', 'out', ...args], { cwd: APP }), `napi-java generate ${args.join(' ')}`);
  return { ms: Date.now() - started, out: r.stdout + r.stderr };
}

function tscProject(files, extra = {}) {
  const config = {
    compilerOptions: { strict: true, target: 'es2020', lib: ['es2020'], module: 'commonjs', types: [], ...extra },
    files,
  };
  fs.writeFileSync(path.join(APP, 'tsconfig.json'), JSON.stringify(config, null, 2));
  return run(process.execPath, [tsc(), '-p', APP], { cwd: APP });
}

const timings = {};

/**
 * The typings as tsc checks them here: without their first line, `// @ts-nocheck` (which spares the
 * programs that import them a re-check of the whole file), so every test below checks the file itself.
 * Typings that name Node's stream types are checked as in a Node project, with @types/node (they do
 * not reference it themselves: without it those types are `any`, see the no-@types/node test).
 */
function checked(dts) {
  const file = path.join(APP, dts);
  const [first, ...rest] = fs.readFileSync(file, 'utf8').split('\n');
  assert.strictEqual(first, '// @ts-nocheck', `${dts} starts with // @ts-nocheck`);
  const copy = dts.replace(/\.d\.ts$/, '.checked.d.ts');
  const node = rest.some((l) => l.includes("import('stream')")) ? ['/// <reference types="node" />'] : [];
  fs.writeFileSync(path.join(APP, copy), [...node, ...rest].join('\n'));
  return copy;
}

test('napi-java --version, --help and usage errors', () => {
  const v = ok(run(bin(), ['--version']), '--version');
  assert.match(v.stdout, /napi-java 0\.1\.0/);
  const h = ok(run(bin(), ['generate', '--help']), 'generate --help');
  assert.match(h.stdout, /--jar/);
  assert.match(h.stdout, /--classpath/);
  assert.strictEqual(run(bin(), ['generate']).status, 2, 'missing --jar is a usage error');
  assert.strictEqual(run(bin(), ['generate', '--bogus']).status, 2);
});

test('bad input: missing, corrupt and non-jar files exit 1 with a clear message', () => {
  const missing = run(bin(), ['generate', '--jar', 'nope.jar'], { cwd: APP });
  assert.strictEqual(missing.status, 1);
  assert.match(missing.stderr, /nope\.jar: file not found/);
  fs.writeFileSync(path.join(APP, 'corrupt.jar'), 'not a zip');
  const corrupt = run(bin(), ['generate', '--jar', 'corrupt.jar'], { cwd: APP });
  assert.strictEqual(corrupt.status, 1);
  assert.match(corrupt.stderr, /corrupt\.jar: not a jar \(zip\) file, or corrupt/);
  fs.writeFileSync(path.join(APP, 'notes.txt'), 'hello');
  const text = run(bin(), ['generate', '--jar', 'notes.txt'], { cwd: APP });
  assert.strictEqual(text.status, 1);
  assert.match(text.stderr, /not a \.jar file/);
});

test('CLI: --out that is a file, a --json summary, several --sources (one of another library warned about)', () => {
  const lang3 = path.join(JARS, 'commons-lang3-3.20.0.jar');
  fs.writeFileSync(path.join(APP, 'a-file'), 'x');
  const file = run(bin(), ['generate', '--jar', lang3, '--out', 'a-file'], { cwd: APP });
  assert.strictEqual(file.status, 1, file.stdout + file.stderr);
  assert.match(file.stderr, /--out a-file: is a file, not a folder/);
  const other = path.join(APP, 'other-sources', 'org', 'other');
  fs.mkdirSync(other, { recursive: true });
  fs.writeFileSync(path.join(other, 'Thing.java'), 'package org.other;\n/** Not commons-lang3. */\npublic class Thing {}\n');
  const r = ok(run(bin(), ['generate', '--jar', lang3, '--sources', path.join(JARS, 'commons-lang3-3.20.0-sources.jar'),
    '--sources', 'other-sources', '--out', 'out-json', '--json', '--no-glue'], { cwd: APP }), 'generate --json');
  const summary = JSON.parse(r.stdout);
  assert.ok(summary.classes > 100, r.stdout);
  assert.ok(summary.sourcesMatched > 100, r.stdout);
  assert.strictEqual(summary.glued, 0);
  assert.deepStrictEqual(summary.files.map((f) => path.basename(f)), ['commons-lang3-3.20.0.d.ts', 'commons-lang3-3.20.0.js']);
  assert.deepStrictEqual(summary.warnings.filter((w) => /other-sources: these sources match none of commons-lang3-3\.20\.0\.jar's public classes/.test(w)).length, 1,
    summary.warnings.join('\n'));
  assert.match(fs.readFileSync(path.join(APP, 'out-json', 'commons-lang3-3.20.0.d.ts'), 'utf8'), /@param maxWidth/);
});

test('generate commons-lang3 (with sources) and guava (with --classpath), both --glue', () => {
  const lang3 = generate(['--jar', path.join(JARS, 'commons-lang3-3.20.0.jar'), '--glue',
    '--sources', path.join(JARS, 'commons-lang3-3.20.0-sources.jar')]);
  timings.lang3 = lang3.ms;
  const guava = generate(['--jar', path.join(JARS, 'guava-33.8.0-jre.jar'), '--glue',
    '--classpath', path.join(JARS, 'failureaccess-1.0.3.jar')]);
  timings.guava = guava.ms;
  console.log(`# generation: commons-lang3 ${lang3.ms} ms, guava ${guava.ms} ms (incl. JVM start)\n# ${guava.out.trim().split('\n').join('\n# ')}`);
  for (const f of ['commons-lang3-3.20.0', 'guava-33.8.0-jre']) {
    for (const ext of ['.d.ts', '.js', '.napi.jar']) {
      assert.ok(fs.existsSync(path.join(APP, 'out', f + ext)), f + ext);
    }
  }
  const dts = fs.readFileSync(path.join(APP, 'out', 'commons-lang3-3.20.0.d.ts'), 'utf8');
  assert.match(dts, /abbreviate\(str: string, maxWidth: int\): \$R<\$A, string>;/, 'parameter names from the sources jar');
  assert.match(dts, /@param maxWidth/, 'Javadoc from the sources jar');
});

const JACKSON = 'jackson-databind-2.18.2';

test('generate jackson-databind (jackson-core and -annotations on --classpath)', () => {
  const jackson = generate(['--jar', path.join(JARS, `${JACKSON}.jar`), '--classpath',
    ['jackson-core-2.18.2.jar', 'jackson-annotations-2.18.2.jar'].map((j) => path.join(JARS, j)).join(',')]);
  console.log(`# generation: jackson-databind ${jackson.ms} ms`);
  const dts = fs.readFileSync(path.join(APP, 'out', `${JACKSON}.d.ts`), 'utf8');
  // another package's class through the namespace's import alias of it: `import $0 = jvm.java.lang;`, `$0.Class`
  const lang = /^ {4}import (\$\d+) = jvm\.java\.lang;$/m.exec(dts.slice(dts.indexOf('\n  namespace com.fasterxml.jackson.databind {')))[1].replace('$', '\\$');
  assert.match(dts, new RegExp(`readValue<T extends \\$Out\\.java\\.lang\\.Object>\\(content: string, valueType: \\{ readonly class: ${lang}\\.Class<T> \\} \\| ${lang}\\.Class<T>\\): T;`),
    'a Class parameter takes a projected class');
  // a class of the namespace being declared is named unqualified there (JsonNode, not jvm.com....JsonNode)
  assert.match(dts, new RegExp(`interface JsonNode extends .*${lang}\\.Iterable<JsonNode> \\{`));
});

const OKHTTP = 'okhttp-4.12.0';

test('a Kotlin jar (okhttp 4) generates with glue: no synthetic members, tsc --strict alone, a program through the loader', () => {
  const r = generate(['--jar', path.join(JARS, `${OKHTTP}.jar`), '--glue', '--classpath',
    ['okio-jvm-3.6.0.jar', 'kotlin-stdlib-1.9.10.jar'].map((j) => path.join(JARS, j)).join(',')]);
  console.log(`# generation: okhttp ${r.ms} ms`);
  assert.ok(fs.existsSync(path.join(APP, 'out', `${OKHTTP}.napi.jar`)), `glue written (Kotlin's synthetic $WhenMappings left out):\n${r.out}`);
  assert.doesNotMatch(r.out, /glue did not compile|no glue:/, r.out);
  const dts = fs.readFileSync(path.join(APP, 'out', `${OKHTTP}.d.ts`), 'utf8');
  // synthetic members are compiler artifacts (Kotlin's name$default, its marker constructors); a public
  // non-synthetic access$... (Kotlin's @PublishedApi) stays
  assert.doesNotMatch(dts, /\$default[(<]|DefaultConstructorMarker/, 'compiler artifacts are not API');
  const alone = tscProject([checked(`out/${OKHTTP}.d.ts`)], { noEmit: true });
  assert.strictEqual(alone.status, 0, alone.stdout + alone.stderr);
  fs.writeFileSync(path.join(APP, 'okhttp.ts'), [
    `import jvm = require('./out/${OKHTTP}');`,
    'declare const console: { log(line: string): void };',
    'const { Request, HttpUrl } = jvm.okhttp3;',
    "const request = new Request.Builder().url('https://example.invalid/a/b?q=1').header('X-Test', 'yes').build();",
    "const url = HttpUrl.Companion.get('https://example.invalid:8443/p?x=y');",
    '// an object literal for a Java interface: its methods\' parameters typed from it under --strict (no TS7006)',
    'function enqueue(call: jvm.okhttp3.Call): void {',
    '  call.enqueue({ onFailure(c, e) { console.log(`${c.request().method()} ${e.getMessage()}`); }, onResponse(c, r) { console.log(`${r.code()}`); } });',
    '}',
    'void enqueue;',
    'console.log(JSON.stringify({ method: request.method(), host: request.url().host(), header: request.header(\'X-Test\'),',
    '  segments: [...request.url().pathSegments()], port: url.port(), query: url.queryParameter(\'x\') }));',
    '',
  ].join('\n'));
  const compiled = tscProject(['okhttp.ts']);
  assert.strictEqual(compiled.status, 0, compiled.stdout + compiled.stderr);
  const ran = run(process.execPath, [path.join(APP, 'okhttp.js')], { cwd: APP });
  assert.strictEqual(ran.status, 0, ran.stdout + ran.stderr);
  assert.deepStrictEqual(JSON.parse(ran.stdout.trim().split('\n').pop()),
    { method: 'GET', host: 'example.invalid', header: 'yes', segments: ['a', 'b'], port: 8443, query: 'y' });
});

/**
 * A jar family's end-to-end check: tsc --strict on the typings alone (no skipLibCheck), then ts/<program>
 * compiled beside out/ and run through the loader against the real bridge; its last line is the JSON expected.
 */
function typedProgram(dts, program, types, expected) {
  const alone = tscProject([checked(`out/${dts}.d.ts`)], { noEmit: true, types });
  assert.strictEqual(alone.status, 0, alone.stdout + alone.stderr);
  fs.copyFileSync(path.join(ROOT, 'ts', program), path.join(APP, program));
  const compiled = tscProject([program], { types });
  assert.strictEqual(compiled.status, 0, compiled.stdout + compiled.stderr);
  const ran = run(process.execPath, [path.join(APP, program.replace(/\.ts$/, '.js'))], { cwd: APP });
  assert.strictEqual(ran.status, 0, ran.stdout + ran.stderr);
  assert.deepStrictEqual(JSON.parse(ran.stdout.trim().split('\n').pop()), expected);
}

test('lucene-core: tsc --strict on its typings alone (JDK PrimitiveIterator subtypes), a search program through the loader', () => {
  const r = generate(['--jar', path.join(JARS, 'lucene-core-9.12.1.jar')]);
  console.log(`# generation: lucene-core ${r.ms} ms`);
  typedProgram('lucene-core-9.12.1', 'lucene.ts', [], { total: 2, bodies: ['hello node java', 'java from node'] });
});

/** tsc errors on exactly the lines marked `// error: ` in a file of deliberate errors; returns their count. */
function markedErrors(file, types) {
  fs.copyFileSync(path.join(ROOT, 'ts', file), path.join(APP, file));
  const marked = fs.readFileSync(path.join(APP, file), 'utf8').split('\n')
    .map((line, i) => (/^\S.*\/\/ error: /.test(line) ? i + 1 : 0)).filter(Boolean);
  const r = tscProject([file], { noEmit: true, types });
  const reported = [...new Set([...r.stdout.matchAll(new RegExp(`^${file.replace('.', '\\.')}\\((\\d+),\\d+\\): error TS`, 'gm'))]
    .map((m) => Number(m[1])))];
  assert.deepStrictEqual(reported, marked, `tsc errors on exactly the marked lines of ${file}:\n${r.stdout}`);
  assert.doesNotMatch(r.stdout, /^(?!wrong-).*error TS/m, `errors only in ${file}:\n${r.stdout}`);
  assert.doesNotMatch(r.stdout, /TS7006/, `no implicit any: callback parameters are typed from the Java interface:\n${r.stdout}`);
  return marked.length;
}

const POI = 'poi-ooxml-5.5.1';
const POI_CLASSPATH = ['poi-5.5.1', 'poi-ooxml-lite-5.5.1', 'xmlbeans-5.3.0', 'commons-compress-1.28.0', 'commons-io-2.21.0',
  'commons-collections4-4.5.0', 'commons-codec-1.20.0', 'commons-math3-3.6.1', 'SparseBitSet-1.3', 'log4j-api-2.24.3', 'curvesapi-1.08'];

test('poi-ooxml: tsc --strict on its typings alone (SheetIterator implements Iterator<InputStream>), an xlsx written and read back, wrong uses rejected', () => {
  const r = generate(['--jar', path.join(JARS, `${POI}.jar`), '--classpath', POI_CLASSPATH.map((j) => path.join(JARS, `${j}.jar`)).join(',')]);
  console.log(`# generation: poi-ooxml ${r.ms} ms`);
  // poi-ooxml-lite holds only the schema classes poi-ooxml itself uses: the rest are named, not guessed
  assert.match(r.out, /referenced classes were not found \(typed as unknown\); add their jars with --classpath: com\.microsoft\.schemas/);
  typedProgram(POI, 'poi.ts', ['node'], { names: ['Sales'], xml: true, regions: ['north', 'south', 'east'], sum: 49.75, rows: 4 });
  assert.strictEqual(markedErrors('wrong-poi.ts', ['node']), 11);
});

const POI_FULL = 'poi-ooxml-full-5.5.1';

// scripts/test.sh runs this one in its JDK 17 pass only (NAPI_JAVA_GENERATOR_HUGE=0 in the Temurin 25 pass)
const HUGE = process.env.NAPI_JAVA_GENERATOR_HUGE !== '0';

test('a huge jar (poi-ooxml-full, ~6,000 classes): generated, checked alone at Node\'s default heap, an XMLBeans program run, wrong uses rejected',
  { skip: HUGE ? false : 'NAPI_JAVA_GENERATOR_HUGE=0: run in the JDK 17 pass' }, () => {
  const r = generate(['--jar', path.join(JARS, `${POI_FULL}.jar`), '--classpath',
    POI_CLASSPATH.filter((j) => !j.startsWith('poi-ooxml-lite')).map((j) => path.join(JARS, `${j}.jar`)).join(',')]);
  const mb = fs.statSync(path.join(APP, 'out', `${POI_FULL}.d.ts`)).size / 1048576;
  console.log(`# generation: poi-ooxml-full ${r.ms} ms, ${mb.toFixed(0)} MB of typings`);
  typedProgram(POI_FULL, 'poi-full.ts', ['node'], { names: ['Sales', 'Costs', 'Notes'], ids: [1, 2, 3], hidden: 'hidden', fullCalc: true, xml: true });
  assert.strictEqual(markedErrors('wrong-poi-full.ts', ['node']), 6);
});

const CAFFEINE = 'caffeine-3.2.2';

test('caffeine (JSpecify): tsc --strict alone, a CacheLoader object literal typed from the interface (loadAll keys: no TS7006), run', () => {
  const r = generate(['--jar', path.join(JARS, `${CAFFEINE}.jar`), '--classpath',
    ['jspecify-1.0.0', 'error_prone_annotations-2.40.0'].map((j) => path.join(JARS, `${j}.jar`)).join(',')]);
  console.log(`# generation: caffeine ${r.ms} ms`);
  assert.ok(!fs.existsSync(path.join(APP, 'out', `${CAFFEINE}.napi.jar`)), 'no glue unless --glue');
  const dts = fs.readFileSync(path.join(APP, 'out', `${CAFFEINE}.d.ts`), 'utf8');
  // JSpecify: @Nullable results are `| null`, @NullMarked scope keeps the rest non-null
  assert.match(dts, /getIfPresent\(key: K\): V \| null;/);
  typedProgram(CAFFEINE, 'caffeine.ts', ['node'], // the program logs: console is Node's
    { first: 5, again: 5, loads: ['hello'], bulk: [20, 30], computed: 'K', missing: null, hits: 1, misses: 3, size: 3 });
  assert.strictEqual(markedErrors('wrong-caffeine.ts', []), 6);
});

test('typical mistakes with the jackson-databind and lucene-core typings are all type errors', () => {
  assert.strictEqual(markedErrors('wrong-jackson.ts', ['node']), 22);
  assert.strictEqual(markedErrors('wrong-lucene.ts', ['node']), 23);
});

test('tsc --strict accepts the typings (no skipLibCheck)', () => {
  const r = tscProject(['out/commons-lang3-3.20.0.d.ts', 'out/guava-33.8.0-jre.d.ts', `out/${JACKSON}.d.ts`].map(checked), { noEmit: true });
  assert.strictEqual(r.status, 0, r.stdout + r.stderr);
});

test('the typings and the package do not pull @types/node into a program: streams are Node\'s with it, any without', () => {
  // a program with no Node types at all (types: []): tsc loads the typings, the package's index.d.ts
  // and TypeScript's lib only, and accepts a stream result where Node's types would be needed
  fs.writeFileSync(path.join(APP, 'no-node.ts'), [
    "import jvm = require('./out/commons-lang3-3.20.0');",
    "const s: string = jvm.org.apache.commons.lang3.StringUtils.abbreviate('hello world', 8);",
    'const stream = jvm.java.io.InputStream.nullInputStream();',
    'export const n: number = stream.readableLength + s.length;',
    "export const buffer = jvm.allocateBuffer(4);",
  ].join('\n'));
  const compiled = tscProject(['no-node.ts'], { noEmit: true, listFiles: true });
  assert.strictEqual(compiled.status, 0, compiled.stdout + compiled.stderr);
  const files = compiled.stdout.trim().split('\n');
  assert.ok(files.some((f) => f.endsWith('out/commons-lang3-3.20.0.d.ts')), files.join('\n'));
  // ASCII only (Javadoc's non-ASCII as &#...; references): one '∈' made V8 hold the text two bytes a character
  const text = fs.readFileSync(path.join(APP, 'out/commons-lang3-3.20.0.d.ts'), 'latin1');
  assert.ok(text.includes('&#8712;') && !/[^\x00-\x7e]/.test(text), 'the typings are ASCII, their docs\' characters kept as references');
  assert.deepStrictEqual(files.filter((f) => /@types[\\/]node|undici-types/.test(f)), []);
  // with @types/node in the program the same stream is Node's Readable, and the Buffer Node's Buffer
  fs.writeFileSync(path.join(APP, 'with-node.ts'), [
    "import jvm = require('./out/commons-lang3-3.20.0');",
    'const stream = jvm.java.io.InputStream.nullInputStream();',
    'export const wrong: string = stream.readableLength; // error',
    "export const alsoWrong: string = jvm.allocateBuffer(4).readUInt8(0); // error",
    "export const fine: number = stream.readableLength + jvm.allocateBuffer(4).readUInt8(0);",
  ].join('\n'));
  const typed = tscProject(['with-node.ts'], { noEmit: true, types: ['node'] });
  assert.deepStrictEqual([...typed.stdout.matchAll(/with-node\.ts\((\d+),\d+\): error TS2322/g)].map((m) => Number(m[1])), [3, 4],
    typed.stdout + typed.stderr);
});

test('a TS program type-checks, compiles and runs through the loaders', () => {
  fs.copyFileSync(path.join(ROOT, 'ts', 'app.ts'), path.join(APP, 'app.ts'));
  const r = tscProject(['app.ts']); // app.js beside app.ts, next to out/
  assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  const ran = run(process.execPath, [path.join(APP, 'app.js')], { cwd: APP });
  assert.strictEqual(ran.status, 0, ran.stdout + ran.stderr);
  const result = JSON.parse(ran.stdout.trim().split('\n').pop());
  assert.deepStrictEqual({ ...result, glue: undefined }, {
    abbreviated: 'node-...', padded: '007', parts: ['x', 'y', 'z'], bytes: [1, 2, 3], first: 'a', joined: 'a, b, c',
    repeated: 'ababab', size: 3, isList: true, glue: undefined,
    lengthsSeen: [1, 1], abbreviatedAsync: 'node-...', cleared: null, fromFuture: 40,
  });
  const [glued, hits, fallbacks] = result.glue;
  assert.ok(glued > 500, `glue registered for both jars (${glued})`);
  assert.ok(hits >= 4, `projections served by glue (${hits})`);
  assert.strictEqual(fallbacks, 0);
});

test('the marshaling table through typings: Class parameters, iteration, list[i], JS data as Java collections, boxes', () => {
  fs.copyFileSync(path.join(ROOT, 'ts', 'values.ts'), path.join(APP, 'values.ts'));
  const r = tscProject(['values.ts']);
  assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  const ran = run(process.execPath, [path.join(APP, 'values.js')], { cwd: APP });
  assert.strictEqual(ran.status, 0, ran.stdout + ran.stderr);
  assert.deepStrictEqual(JSON.parse(ran.stdout.trim().split('\n').pop()), {
    text: 'héllo', big: '12345678901234567', when: 0, listLength: 3, second: 'two', listItems: ['1', 'two', '3', 'four'],
    mapEntries: ['a=1', 'b=[true]'], setSize: 2, sum: 6, fieldNames: ['xs', 'name', 'big'],
    fields: ['xs:[1,2,3]', 'name:"n"', 'big:9007199254740993'], streamed: ['1', 'two', '3', 'four'], bigLong: 'bigint',
    written: '{"a":1,"list":[1,2],"when":0,"nested":{"k":5}}', node: '{"keep":1,"also":3,"added":"t","arr":[7]}',
    converted: '{x=1}', fromJavaArray: '[1,2,3]', json: '{"list":[1,"two",3,"four"],"map":{"a":1,"b":[true]}}',
    toJS: { a: 1, b: [true] },
  });
});

test('the marshaling table through typings: wrong uses fail tsc, one error per marked line', () => {
  const file = 'wrong-values.ts';
  fs.copyFileSync(path.join(ROOT, 'ts', file), path.join(APP, file));
  const marked = fs.readFileSync(path.join(APP, file), 'utf8').split('\n')
    .map((line, i) => (/^\S.*\/\/ error: /.test(line) ? i + 1 : 0)).filter(Boolean);
  assert.strictEqual(marked.length, 21, 'the deliberate errors in wrong-values.ts');
  const r = tscProject([file], { noEmit: true });
  const reported = [...r.stdout.matchAll(/^wrong-values\.ts\((\d+),\d+\): error TS/gm)].map((m) => Number(m[1]));
  assert.deepStrictEqual(reported, marked, `tsc errors on exactly the marked lines:\n${r.stdout}`);
});

test('a wrong argument type fails tsc (the typings are real, not any)', () => {
  fs.copyFileSync(path.join(ROOT, 'ts', 'wrong-argument.ts'), path.join(APP, 'wrong-argument.ts'));
  const r = tscProject(['wrong-argument.ts'], { noEmit: true });
  assert.notStrictEqual(r.status, 0, 'tsc accepted a wrong argument type');
  assert.match(r.stdout, /wrong-argument\.ts\(4,\d+\): error TS(2345|2769)/);
});

test('async results, callbacks and futures are typed: wrong uses fail tsc', () => {
  fs.copyFileSync(path.join(ROOT, 'ts', 'wrong-async.ts'), path.join(APP, 'wrong-async.ts'));
  const r = tscProject(['wrong-async.ts'], { noEmit: true });
  assert.notStrictEqual(r.status, 0, 'tsc accepted wrong async/callback/future uses');
  for (const line of [6, 7, 8, 9]) {
    assert.match(r.stdout, new RegExp(`wrong-async\\.ts\\(${line},\\d+\\): error TS`), `line ${line}:\n${r.stdout}`);
  }
});

test('napi-java add: typings for a Maven artifact in one command, a TS program on them, wrong uses rejected', () => {
  // a project of its own (its package.json gets the "java" section), beside the one above
  const project = path.join(APP, 'maven-app');
  fs.rmSync(project, { recursive: true, force: true });
  fs.mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'maven-app', private: true }));
  fs.symlinkSync(path.join(APP, 'node_modules', 'node-api-java'), path.join(project, 'node_modules', 'node-api-java'));
  const added = ok(run(bin(), ['add', 'org.apache.commons:commons-text:1.12.0'], { cwd: project }), 'napi-java add');
  assert.match(added.stdout, /typings for org\.apache\.commons:commons-text: java-types\/commons-text-1\.12\.0\.d\.ts/);
  fs.writeFileSync(path.join(project, 'use.ts'), [
    "import jvm = require('./java-types/commons-text-1.12.0');",
    'const { WordUtils, StringSubstitutor } = jvm.org.apache.commons.text;',
    "const caps: string = WordUtils.capitalize('one two');",
    "const sub: string = new StringSubstitutor(new Map([['who', 'TS']])).replace('hi ${who}');",
    'console.log(JSON.stringify({ caps, sub }));', ''].join('\n'));
  const r = tscProject(['maven-app/use.ts'], { lib: ['es2020'], types: ['node'] }); // it logs: console is Node's
  assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  const ran = run(process.execPath, [path.join(project, 'use.js')], { cwd: project });
  assert.strictEqual(ran.status, 0, ran.stdout + ran.stderr);
  assert.deepStrictEqual(JSON.parse(ran.stdout.trim().split('\n').pop()), { caps: 'One Two', sub: 'hi TS' });
  fs.writeFileSync(path.join(project, 'wrong.ts'), [
    "import jvm = require('./java-types/commons-text-1.12.0');",
    'jvm.org.apache.commons.text.WordUtils.capitalize(42);', ''].join('\n'));
  const wrong = tscProject(['maven-app/wrong.ts'], { noEmit: true });
  assert.match(wrong.stdout, /wrong\.ts\(2,\d+\): error TS(2345|2769)/, wrong.stdout);
});
