'use strict';
// Loads the native core for this platform from prebuilds/<platform>-<arch>/napi_java.node (the
// layout prebuildify/node-gyp-build use; one package for every platform: the libraries are small,
// ~0.2 MB each, and a single package keeps `npm install --ignore-scripts`, offline installs,
// lockfiles made on another OS and Bun/Deno working without optional-dependency resolution).
// When no prebuild fits, the error names the platform, the arch and what the package has.
const fs = require('fs');
const path = require('path');

const PREBUILDS = path.join(__dirname, '..', 'prebuilds');

function libc() {
  if (process.platform !== 'linux') return '';
  const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null;
  return report && report.header && !report.header.glibcVersionRuntime ? ' (musl libc: the prebuilds need glibc >= 2.17)' : '';
}

const addonPath = () => path.join(PREBUILDS, `${process.platform}-${process.arch}`, 'napi_java.node');

function loadAddon() {
  const target = `${process.platform}-${process.arch}`;
  const file = addonPath();
  if (!fs.existsSync(file)) {
    let have = [];
    try {
      have = fs.readdirSync(PREBUILDS).filter((d) => fs.existsSync(path.join(PREBUILDS, d, 'napi_java.node')));
    } catch {
      // no prebuilds folder at all
    }
    const err = new Error(`node-api-java: no native library for ${process.platform} ${process.arch} (looked for ${file}). ` +
      `This package has prebuilds for: ${have.join(', ') || 'none'}. Use Node.js on one of those platforms, ` +
      'or build the addon for yours from the sources (native/Makefile).');
    err.code = 'ERR_NAPI_JAVA_NO_PREBUILD';
    throw err;
  }
  try {
    return require(file);
  } catch (e) {
    const err = new Error(`node-api-java: cannot load ${file} on ${target}${libc()}: ${e.message}`);
    err.code = 'ERR_NAPI_JAVA_ADDON_LOAD';
    err.cause = e;
    throw err;
  }
}

module.exports = { loadAddon, addonPath };
