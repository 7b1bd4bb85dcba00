#!/usr/bin/env node
'use strict';
// Trains the start-up cache (lib/startup-cache.js) now and waits for it (a second or two), for the
// JDK that node-api-java finds here: `node node_modules/node-api-java/lib/train-startup-cache.js`,
// e.g. as a step of an image build, so that even the first run of the image starts from it. The
// package has no install script: without this, the first start that finds no archive trains one in
// the background. Exit code 0 when an archive is ready, 1 otherwise (no JDK, no HOME, the cache off:
// NAPI_JAVA_STARTUP_CACHE=0), with the reason on stderr.
const { findJdk } = require('./jdk');
const startupCache = require('./startup-cache');
const { RUNTIME_JAR, PACKAGE_JSON } = require('./package-files');

let ready = false;
try {
  ready = startupCache.trainNow({ jdk: findJdk(undefined), runtimeJar: RUNTIME_JAR, packageJson: PACKAGE_JSON });
  if (!ready) console.error('node-api-java: no start-up cache trained (the cache is off, has no usable folder, or the training failed; see README "Start-up cache")');
} catch (err) {
  console.error(err.message);
}
process.exit(ready ? 0 : 1);
