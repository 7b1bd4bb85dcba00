'use strict';
// Finds a JDK/JRE (libjvm) at run time: configure({ javaHome }), then JAVA_HOME, then `java` on PATH.
const fs = require('fs');
const path = require('path');

const MIN_FEATURE = 17;

function libjvmIn(home) {
  for (const rel of ['lib/server/libjvm.so', 'jre/lib/amd64/server/libjvm.so', 'lib/client/libjvm.so']) {
    const p = path.join(home, rel);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

function featureVersion(home) {
  try {
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const m = /^JAVA_VERSION="([^"]+)"/m.exec(release);
    if (!m) return null;
    const parts = m[1].split(/[.+-]/);
    return Number(parts[0] === '1' ? parts[1] : parts[0]);
  } catch {
    return null;
  }
}

// A `java` that is a version manager's shim (asdf, jenv, sdkman's wrappers: a script that execs the
// real java) has no JDK around it: the java itself says where its home is (one short JVM start,
// only in that case). Symlinks (update-alternatives, sdkman's `current`) are resolved without it.
function askJavaHome(java) {
  const { spawnSync } = require('child_process');
  const r = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8', timeout: 20_000 });
  const m = /^\s*java\.home = (.+)$/m.exec(`${r.stderr || ''}\n${r.stdout || ''}`);
  return m ? m[1].trim() : null;
}

function javaOnPath() {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'java');
    let real;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (!fs.statSync(candidate).isFile()) continue;
      real = fs.realpathSync(candidate);
    } catch {
      continue; // not here
    }
    // .../bin/java -> the JDK home two levels up, after resolving alternatives symlinks
    const home = path.dirname(path.dirname(real));
    if (libjvmIn(home)) return home;
    return askJavaHome(candidate) || home;
  }
  return null;
}

function hasClassLibrary(libjvm) {
  try {
    return fs.statSync(path.join(path.dirname(fs.realpathSync(libjvm)), '..', 'modules')).isFile();
  } catch {
    return false;
  }
}

/** @returns {{ home: string, libjvm: string, version: number|null }} */
function findJdk(explicitHome) {
  const tried = [];
  const candidates = [
    ['configure({ javaHome })', explicitHome],
    ['JAVA_HOME', process.env.JAVA_HOME],
    ['`java` on PATH', javaOnPath()],
  ];
  for (const [source, home] of candidates) {
    if (!home) {
      tried.push(`${source}: not set${source.includes('PATH') ? ' (no java executable found)' : ''}`);
      continue;
    }
    const libjvm = libjvmIn(home);
    if (!libjvm) {
      tried.push(`${source}: ${home} has no lib/server/libjvm.so`);
      continue;
    }
    // The JVM finds its class library next to the real libjvm; without it HotSpot ends the whole
    // process (exit 1) before any option or hook of ours is in effect.
    if (!hasClassLibrary(libjvm)) {
      tried.push(`${source}: ${home} has no lib/modules (the Java class library) next to its libjvm: the JVM cannot start from it`);
      continue;
    }
    const version = featureVersion(home);
    if (version !== null && version < MIN_FEATURE) {
      tried.push(`${source}: ${home} is Java ${version}; Java ${MIN_FEATURE}+ is required`);
      continue;
    }
    return { home, libjvm, version };
  }
  const err = new Error(
    'node-api-java: no usable JDK found. Tried:\n  ' + tried.join('\n  ') +
    `\nInstall a JDK ${MIN_FEATURE}+ and set JAVA_HOME, or call jvm.configure({ javaHome: '/path/to/jdk' }) before first use.`);
  err.code = 'ERR_JAVA_NOT_FOUND';
  throw err;
}

module.exports = { findJdk };
