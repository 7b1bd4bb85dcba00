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
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
