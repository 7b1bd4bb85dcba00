'use strict';
// The package's own files, in one place for index.js and lib/train-startup-cache.js:
// the start-up cache is keyed on these exact paths.
const path = require('path');

const ROOT = path.join(__dirname, '..');

module.exports = {
  RUNTIME_JAR: path.join(ROOT, 'java', 'napi-java-runtime.jar'),
  PACKAGE_JSON: path.join(ROOT, 'package.json'),
};
