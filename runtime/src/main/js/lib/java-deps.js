'use strict';
// The Java dependencies of the app's project: package.json's "java" section, resolved by
// `npx napi-java add/install` into napi-java-lock.json and node_modules/.napi-java (cli/…/deps).
// Here only read: the locked jars go on the class path at JVM start, after checks that the lock
// still matches what package.json (and the npm packages in the lock) declare, so a stale or
// missing install is a clear error naming the fix instead of a ClassNotFoundException later.
const fs = require('fs');
const path = require('path');

const LOCKFILE = 'napi-java-lock.json';
const JARS = path.join('node_modules', '.napi-java');

function readJson(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw new Error(`node-api-java: cannot read ${file}: ${err.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`node-api-java: ${file} is not valid JSON (${err.message}); fix it or run \`npx napi-java install\``);
  }
}

// Where the app's package.json is looked for: beside the main script, else the current folder.
function appDir() {
  const main = require.main && require.main.filename;
  if (main) return path.dirname(main);
  const script = process.argv[1];
  try {
    if (script && fs.statSync(script).isFile()) return path.dirname(path.resolve(script));
  } catch { /* not a file: the REPL, -e */ }
  return process.cwd();
}

function nearestPackageJson(start) {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const declares = (pkg) => Boolean(pkg && isObject(pkg.java) && isObject(pkg.java.dependencies)
  && Object.keys(pkg.java.dependencies).length > 0);

// As the CLI records a request in the lockfile (JavaProject.request): both members, always.
function normalized(java) {
  return {
    dependencies: isObject(java) && isObject(java.dependencies) ? java.dependencies : {},
    exclusions: isObject(java) && isObject(java.exclusions) ? java.exclusions : {},
  };
}

// Order-independent equality of JSON values (the CLI compares them as maps).
function sameJson(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
  }
  return a === b;
}

// The jars of the project at or above `start` (folder), in the lockfile's class-path order.
function projectClasspath(start = appDir()) {
  const packageJson = nearestPackageJson(start);
  if (!packageJson) return [];
  const dir = path.dirname(packageJson);
  const pkg = readJson(packageJson);
  const lockFile = path.join(dir, LOCKFILE);
  const lock = readJson(lockFile);
  const fix = `run \`npx napi-java install\` in ${dir} (or configure({ javaDependencies: false }) to start without them)`;
  // npm packages among the direct dependencies that declare Java dependencies of their own
  const packages = Object.keys({ ...(pkg && pkg.dependencies), ...(pkg && pkg.optionalDependencies) })
    .map((name) => path.join('node_modules', name))
    .filter((owner) => declares(readJson(path.join(dir, owner, 'package.json'))));
  if (!lock) {
    if (declares(pkg)) throw new Error(`node-api-java: ${packageJson} declares Java dependencies but has no ${LOCKFILE}: ${fix}`);
    if (packages.length) throw new Error(`node-api-java: ${packages.join(', ')} declare Java dependencies that are not installed: ${fix}`);
    return [];
  }
  const request = isObject(lock.request) ? lock.request : {};
  if (!sameJson(request['.'], normalized(pkg && pkg.java))) {
    throw new Error(`node-api-java: the "java" section of ${packageJson} changed since ${LOCKFILE} was written: ${fix}`);
  }
  for (const owner of Object.keys(request).filter((o) => o !== '.')) {
    const other = readJson(path.join(dir, owner, 'package.json'));
    if (!other || !sameJson(request[owner], normalized(other.java))) {
      throw new Error(`node-api-java: ${owner} ${other ? 'changed its Java dependencies' : 'is gone'} since ${LOCKFILE} was written: ${fix}`);
    }
  }
  const unlocked = packages.filter((owner) => !(owner in request));
  if (unlocked.length) throw new Error(`node-api-java: ${unlocked.join(', ')} declare Java dependencies that ${LOCKFILE} does not have: ${fix}`);
  const jars = [];
  const folder = path.join(dir, JARS);
  for (const [id, artifact] of Object.entries(isObject(lock.artifacts) ? lock.artifacts : {})) {
    const file = isObject(artifact) && typeof artifact.file === 'string' ? path.join(folder, artifact.file) : undefined;
    if (!file || !file.startsWith(folder + path.sep) || !Number.isSafeInteger(artifact.size)) {
      throw new Error(`node-api-java: ${lockFile}: artifact ${id} has no file inside node_modules/.napi-java or no size `
        + `(edited by hand?): delete it and run \`npx napi-java install\` in ${dir} to resolve again`);
    }
    let size;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw new Error(`node-api-java: ${id} is locked but not installed (${file} is missing; a fresh clone or \`npm ci\` `
        + `empties node_modules): ${fix}`);
    }
    if (size !== artifact.size) {
      throw new Error(`node-api-java: ${file} is ${size} bytes but ${LOCKFILE} locked ${artifact.size} (changed after install): ${fix}`);
    }
    jars.push(file);
  }
  return jars;
}

module.exports = { projectClasspath, LOCKFILE };
