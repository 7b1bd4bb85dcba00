'use strict';
// Runs every tests/js/*.test.js with node --test. File names are listed here because Node 20
// takes a directory argument but Node 22+ treats arguments as glob patterns.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const dir = path.join(__dirname, 'js');
// Arguments: file names to run only those (default: all). NAPI_JAVA_TEST_EXCLUDE: comma-separated
// file names left out (scripts/test-asan.sh says why for each). A name that matches no suite is
// an error, so neither list can go stale unnoticed.
const all = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
const only = process.argv.slice(2);
const excluded = (process.env.NAPI_JAVA_TEST_EXCLUDE || '').split(',').map((f) => f.trim()).filter(Boolean);
for (const name of [...only, ...excluded]) {
  if (!all.includes(name)) {
    console.error(`${name} is not a suite in ${dir}`);
    process.exit(1);
  }
}
const files = all.filter((f) => (only.length === 0 || only.includes(f)) && !excluded.includes(f)).map((f) => path.join(dir, f));
if (files.length === 0) {
  console.error(`no test files in ${dir}`);
  process.exit(1);
}
// The bridge's start-up cache (a CDS archive, trained in the background by the first start) goes
// to a folder of this build, not the user's ~/.cache: the suite's processes share it (after the
// first few starts they run with it) and `mvn clean` removes it. startup-cache.test.js uses its own.
const env = { ...process.env };
if (env.NAPI_JAVA_STARTUP_CACHE === undefined) env.NAPI_JAVA_STARTUP_CACHE = path.join(__dirname, 'target', 'startup-cache');
// The suites test the package as users get it: the packed tgz, npm-installed into a fresh folder
// once per run (≈ 2 s), unless NAPI_JAVA_PACKAGE names another (scripts/test-asan.sh's ASan copy).
if (!env.NAPI_JAVA_PACKAGE) {
  const { installTarball } = require('./js/helpers');
  const { npm, installed } = installTarball(path.join(__dirname, 'target', 'installed'));
  if (npm.status !== 0) {
    console.error(`npm install of the packed package failed (build it with 'mvn -DskipTests package'):\n${npm.error || ''}${npm.stdout}${npm.stderr}`);
    process.exit(1);
  }
  env.NAPI_JAVA_PACKAGE = installed;
  console.log(`# the suites run against ${installed} (npm install of the packed tgz)`);
}
// TAP whatever the Node (Node 23+ defaults to the spec reporter off a terminal): scripts/test.sh
// counts its "# pass N" lines. --test-concurrency exists from Node 20.10 (Node 18 runs one file
// per CPU anyway, which is 2 here).
const [major, minor] = process.versions.node.split('.').map(Number);
const concurrency = major > 20 || (major === 20 && minor >= 10) ? ['--test-concurrency=2'] : [];
const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...concurrency, ...files], { stdio: 'inherit', env });
process.exit(r.status === null ? 1 : r.status);
