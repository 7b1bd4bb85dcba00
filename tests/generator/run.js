'use strict';
// Runs tests/generator/js/*.test.js with node --test (file names listed: Node 22+ reads globs).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const dir = path.join(__dirname, 'js');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
// The bridge's start-up cache goes to a folder of this build, not the user's ~/.cache (as in ../run-js-tests.js).
const env = { ...process.env };
if (env.NAPI_JAVA_STARTUP_CACHE === undefined) env.NAPI_JAVA_STARTUP_CACHE = path.join(__dirname, 'target', 'startup-cache');
const r = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit', env });
process.exit(r.status === null ? 1 : r.status);
