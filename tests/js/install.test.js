'use strict';
// The packed npm package installs offline into an empty folder and works from there.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT, tempDir, runNode, describeRun } = require('./helpers');

function findTarball() {
  const dir = path.join(REPO_ROOT, 'distribution', 'target');
  const found = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /^node-api-java-\d+\.\d+\.\d+.*\.tgz$/.test(f)).sort()
    : [];
  assert.ok(found.length > 0, `no node-api-java-*.tgz in ${dir}: build with 'mvn -DskipTests package'`);
  return path.join(dir, found[found.length - 1]);
}

test('npm install <tgz> into an empty folder, then require it from there', () => {
  const tgz = findTarball();
  const dir = tempDir('install');
  fs.writeFileSync(path.join(dir, 'package.json'),
    JSON.stringify({ name: 'install-probe', version: '1.0.0', private: true }));
  const npm = spawnSync('npm', ['install', tgz, '--offline', '--no-audit', '--no-fund'], {
    cwd: dir, encoding: 'utf8', timeout: 90_000,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  assert.equal(npm.status, 0, `npm install failed:\n${npm.stdout}\n${npm.stderr}`);
  assert.ok(fs.existsSync(path.join(dir, 'node_modules', 'node-api-java', 'package.json')));

  const script = `
    const jvm = require('node-api-java');
    const r = jvm.java.lang.Math.max(3, 7);
    console.log(JSON.stringify({ r, resolved: require.resolve('node-api-java') }));
  `;
  // No NAPI_JAVA_PACKAGE here: the child resolves the installed copy from its own folder.
  const r = runNode(['-e', script], { cwd: dir, env: { NAPI_JAVA_PACKAGE: null }, timeout: 60_000 });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.r, 7);
  assert.ok(fs.realpathSync(r.json.resolved).startsWith(fs.realpathSync(path.join(dir, 'node_modules'))),
    r.json.resolved);
});
