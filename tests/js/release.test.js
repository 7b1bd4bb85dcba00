'use strict';
// Release hygiene: `npm publish --dry-run` of the packed package is clean and ships what it should
// (each native library once, no debug files, no install script), and the Maven artifacts carry
// what a repository asks for: POM metadata, sources and javadoc jars, a module name.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT, findJdk, tempDir, run } = require('./helpers');

const PUBLISHED = [ // module folder, artifact, Automatic-Module-Name (null: an application jar)
  ['runtime', 'napi-java-runtime', 'dev.napijava.runtime'],
  ['analyzer', 'napi-java-analyzer', 'dev.napijava.analyzer'],
  ['emitters', 'napi-java-emitters', 'dev.napijava.emitters'],
  ['cli', 'napi-java-cli', null],
];

function tarball() {
  const dir = path.join(REPO_ROOT, 'distribution', 'target');
  const found = fs.readdirSync(dir).filter((f) => /^node-api-java-\d+\.\d+\.\d+.*\.tgz$/.test(f));
  assert.equal(found.length, 1, `one node-api-java-*.tgz in ${dir}`);
  return path.join(dir, found[0]);
}

test('npm publish --dry-run of the packed package: no warning but the login one, the files it should ship', () => {
  const dir = tempDir('publish');
  run('tar', ['xzf', tarball(), '-C', dir]);
  const pkg = path.join(dir, 'package');
  const r = spawnSync('npm', ['publish', '--dry-run', '--json', '--offline', '--ignore-scripts'], {
    cwd: pkg, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_loglevel: 'warn' },
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const warnings = r.stderr.split('\n').filter((l) => /npm (warn|error)/i.test(l) && !/logged in|dry-run/.test(l));
  assert.deepEqual(warnings, [], r.stderr);
  const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  const report = json['node-api-java'] || json; // npm 11 keys the report by package name
  const files = report.files.map((f) => f.path).sort();
  assert.deepEqual(files.filter((f) => /\.(node|so)$/.test(f)), [
    'prebuilds/linux-arm64/napi_java.node',
    'prebuilds/linux-x64/libnapi_java_host.so',
    'prebuilds/linux-x64/libnapi_java_loader.so',
    'prebuilds/linux-x64/napi_java.node',
  ]);
  assert.deepEqual(files.filter((f) => f.endsWith('.jar')), ['java/napi-java-cli.jar', 'java/napi-java-runtime.jar']);
  for (const f of ['LICENSE', 'THIRD-PARTY-NOTICES.txt', 'README.md', 'index.d.ts', 'index.mjs', 'bin/napi-java.js']) assert.ok(files.includes(f), f);
  assert.deepEqual(files.filter((f) => /\.debug$|postinstall/.test(f)), []);
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.scripts, undefined);
  assert.equal(manifest.license, 'MIT');
  assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
  // 2.7 MB before `napi-java add`; the CLI jar now bundles Maven Resolver, Maven's model and settings,
  // Apache HttpClient and Gson (about 3.3 MB of it)
  assert.ok(report.size < 6_500_000, `packed size ${report.size}`);
  // the jars inside bundle no second copy of the native libraries
  for (const jar of ['java/napi-java-cli.jar', 'java/napi-java-runtime.jar']) {
    assert.doesNotMatch(run('unzip', ['-l', path.join(pkg, jar)]).stdout, /\.(node|so)\s*$/m, jar);
  }
});

test('Maven artifacts: POM metadata, sources and javadoc jars, Automatic-Module-Name (the bridge internals not in javadoc)', () => {
  const parent = fs.readFileSync(path.join(REPO_ROOT, 'pom.xml'), 'utf8');
  for (const tag of ['description', 'url', 'licenses', 'developers', 'scm', 'issueManagement']) {
    assert.match(parent, new RegExp(`<${tag}>[\\s\\S]+?</${tag}>`), `<${tag}> in the parent pom`);
  }
  assert.match(parent, /<license>\s*<name>MIT<\/name>/);
  const jdk = findJdk();
  for (const [mod, artifact, moduleName] of PUBLISHED) {
    const pom = fs.readFileSync(path.join(REPO_ROOT, mod, 'pom.xml'), 'utf8');
    assert.match(pom, /<name>[^<]+<\/name>/, `${mod}: name`);
    assert.match(pom, /<description>[^<]+<\/description>/, `${mod}: description`);
    const target = path.join(REPO_ROOT, mod, 'target');
    const jars = fs.readdirSync(target);
    // the artifact's own jar (cli: not the shaded napi-java-cli.jar beside it)
    const jar = jars.find((f) => new RegExp(`^${artifact}(-\\d+\\.\\d+\\.\\d+)?\\.jar$`).test(f) && (mod !== 'cli' || f !== `${artifact}.jar`));
    const sources = jars.find((f) => f.startsWith(artifact) && f.endsWith('-sources.jar'));
    const javadoc = jars.find((f) => f.startsWith(artifact) && f.endsWith('-javadoc.jar'));
    assert.ok(jar && sources && javadoc, `${mod}: jar, sources and javadoc jars in ${target}: ${jars.join(', ')}`);
    const srcList = run('unzip', ['-l', path.join(target, sources)]).stdout;
    assert.match(srcList, /\.java\s*$/m, `${sources} has Java sources`);
    assert.doesNotMatch(srcList, /\.(node|so)\s*$/m, `${sources} has no native libraries`);
    const docList = run('unzip', ['-l', path.join(target, javadoc)]).stdout;
    assert.match(docList, /index\.html/, `${javadoc} has an index`);
    if (mod === 'runtime') {
      assert.match(docList, /dev\/napijava\/NodejsPlatform\.html/);
      assert.doesNotMatch(docList, /dev\/napijava\/bridge\//, 'the bridge internals are not documented API');
    }
    const described = run(path.join(jdk, 'bin', 'jar'), ['--describe-module', '--file', path.join(target, jar)]).stdout;
    if (moduleName) assert.match(described, new RegExp(`^${moduleName.replace(/\./g, '\\.')}(@[^ ]+)? automatic$`, 'm'), described);
    else assert.match(described, /No module descriptor found/);
  }
});
