'use strict';
// Bun and Deno (README: supported runtimes): the package from a project's node_modules, as CommonJS
// and as an ES module, makes real calls into Java (collections, a JS comparator called by Java,
// an exception, a direct buffer, byte[] as a Buffer) and the process ends cleanly. The runtimes are
// the registry's binaries (scripts/setup-runtimes.sh; scripts/test.sh runs it): the test is
// skipped only when that failed (target/runtimes/UNAVAILABLE says why).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT, FIXTURES, PACKAGE, tempDir, describeRun } = require('./helpers');

const RUNTIMES = path.join(REPO_ROOT, 'target', 'runtimes');
const UNAVAILABLE = path.join(RUNTIMES, 'UNAVAILABLE');

function project() {
  const dir = tempDir('runtimes');
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(PACKAGE, path.join(dir, 'node_modules', 'node-api-java'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'runtimes-smoke', version: '1.0.0', private: true }));
  for (const f of ['smoke.cjs', 'smoke.mjs']) fs.copyFileSync(path.join(FIXTURES, 'runtimes', f), path.join(dir, f));
  return dir;
}

// Each run with a start-up cache folder of its own: the first start trains in the background,
// which is when Deno tears its isolate down at exit (running finalizers) instead of just exiting.
let runs = 0;
function runWith(cmd, args, cwd) {
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, NAPI_JAVA_PACKAGE: '', NAPI_JAVA_STARTUP_CACHE: path.join(cwd, `startup-cache-${runs++}`), NO_COLOR: '1' },
  });
  const run = { ...r, ms: Date.now() - started };
  assert.equal(r.signal, null, `crashed:\n${describeRun(run)}`);
  assert.equal(r.status, 0, describeRun(run));
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

for (const [name, bin, args] of [
  ['Bun', path.join(RUNTIMES, 'bun', 'bin', 'bun'), []],
  ['Deno', path.join(RUNTIMES, 'deno', 'deno'), ['run', '-A']],
]) {
  test(`${name}: CommonJS and ES module entries make real calls into Java`, (t) => {
    if (fs.existsSync(UNAVAILABLE)) {
      t.skip(`Bun/Deno could not be installed here: ${fs.readFileSync(UNAVAILABLE, 'utf8').trim()}`);
      return;
    }
    assert.ok(fs.existsSync(bin), `${bin} missing: run scripts/setup-runtimes.sh (scripts/test.sh does)`);
    const dir = project();
    // four times: an exit-time abort (Deno's, with a shared buffer's finalizer) came every other run
    for (let i = 0; i < 4; i++) {
      assert.deepEqual(runWith(bin, [...args, 'smoke.cjs'], dir), {
        runtime: name.toLowerCase(), max: 7, list: ['fig', 'pear', 'apple'], map: 42, thrown: true, direct: 16,
        bytes: 'héllo', version: 'string',
      });
    }
    assert.deepEqual(runWith(bin, [...args, 'smoke.mjs'], dir), { esm: true, chain: true, sb: 'ba' });
  });
}
