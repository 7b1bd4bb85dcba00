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

test('npm install <tgz> into an empty folder, then require it from there (install trained the start-up cache)', () => {
  const tgz = findTarball();
  const dir = tempDir('install');
  const cache = path.join(tempDir('install-cache'), 'cache'); // made by the install
  const env = { ...process.env, npm_config_update_notifier: 'false', NAPI_JAVA_STARTUP_CACHE: cache };
  fs.writeFileSync(path.join(dir, 'package.json'),
    JSON.stringify({ name: 'install-probe', version: '1.0.0', private: true }));
  const npm = spawnSync('npm', ['install', tgz, '--offline', '--no-audit', '--no-fund'], {
    cwd: dir, encoding: 'utf8', timeout: 150_000, env,
  });
  assert.equal(npm.status, 0, `npm install failed:\n${npm.stdout}\n${npm.stderr}`);
  assert.ok(fs.existsSync(path.join(dir, 'node_modules', 'node-api-java', 'package.json')));

  const script = `
    const jvm = require('node-api-java');
    const r = jvm.java.lang.Math.max(3, 7);
    console.log(JSON.stringify({ r, resolved: require.resolve('node-api-java'), cache: jvm.stats().startupCache }));
  `;
  // No NAPI_JAVA_PACKAGE here: the child resolves the installed copy from its own folder.
  const r = runNode(['-e', script], {
    cwd: dir, env: { NAPI_JAVA_PACKAGE: null, NAPI_JAVA_STARTUP_CACHE: cache }, timeout: 60_000,
  });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.r, 7);
  assert.ok(fs.realpathSync(r.json.resolved).startsWith(fs.realpathSync(path.join(dir, 'node_modules'))),
    r.json.resolved);
  // the postinstall hook trained the archive, so the very first run maps it
  assert.equal(r.json.cache.status, 'used', `${JSON.stringify(r.json.cache)}; cache folder: ${
    fs.existsSync(cache) ? fs.readdirSync(cache).join(', ') : 'missing'}`);
});

test('npm install --ignore-scripts still gives a working package (the first run trains the cache instead)', () => {
  const tgz = findTarball();
  const dir = tempDir('install-noscripts');
  const cache = path.join(tempDir('install-noscripts-cache'), 'cache');
  fs.writeFileSync(path.join(dir, 'package.json'),
    JSON.stringify({ name: 'install-probe', version: '1.0.0', private: true }));
  const npm = spawnSync('npm', ['install', tgz, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir, encoding: 'utf8', timeout: 90_000,
    env: { ...process.env, npm_config_update_notifier: 'false', NAPI_JAVA_STARTUP_CACHE: cache },
  });
  assert.equal(npm.status, 0, `npm install failed:\n${npm.stdout}\n${npm.stderr}`);
  assert.ok(!fs.existsSync(cache), 'no install script ran, so nothing was trained');
  const script = `
    const jvm = require('node-api-java');
    console.log(JSON.stringify({ r: jvm.java.lang.Math.max(3, 7), cache: jvm.stats().startupCache.status }));
  `;
  const r = runNode(['-e', script], {
    cwd: dir, env: { NAPI_JAVA_PACKAGE: null, NAPI_JAVA_STARTUP_CACHE: cache }, timeout: 60_000,
  });
  assert.equal(r.status, 0, describeRun(r));
  assert.equal(r.json.r, 7);
  assert.ok(['training', 'missing'].includes(r.json.cache), r.json.cache);
});
