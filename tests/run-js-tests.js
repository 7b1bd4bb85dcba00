'use strict';
// Runs every tests/js/*.test.js with node --test. File names are listed here because Node 20
// takes a directory argument but Node 22+ treats arguments as glob patterns.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const dir = path.join(__dirname, 'js');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
if (files.length === 0) {
  console.error(`no test files in ${dir}`);
  process.exit(1);
}
// The bridge's start-up cache (a CDS archive, trained in the background by the first start) goes
// to a folder of this build, not the user's ~/.cache: the suite's processes share it (after the
// first few starts they run with it) and `mvn clean` removes it. startup-cache.test.js uses its own.
const env = { ...process.env };
if (env.NAPI_JAVA_STARTUP_CACHE === undefined) env.NAPI_JAVA_STARTUP_CACHE = path.join(__dirname, 'target', 'startup-cache');
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env });
process.exit(r.status === null ? 1 : r.status);
