#!/usr/bin/env node
'use strict';
// `npx napi-java ...`: runs the generator CLI (java/napi-java-cli.jar) on the JDK node-api-java
// itself would use (JAVA_HOME, else `java` on PATH; see lib/jdk.js). Exit code: the CLI's.
const path = require('path');
const { spawnSync } = require('child_process');
const { findJdk } = require('../lib/jdk');

const pkg = path.resolve(__dirname, '..');
let jdk;
try {
  jdk = findJdk(undefined);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const java = path.join(jdk.home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
const args = ['-Xss4m', `-Dnapi.java.package=${pkg}`, '-jar', path.join(pkg, 'java', 'napi-java-cli.jar'), ...process.argv.slice(2)];
const r = spawnSync(java, args, { stdio: 'inherit' });
if (r.error) {
  console.error(`napi-java: cannot run ${java}: ${r.error.message}`);
  process.exit(1);
}
process.exit(r.status === null ? 1 : r.status);
