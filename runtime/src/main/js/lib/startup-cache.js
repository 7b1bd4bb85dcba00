'use strict';
// The start-up cache: a dynamic class-data-sharing (AppCDS) archive of the classes a start loads
// beyond the JDK's default CDS archive (our runtime classes and the JDK classes they pull in),
// so that later JVMs map them ready-made instead of reading, parsing and verifying them (about
// 15-20 ms of a ~140 ms cold start). One archive per JDK install and runtime jar, in a private
// cache folder; trained once, in the background, by dev.napijava.bridge.StartupTraining.
//
// Safety: the archive is code that the JVM maps without checking most of it (flipped bytes crash
// JDK 17 while mapping, a truncated file raises SIGBUS), so it is used only when
// - its folder is a real folder (not a symlink) that the user owns and nobody else can write, and
//   so is every folder above it, unless it belongs to root or has the sticky bit (/tmp);
// - the archive, its record (<base>.size: size, class path, SHA-256, written by the trainer) and the
//   check stamp (<base>.verified) are regular files of the user that nobody else can write,
//   opened with O_NOFOLLOW;
// - its content has the SHA-256 that the trainer recorded. Hashing costs ~5 ms per start (3 ms of
//   it loading node's crypto module), a third of what the cache saves, so a start that found the
//   right digest records the file's identity (device, inode, size, ctime in whole seconds) in <base>.verified
//   and later starts compare that instead (~0.05 ms). Any write to the file or replacement of it
//   changes that identity: the kernel sets ctime on every change and only root can set it back
//   (mtime can be set by anyone who can write the file, so it is not used).
// The JVM is handed /proc/self/fd/<fd> of the very file checked, so a name swapped in between
// changes nothing. Anything else: the JVM starts without the archive, and a new one is trained.
const fs = require('fs');
const path = require('path');

const LOCK_STALE_MS = 2 * 60 * 1000;        // a trainer takes about a second: an older lock is a dead one
const FAILED_RETRY_MS = 24 * 3600 * 1000;   // a failed training (e.g. a JDK without a default CDS archive) is retried daily
const PRUNE_MS = 30 * 24 * 3600 * 1000;     // archives unused (atime: the JVM reads them) for this long are removed

// JVM options by which the user already decides what CDS does: then the cache stays out of the way.
const CDS_OPTIONS = ['-Xshare:', '-XX:SharedArchiveFile', '-XX:ArchiveClassesAtExit', '-XX:+AutoCreateSharedArchive',
  '-XX:SharedClassListFile', '-XX:DumpLoadedClassList', '-XX:AOT'];

// The background job (sh: Linux only, like the addon). Arguments: java, temp file, archive base path
// (no extension), lock, the class path (the runtime jar, then the jars of exported modules: see
// prepare), then the glue index of each exported module, which the trainer loads and projects. The
// JVM writes the archive at exit, after shutdown hooks, so the trainer cannot publish it itself;
// this wrapper does, with a rename, once a second JVM has mapped it with -Xshare:on (which refuses a
// bad archive). <base>.size records its size, the class path it is for and its SHA-256 (every start
// checks the archive against it). umask 077: the files must be the user's alone to be used at all.
// No perf data file or attach socket, as in the user's process (they do not change what the archive
// holds). The user's process never waits for any of it. A failed training leaves the lock saying
// so, which holds off retries for a day.
const JVM_FLAGS = '-XX:-UsePerfData -XX:+DisableAttachMechanism';
const TRAIN_SCRIPT = `
PATH="$PATH:/usr/bin:/bin"
umask 077
java=$1 tmp=$2 base=$3 lock=$4 jar=$5
shift 5
if "$java" ${JVM_FLAGS} -XX:ArchiveClassesAtExit="$tmp" -Xshare:auto -cp "$jar" dev.napijava.bridge.StartupTraining "$@" &&
   sum=$(sha256sum < "$tmp") &&
   "$java" ${JVM_FLAGS} -Xshare:on -XX:SharedArchiveFile="$tmp" -XX:ErrorFile="$tmp.err" -cp "$jar" -version &&
   { wc -c < "$tmp" && printf '%s\\n%s\\n' "$jar" "\${sum%% *}"; } > "$tmp.size" &&
   mv -f "$tmp" "$base.jsa" && mv -f "$tmp.size" "$base.size"; then
  rm -f "$lock"
else
  echo failed > "$lock"
fi
rm -f "$tmp" "$tmp.size" "$tmp.err"
`;

// This runs on every start, before the JVM: a few stats and three small reads, plain string tests
// (no regular expressions: compiling one costs ~0.1 ms in a fresh process); about 1 ms in all here,
// plus ~5 ms for the SHA-256 when an archive is checked for the first time.

/**
 * The cache folder, or null (no cache): `setting` is configure({ startupCache }) (undefined, a
 * boolean or a folder); env NAPI_JAVA_STARTUP_CACHE=0 (or false/off/no) turns the cache off, a
 * value other than 1/true/on/yes names the folder; the default is $XDG_CACHE_HOME/node-api-java,
 * else ~/.cache/node-api-java (no HOME: no cache).
 */
function cacheFolder(setting) {
  const env = process.env.NAPI_JAVA_STARTUP_CACHE || '';
  const word = env.toLowerCase();
  if (setting === false || ['0', 'false', 'off', 'no'].includes(word)) return null;
  let dir = typeof setting === 'string' ? setting : ['', '1', 'true', 'on', 'yes'].includes(word) ? null : env;
  if (!dir) {
    const xdg = process.env.XDG_CACHE_HOME;
    const home = process.env.HOME;
    const base = xdg && path.isAbsolute(xdg) ? xdg : home ? path.join(home, '.cache') : null;
    if (!base) return null;
    dir = path.join(base, 'node-api-java');
  }
  dir = path.resolve(dir);
  if (!fs.lstatSync(dir, { throwIfNoEntry: false })) return dir; // made (and checked) when the first archive is trained
  return isPrivateFolder(dir) ? dir : null;
}

/**
 * A folder (not a symlink) that we own and nobody else can write, below folders that nobody but
 * us or root can change (others may write a folder with the sticky bit, /tmp, without being able
 * to rename what is ours in it). A symlink above it is resolved and its target checked instead.
 */
function isPrivateFolder(dir) {
  try {
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || st.uid !== process.getuid() || (st.mode & 0o022) !== 0) return false;
    for (let p = fs.realpathSync.native(path.dirname(dir)); ; p = path.dirname(p)) {
      const up = fs.statSync(p);
      if ((up.uid !== process.getuid() && up.uid !== 0) || ((up.mode & 0o022) !== 0 && (up.mode & 0o1000) === 0)) return false;
      if (p === path.dirname(p)) return true;
    }
  } catch {
    return false;
  }
}

/** Creates the folder with mode 0700 if it is missing; true when it is private. */
function makeFolder(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  return isPrivateFolder(dir);
}

/**
 * Opens a file of the cache folder without following a symlink: { fd, st } (bigint stats) when it
 * is a regular file of ours that nobody else can write, else null (missing, a symlink, a FIFO...).
 */
function openPrivate(file) {
  let fd = -1;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const st = fs.fstatSync(fd, { bigint: true });
    if (st.isFile() && st.uid === BigInt(process.getuid()) && (st.mode & 0o022n) === 0n) return { fd, st };
  } catch {
    // missing, a symlink (ELOOP) or unreadable
  }
  if (fd >= 0) fs.closeSync(fd);
  return null;
}

/** The file's bytes, read through the descriptor (readFileSync(fd) costs ~0.3 ms more on a fresh start). */
function readAll(fd, size) {
  const bytes = Buffer.allocUnsafe(Number(size));
  let done = 0;
  for (let n; done < bytes.length && (n = fs.readSync(fd, bytes, done, bytes.length - done, done)) > 0;) done += n;
  return done === bytes.length ? bytes : null;
}

/** A small private file's text (see openPrivate), or null. */
function readPrivate(file) {
  const f = openPrivate(file);
  if (!f) return null;
  try {
    const bytes = f.st.size <= 4096n ? readAll(f.fd, f.st.size) : null;
    return bytes && bytes.latin1Slice();
  } catch {
    return null;
  } finally {
    fs.closeSync(f.fd);
  }
}

// FNV-1a, 32 bits; two of them (different offsets) make a 64-bit name hash.
function fnv(text, h) {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
const hash64 = (text) => fnv(text, 0x811c9dc5) + fnv(text, 0x050c5d1f);

// A file's identity for the cache key. ctime changes whenever the file is written or replaced and,
// unlike mtime, cannot be set back: npm gives every installed file the same mtime (1985), and the
// JVM itself checks only a jar's size and mtime, so two builds of one version would otherwise look
// alike and the JVM would map the old build's classes. Times in whole seconds: Deno's fs.stat
// gives no sub-second ctime (Node and Bun do), and a key that differed between runtimes would make
// Node and Deno runs on one machine each train "their" archive and prune the other's (same slot).
function stamp(st) {
  return `${st.dev}:${st.ino}:${st.size}:${Math.trunc(st.mtimeMs / 1000)}:${Math.trunc(st.ctimeMs / 1000)}`;
}

/**
 * Decides what this start does with the cache. Returns { options, status, archive, afterStart }:
 * `options` go before the user's JVM options (so theirs win), `afterStart()` is called once the
 * JVM runs (it starts the trainer when there is no archive yet).
 * status: 'off' | 'archive' (handed to the JVM) | 'training' (this process starts the trainer) |
 * 'missing' (another process trains it, training failed recently, or a JVM already runs here).
 */
function prepare({ setting, jdk, runtimeJar, packageJson, userOptions, modules = { jars: [], glues: [] } }) {
  const off = { options: [], status: 'off', archive: null, release() {}, afterStart() {} };
  const toolOptions = [process.env.JAVA_TOOL_OPTIONS, process.env._JAVA_OPTIONS].filter(Boolean).join(' ').split(' ');
  if ([...userOptions, ...toolOptions].some((o) => CDS_OPTIONS.some((p) => o.startsWith(p)))) return off;
  const place = archivePlace(setting, jdk, runtimeJar, packageJson, modules.jars);
  if (!place) return off;
  const { dir, base } = place;
  const archive = `${base}.jsa`;
  const fd = openArchive(base);
  if (fd >= 0) {
    // -Xlog: a stale or mismatched archive is reported on stdout by JDK 24+ ([cds] and [aot] tags),
    // and an unknown tag would stop the JVM, so `aot` only where it exists.
    const quiet = jdk.version >= 24 ? '-Xlog:cds*=off,aot*=off' : '-Xlog:cds*=off';
    // The JVM opens the file checked here through its descriptor (the path only without /proc).
    const file = fs.existsSync(`/proc/self/fd/${fd}`) ? `/proc/self/fd/${fd}` : archive;
    return {
      options: [`-XX:SharedArchiveFile=${file}`, '-Xshare:auto', quiet], status: 'archive', archive,
      release: () => fs.closeSync(fd), // once the JVM has mapped it (or failed to start)
      afterStart() {},
    };
  }
  const java = path.join(jdk.home, 'bin', 'java');
  const started = { options: [], status: 'missing', archive, release() {}, afterStart() {} };
  // A JVM already in the process (Java hosts Node, or the main thread started it before this
  // worker) is joined, not started: no start here would use an archive, so none is trained.
  if (jvmLoaded()) return started;
  started.afterStart = () => {
    if (!fs.existsSync(java) || !makeFolder(dir) || !takeLock(`${base}.lock`)) return;
    started.status = 'training';
    discard(base); // a refused archive (no trainer runs now: we hold the lock)
    // Not now: loading child_process and forking a process that holds a JVM take ~20 ms, and the
    // trainer's JVM would compete with the user's first calls. After the current tick instead, or
    // at exit if the script ends with process.exit() first.
    const train = () => {
      clearImmediate(soon);
      process.removeListener('exit', train);
      startTrainer(java, base, [runtimeJar, ...modules.jars], dir, 0, modules.glues);
    };
    const soon = setImmediate(train);
    process.once('exit', train);
  };
  return started;
}

/**
 * Where this JDK's archive for this runtime jar lives: { dir, base } (base: path without extension),
 * or null when there is no cache. The key: the JDK install (libjvm), the runtime jar and the
 * package version, and the jars of the exported modules that start on the class path (moduleJars:
 * their classes are in the archive too, and the JVM maps an archive only under the class path it
 * was trained with). Without modules the key is the runtime's alone.
 */
function archivePlace(setting, jdk, runtimeJar, packageJson, moduleJars = []) {
  const dir = cacheFolder(setting);
  if (!dir) return null;
  try {
    const jvmStat = fs.statSync(jdk.libjvm);
    const jarStat = fs.statSync(runtimeJar);
    const { version } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
    const modulePart = moduleJars.map((jar) => `:${jar}`).join('');
    const moduleStamps = moduleJars.map((jar) => `:${stamp(fs.statSync(jar))}`).join('');
    const slot = hash64(`${jvmStat.dev}:${jvmStat.ino}:${runtimeJar}${modulePart}`);
    const content = hash64(`${stamp(jvmStat)}:${stamp(jarStat)}:${version}${moduleStamps}`);
    return { dir, base: path.join(dir, `startup-${jdk.version || 'x'}-${slot}-${content}`) };
  } catch {
    return null; // no runtime jar (Java hosts Node: the JVM runs already) or an unreadable file
  }
}

/**
 * lib/train-startup-cache.js (run by hand or an image build): trains the archive now and waits for it (a second or two),
 * so that the first run after install starts from it. True when an archive is ready.
 */
function trainNow({ jdk, runtimeJar, packageJson, timeoutMs = 120_000 }) {
  const place = archivePlace(undefined, jdk, runtimeJar, packageJson);
  if (!place) return false;
  const ready = () => {
    const fd = openArchive(place.base);
    if (fd >= 0) fs.closeSync(fd);
    return fd >= 0;
  };
  if (ready()) return true;
  const java = path.join(jdk.home, 'bin', 'java');
  if (!fs.existsSync(java) || !makeFolder(place.dir) || !takeLock(`${place.base}.lock`)) return false;
  discard(place.base);
  startTrainer(java, place.base, [runtimeJar], place.dir, timeoutMs);
  return ready();
}

/**
 * The published archive, opened and checked (see "Safety" above): its descriptor, or -1 when
 * there is none or it is refused (then the JVM starts without it).
 */
function openArchive(base) {
  const record = readPrivate(`${base}.size`); // "<size>\n<class path>\n<sha256>\n"
  const [size, , digest] = record ? record.split('\n') : [];
  if (!digest || digest.length !== 64) return -1; // none, or a record without a digest (older versions)
  const f = openPrivate(`${base}.jsa`);
  if (!f) return -1;
  const { dev, ino } = f.st;
  const ctimeS = f.st.ctimeNs / 1_000_000_000n; // whole seconds: all that Deno's fstat gives (see stamp())
  const stamp = `${digest} ${dev}:${ino}:${f.st.size}:${ctimeS}`; // see "Safety" above
  if (String(f.st.size) === size && (readPrivate(`${base}.verified`) === stamp || hashMatches(f, digest, base, stamp))) {
    return f.fd;
  }
  fs.closeSync(f.fd);
  return -1;
}

/** Reads the archive through its descriptor and compares its SHA-256 with the recorded one. */
function hashMatches({ fd, st }, digest, base, stamp) {
  const startedMs = Date.now();
  let bytes;
  try {
    bytes = readAll(fd, st.size);
  } catch {
    // unreadable
  }
  if (!bytes) return false;
  const { createHash } = require('crypto'); // ~3 ms to load: only here, not on the common path
  if (createHash('sha256').update(bytes).digest('hex') !== digest) return false;
  // The stamp keeps ctime in whole seconds, so a write in the same second as the file's last
  // change would leave it as it is (and the kernel's file times lag the clock by a tick): only a
  // file whose ctime second ended more than a second before this read gets its stamp (every later
  // write then has a later ctime second); a fresher one is hashed again by the next start.
  if (startedMs - Number(st.ctimeNs / 1_000_000_000n) * 1000 > 2000) {
    const tmp = `${base}.tmp-${process.pid}-verified`;
    const unlink = () => { try { fs.unlinkSync(tmp); } catch { /* not there */ } };
    try {
      unlink();
      fs.writeFileSync(tmp, stamp, { flag: 'wx', mode: 0o600 });
      fs.renameSync(tmp, `${base}.verified`);
    } catch {
      unlink(); // e.g. a read-only folder: the next start hashes again
    }
  }
  return true;
}

/** Removes an archive and its files (unlink never follows a symlink). */
function discard(base) {
  for (const ext of ['jsa', 'size', 'verified']) {
    try { fs.unlinkSync(`${base}.${ext}`); } catch { /* not there */ }
  }
}

/** O_EXCL lock file; a lock older than LOCK_STALE_MS (or a day, for a failed training) is taken over. */
function takeLock(lock) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx', 0o600));
      return true;
    } catch (e) {
      if (e.code !== 'EEXIST') return false;
      try {
        const failed = fs.readFileSync(lock, 'utf8').startsWith('failed');
        if (Date.now() - fs.statSync(lock).mtimeMs < (failed ? FAILED_RETRY_MS : LOCK_STALE_MS)) return false;
        fs.unlinkSync(lock);
      } catch {
        // removed meanwhile: try again
      }
    }
  }
  return false;
}

/**
 * Starts the training job in the background, or with waitMs runs it to the end (at most that long).
 * classPath: the runtime jar, then the jars of exported modules; glues: those modules' glue indexes.
 */
function startTrainer(java, base, classPath, dir, waitMs, glues = []) {
  prune(dir, path.basename(base));
  const env = { ...process.env };
  delete env.JDK_JAVA_OPTIONS; // read by the java launcher only: the JVM Node starts never sees them
  const args = ['-c', TRAIN_SCRIPT, 'node-api-java-startup-training',
    java, `${base}.tmp-${process.pid}`, base, `${base}.lock`, classPath.join(path.delimiter), ...glues];
  try {
    const { spawn, spawnSync } = require('child_process');
    if (waitMs) {
      spawnSync('/bin/sh', args, { cwd: dir, env, stdio: 'ignore', timeout: waitMs });
      return;
    }
    const child = spawn('/bin/sh', args, { cwd: dir, env, detached: true, stdio: 'ignore' });
    child.on('error', () => {}); // no /bin/sh: no cache (the lock expires), nothing else changes
    child.unref();
  } catch {
    // same: no cache this time
  }
}

/**
 * Runs when a new archive is trained (the first start after an install, an update of the package
 * or of the JDK): removes the archives of the same JDK install and package location (which this
 * change made stale), those of which a jar is gone (a removed installation), those unused for PRUNE_MS,
 * and leftovers of trainers that died.
 */
function prune(dir, name) {
  const slot = name.slice(0, name.lastIndexOf('-') + 1); // startup-<jdk>-<slot>-
  let entries;
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  const stale = new Set();
  for (const entry of entries) {
    const other = entry.endsWith('.size') && entry.slice(0, -'.size'.length);
    if (!other || !other.startsWith('startup-') || other === name) continue;
    try {
      const classPath = fs.readFileSync(path.join(dir, entry), 'utf8').split('\n')[1];
      if (other.startsWith(slot) || !classPath.split(path.delimiter).every((jar) => fs.existsSync(jar))) stale.add(other);
    } catch {
      // removed meanwhile
    }
  }
  const now = Date.now();
  for (const entry of entries) {
    const dot = entry.indexOf('.');
    const owner = entry.slice(0, dot);
    const kind = entry.slice(dot + 1);
    if (!entry.startsWith('startup-') || dot < 0 || owner === name) continue;
    const maxAge = kind.startsWith('tmp-') ? LOCK_STALE_MS : kind === 'lock' ? FAILED_RETRY_MS : PRUNE_MS;
    try {
      const file = path.join(dir, entry);
      const st = fs.statSync(file);
      if ((stale.has(owner) && ['jsa', 'size', 'verified'].includes(kind)) || now - Math.max(st.atimeMs, st.mtimeMs) > maxAge) {
        fs.unlinkSync(file);
      }
    } catch {
      // removed meanwhile
    }
  }
}

// The files mapped into this process (about a millisecond to read: never on the common path).
function processMaps() {
  try {
    return fs.readFileSync('/proc/self/maps', 'latin1');
  } catch {
    return '';
  }
}

/** Is libjvm loaded in this process? Asked only when there is no archive yet. */
function jvmLoaded() {
  return processMaps().includes('/libjvm.so');
}

/**
 * Did the JVM map the archive? Asked by jvm.stats(). A mismatched archive (JVM options that change
 * the heap layout, a corrupt file) is dropped by the JVM, which then starts as without the cache.
 */
function archiveMapped(archive) {
  let real;
  try {
    real = fs.realpathSync.native(archive);
  } catch {
    return false;
  }
  return processMaps().split('\n').some((line) => line.endsWith(real) || line.endsWith(`${real} (deleted)`));
}

module.exports = { prepare, trainNow, archiveMapped, jvmLoaded };
