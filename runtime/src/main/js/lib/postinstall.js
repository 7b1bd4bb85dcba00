'use strict';
// npm install hook: trains the start-up cache (lib/startup-cache.js) now, once, for the JDK that
// node-api-java finds here, so that the very first run after an install starts from it. Best
// effort, and never a failed install: without a JDK, a HOME or install scripts (--ignore-scripts),
// the first run trains it in the background instead. NAPI_JAVA_STARTUP_CACHE=0 skips it.
try {
  const { findJdk } = require('./jdk');
  const startupCache = require('./startup-cache');
  const { RUNTIME_JAR, PACKAGE_JSON } = require('./package-files');
  startupCache.trainNow({ jdk: findJdk(undefined), runtimeJar: RUNTIME_JAR, packageJson: PACKAGE_JSON });
} catch {
  // nothing to do: see above
}
