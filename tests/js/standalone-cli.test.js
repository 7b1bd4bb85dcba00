'use strict';
// The standalone generator CLI (distribution/assemble-cli.sh): the tarball unpacked, then
// `bin/napi-java generate --jar <real jar>` with an environment that has no JDK at all (env -i:
// no JAVA_HOME, a PATH whose only tool is readlink), and the generated loader and glue used
// through the bridge.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT, TESTS_DIR, PACKAGE, tempDir, run, runNode, describeRun } = require('./helpers');

function findTarball() {
  const dir = path.join(REPO_ROOT, 'distribution', 'target');
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^napi-java-.*-linux-x64\.tar\.gz$/.test(f)) : [];
  assert.equal(found.length, 1, `one napi-java-*-linux-x64.tar.gz in ${dir} (build with mvn -DskipTests package): ${found}`);
  return path.join(dir, found[0]);
}

test('standalone CLI tarball: bin/napi-java generate works with no JDK on PATH or in JAVA_HOME', (t) => {
  const tgz = findTarball();
  const dir = tempDir('standalone-cli');
  run('tar', ['xzf', tgz, '-C', dir]);
  const [top] = fs.readdirSync(dir);
  const home = path.join(dir, top);
  for (const f of ['bin/napi-java', 'lib/napi-java-cli.jar', 'runtime/bin/java', 'runtime/lib/modules', 'LICENSE', 'THIRD-PARTY-NOTICES.txt']) {
    assert.ok(fs.existsSync(path.join(home, f)), `${f} in the tarball`);
  }
  // only the modules the CLI needs (a full JDK image has ~70)
  const modules = run(path.join(home, 'runtime', 'bin', 'java'), ['--list-modules']).stdout.trim().split('\n')
    .map((l) => l.replace(/@.*/, '')).sort();
  // what jdeps found (java.base, java.compiler, java.sql; java.naming and java.security.jgss for
  // the resolver's HTTP client) and the three loaded as services (javac's two, TLS's elliptic
  // curves), with what those require (JDK 17: java.logging, java.transaction.xa, java.xml; JDK 25
  // also jdk.internal.opt): 12 or 13 of a full JDK's ~70
  for (const m of ['java.base', 'java.compiler', 'java.sql', 'jdk.compiler', 'jdk.zipfs', 'jdk.crypto.ec']) {
    assert.ok(modules.includes(m), `${m} in ${modules}`);
  }
  assert.ok(modules.length <= 13, modules.join(', '));
  assert.deepEqual(modules.filter((m) => /desktop|jdk\.jshell|jdk\.javadoc|jdk\.jlink/.test(m)), []);
  assert.ok(!fs.existsSync(path.join(home, 'runtime', 'jmods')), 'no jmods');

  // an environment without any JDK: PATH has only readlink (the launcher follows symlinks to it)
  const bin = path.join(dir, 'path-bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(run('sh', ['-c', 'command -v readlink']).stdout.trim(), path.join(bin, 'readlink'));
  // started through a symlink, as from /usr/local/bin
  fs.symlinkSync(path.join(home, 'bin', 'napi-java'), path.join(bin, 'napi-java'));
  const env = { PATH: bin, HOME: tempDir('standalone-home') };
  const noJava = spawnSync('/bin/sh', ['-c', 'command -v java || echo none'], { env, encoding: 'utf8' });
  assert.equal(noJava.stdout.trim(), 'none', 'no java on the PATH of the test');

  const jar = path.join(TESTS_DIR, 'target', 'jars', 'commons-io.jar');
  assert.ok(fs.existsSync(jar), `${jar} missing: run 'mvn -pl tests -am process-test-resources'`);
  const work = tempDir('standalone-out');
  const out = path.join(work, 'out');
  const started = Date.now();
  const r = spawnSync('napi-java', ['generate', '--jar', jar, '--out', out, '--quiet', '--glue'], {
    cwd: work, env, encoding: 'utf8', timeout: 180_000,
  });
  const ms = Date.now() - started;
  assert.equal(r.status, 0, describeRun({ ...r, ms }));
  assert.doesNotMatch(r.stderr, /error|exception/i, describeRun({ ...r, ms }));
  for (const f of ['commons-io.d.ts', 'commons-io.js', 'commons-io.napi.jar']) assert.ok(fs.existsSync(path.join(out, f)), `${f} generated`);
  assert.match(fs.readFileSync(path.join(out, 'commons-io.d.ts'), 'utf8'), /namespace org\.apache\.commons\.io \{[\s\S]*interface FilenameUtils /);
  const glue = run('unzip', ['-l', path.join(out, 'commons-io.napi.jar')]).stdout;
  assert.match(glue, /\.class/, 'the glue compiled (javac of the jlink runtime)');
  const version = spawnSync('napi-java', ['--version'], { env, encoding: 'utf8' });
  assert.match(version.stdout, /^napi-java \d+\.\d+\.\d+ \(Java \d+/);

  // the generated loader and glue work through the bridge (a project that has node-api-java)
  fs.mkdirSync(path.join(work, 'node_modules'));
  fs.symlinkSync(PACKAGE, path.join(work, 'node_modules', 'node-api-java'));
  const use = runNode(['-e', `
    const jvm = require('./out/commons-io.js');
    console.log(JSON.stringify({ ext: jvm.org.apache.commons.io.FilenameUtils.getExtension('a/b.txt') }));`], { cwd: work });
  assert.equal(use.status, 0, describeRun(use));
  assert.deepEqual(use.json, { ext: 'txt' });
  t.diagnostic(`standalone generate of commons-io: ${ms} ms`);

  // napi-java add over TLS from Maven Central with the jlink runtime (its CA store, its EC module),
  // into a local repository of its own so the jar is really downloaded
  const project = tempDir('standalone-add');
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "standalone-add" }\n');
  fs.writeFileSync(path.join(project, 'settings.xml'),
    `<settings><localRepository>${path.join(project, 'repository')}</localRepository></settings>\n`);
  const add = spawnSync('napi-java', ['add', 'com.google.code.findbugs:jsr305:3.0.2', '--no-typings', '--settings', 'settings.xml', '--json'], {
    cwd: project, env, encoding: 'utf8', timeout: 120_000,
  });
  assert.equal(add.status, 0, describeRun(add));
  assert.equal(JSON.parse(add.stdout).artifacts[0].id, 'com.google.code.findbugs:jsr305:3.0.2');
  assert.ok(fs.existsSync(path.join(project, 'repository', 'com/google/code/findbugs/jsr305/3.0.2/jsr305-3.0.2.jar')), 'downloaded');
  assert.ok(fs.existsSync(path.join(project, 'node_modules/.napi-java/com/google/code/findbugs/jsr305/3.0.2/jsr305-3.0.2.jar')));
});
