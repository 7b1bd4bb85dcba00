'use strict';
// The package's own files, in one place for index.js and lib/train-startup-cache.js:
// the start-up cache is keyed on these exact paths.
const path = require('path');

// In an Electron app the JS is read from app.asar, but the JVM reads the jars from the file system:
// they are in app.asar.unpacked (docs/PLATFORMS.md, "Electron": the package is asar-unpacked).
const ROOT = path.join(__dirname, '..').replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');

module.exports = {
  RUNTIME_JAR: path.join(ROOT, 'java', 'napi-java-runtime.jar'),
  PACKAGE_JSON: path.join(ROOT, 'package.json'),
};
