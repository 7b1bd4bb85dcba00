'use strict';
// The packed npm package installs offline into an empty folder and works from there.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { tempDir, runNode, describeRun, installTarball } = require('./helpers');

test('npm install <tgz> into an empty folder runs no install script; require works from there, and train-startup-cache.js trains by hand', () => {
  const cache = path.join(tempDir('install-cache'), 'cache');
  const dir = tempDir('install');
  const { npm, installed } = installTarball(dir, ['--foreground-scripts'], { ...process.env, NAPI_JAVA_STARTUP_CACHE: cache });
  assert.equal(npm.status, 0, `npm install failed:\n${npm.stdout}\n${npm.stderr}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.scripts, undefined, 'the package declares no scripts (no install hook)');
  assert.ok(!fs.existsSync(cache), 'nothing ran at install, so nothing was trained');
  assert.doesNotMatch(npm.stdout + npm.stderr, /install|script/i);

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
  // the first run found no archive and trains one in the background
  assert.ok(['training', 'missing'].includes(r.json.cache.status), JSON.stringify(r.json.cache));

  // training by hand (e.g. in an image build): waits for the archive, then a run maps it
  const fresh = path.join(tempDir('install-train'), 'cache');
  const train = runNode([path.join(installed, 'lib', 'train-startup-cache.js')], {
    cwd: dir, env: { NAPI_JAVA_PACKAGE: null, NAPI_JAVA_STARTUP_CACHE: fresh }, timeout: 120_000,
  });
  assert.equal(train.status, 0, describeRun(train));
  const used = runNode(['-e', script], {
    cwd: dir, env: { NAPI_JAVA_PACKAGE: null, NAPI_JAVA_STARTUP_CACHE: fresh }, timeout: 60_000,
  });
  assert.equal(used.status, 0, describeRun(used));
  assert.equal(used.json.cache.status, 'used', `${JSON.stringify(used.json.cache)}; cache folder: ${
    fs.existsSync(fresh) ? fs.readdirSync(fresh).join(', ') : 'missing'}`);
});

test('npm install --ignore-scripts still gives a working package (the first run trains the cache instead)', () => {
  const dir = tempDir('install-noscripts');
  const cache = path.join(tempDir('install-noscripts-cache'), 'cache');
  const { npm } = installTarball(dir, ['--ignore-scripts'], { ...process.env, NAPI_JAVA_STARTUP_CACHE: cache });
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
