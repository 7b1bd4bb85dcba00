'use strict';
// npm install hook: trains the start-up cache (lib/startup-cache.js) now, once, for the JDK that
// node-api-java finds here, so that the very first run after an install starts from it. Best
// effort, and never a failed install: without a JDK, a HOME or install scripts (--ignore-scripts),
// the first run trains it in the background instead. NAPI_JAVA_STARTUP_CACHE=0 skips it.
const path = require('path');

try {
  const { findJdk } = require('./jdk');
  const startupCache = require('./startup-cache');
  const root = path.join(__dirname, '..');
  startupCache.trainNow({
    jdk: findJdk(undefined),
    runtimeJar: path.join(root, 'java', 'napi-java-runtime.jar'),
    packageJson: path.join(root, 'package.json'),
  });
} catch {
  // nothing to do: see above
}
