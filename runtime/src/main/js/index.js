'use strict';
// node-api-java: the JS half of the JS -> Java path. Loads the native core, starts the JVM on
// first use and projects Java packages as lazy namespaces (jvm.java.util.ArrayList).
const fs = require('fs');
const path = require('path');
const util = require('util');
const { findJdk } = require('./lib/jdk');
const { makeJavaErrorFactory } = require('./lib/errors');
const { makeStreamHook } = require('./lib/streams');
const { makeDecorator } = require('./lib/collections');

const TRAITS = Symbol('node-api-java traits'); // on each projected prototype: the class's Java kinds
const startupCache = require('./lib/startup-cache');

const native = require('./lib/addon').loadAddon(); // prebuilds/<platform>-<arch>/napi_java.node
const { RUNTIME_JAR, PACKAGE_JSON } = require('./lib/package-files');
const { projectClasspath } = require('./lib/java-deps');

const config = {
  javaHome: undefined, classpath: [], jvmOptions: [], asyncThreads: undefined, startupCache: undefined,
  shutdownTimeout: 5000, javaDependencies: true,
};
let running = null; // { home, version, cache } once started
// Exported modules (@JSExport) required before the start: their jars start on the class path, ahead
// of configure's, and the start-up cache archives their classes and glue with the runtime's
const startupModules = { jars: [], glues: [] };

function splitOptions(text) {
  return (text || '').split(/\s+/).filter(Boolean);
}

function toList(value, what) {
  if (value == null) return [];
  if (typeof value === 'string') return value.split(path.delimiter).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new TypeError(`node-api-java: configure({ ${what} }) takes a string or an array of strings`);
}

function configure(options = {}) {
  if (running) {
    throw new Error('node-api-java: configure() must be called before the JVM starts (before first use of a Java class)');
  }
  const known = new Set(['javaHome', 'classpath', 'jvmOptions', 'asyncThreads', 'startupCache', 'shutdownTimeout',
    'javaDependencies']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new TypeError(`node-api-java: unknown configure() option '${key}' (known: ${[...known].join(', ')})`);
  }
  if (options.javaHome !== undefined) config.javaHome = options.javaHome;
  if (options.classpath !== undefined) config.classpath = toList(options.classpath, 'classpath').map((p) => path.resolve(p));
  if (options.jvmOptions !== undefined) {
    // one string: options separated by whitespace, as on a java command line (a path in an option has ':')
    config.jvmOptions = typeof options.jvmOptions === 'string' ? splitOptions(options.jvmOptions)
      : toList(options.jvmOptions, 'jvmOptions');
  }
  if (options.asyncThreads !== undefined) {
    if (!Number.isInteger(options.asyncThreads) || options.asyncThreads < 1) {
      throw new TypeError('node-api-java: configure({ asyncThreads }) takes a positive integer (threads for methodAsync calls)');
    }
    config.asyncThreads = options.asyncThreads;
  }
  if (options.shutdownTimeout !== undefined) {
    if (!Number.isInteger(options.shutdownTimeout) || options.shutdownTimeout < 0) {
      throw new TypeError('node-api-java: configure({ shutdownTimeout }) takes the milliseconds the JVM\'s shutdown hooks may take at exit (0: do not run them)');
    }
    config.shutdownTimeout = options.shutdownTimeout;
  }
  if (options.startupCache !== undefined) {
    if (typeof options.startupCache !== 'boolean' && typeof options.startupCache !== 'string') {
      throw new TypeError('node-api-java: configure({ startupCache }) takes true, false or the folder for the start-up cache');
    }
    config.startupCache = options.startupCache;
  }
  if (options.javaDependencies !== undefined) {
    if (typeof options.javaDependencies !== 'boolean' && typeof options.javaDependencies !== 'string') {
      throw new TypeError('node-api-java: configure({ javaDependencies }) takes true (the default: the locked Java dependencies '
        + 'of the nearest package.json), false (none) or the folder of the project whose dependencies to load');
    }
    config.javaDependencies = typeof options.javaDependencies === 'string' ? path.resolve(options.javaDependencies)
      : options.javaDependencies;
  }
  return root; // chainable: jvm.configure({...}).java.util
}

// A class's name as Java source writes it: a.b.Outer.Inner, int[], java.lang.String[][].
const PRIMITIVE_DESCRIPTORS = { Z: 'boolean', B: 'byte', C: 'char', S: 'short', I: 'int', J: 'long', F: 'float', D: 'double' };
function javaTypeName(binaryName) {
  const dims = binaryName.length - binaryName.replace(/^\[+/, '').length;
  if (dims === 0) return binaryName.replace(/\$/g, '.');
  const element = binaryName.slice(dims);
  const base = element.startsWith('L') ? element.slice(1, -1).replace(/\$/g, '.') : PRIMITIVE_DESCRIPTORS[element];
  return base + '[]'.repeat(dims);
}

let bridgeClass = null;
let buffers = null;
const buffersClass = () => buffers || (buffers = native.importClass('dev.napijava.bridge.Buffers'));
const collections = makeDecorator((name) => native.importClass(name));
// jvm.toJS: Java collections, maps and records as plain JS data (arrays, objects or Maps, deeply).
const toPlainJS = (value) => collections.toJS(value, native.isJavaObject, (v) => v[TRAITS] || '');
function withToJS(streamHook) {
  return (value, kind) => (kind === 'toJS' ? toPlainJS(value) : streamHook(value, kind));
}

const hooks = {
  // Runs once per projected class: instanceof works for superclasses and interfaces too, inspect
  // and JSON show the object, Cls.class is its java.lang.Class, collections behave as in JS.
  onClass(ctor, classIndex, javaName, traits) {
    const shown = javaTypeName(javaName); // not ctor.name: a static Java member may be called name
    Object.defineProperty(ctor, Symbol.hasInstance, {
      value: (value) => native.instanceOf(value, classIndex),
      configurable: true,
    });
    Object.defineProperty(ctor, 'class', { get: () => native.classObject(ctor), configurable: true });
    Object.defineProperty(ctor, util.inspect.custom, { value: () => `[Java class ${shown}]`, configurable: true });
    Object.defineProperty(ctor.prototype, util.inspect.custom, {
      value() {
        let text;
        try {
          if (traits.includes('array')) return `[Java ${collections.describeArray(this)}]`;
          text = String(this.toString());
        } catch (e) {
          text = `toString() threw ${e && e.name}`;
        }
        return `[${shown}: ${text}]`;
      },
      configurable: true,
    });
    Object.defineProperty(ctor.prototype, TRAITS, { value: traits, configurable: true });
    collections.decorate(ctor, traits);
  },
  javaError: makeJavaErrorFactory(() => bridgeClass || (bridgeClass = native.importClass('dev.napijava.bridge.Bridge'))),
  // conversions of the native core that live in JS: streams (lib/streams.js), and for Java's
  // JSValue.copyOf the data form of jvm.toJS
  stream: withToJS(makeStreamHook((name) => native.importClass(name))),
};

// Node's main thread is the process's primordial thread, whose stack HotSpot sizes from -Xss
// (1 MB by default) instead of the real 8 MB: JS -> Java -> JS recursion then reaches HotSpot's
// guard pages before V8's own limit. Unless the user decides -Xss, the JVM gets V8's stack plus
// room for Java frames (Java threads then also default to that size: virtual memory, not RSS).
function stackOption(userOptions) {
  const tool = [process.env.JAVA_TOOL_OPTIONS, process.env._JAVA_OPTIONS].filter(Boolean).join(' ').split(/\s+/);
  if ([...userOptions, ...tool].some((o) => o.startsWith('-Xss') || o.startsWith('-XX:ThreadStackSize='))) return [];
  const flag = process.execArgv.find((a) => a.startsWith('--stack-size='));
  const v8Kb = flag ? Number(flag.slice('--stack-size='.length)) || 984 : 984;
  return [`-Xss${Math.max(2048, Math.ceil(v8Kb) + 1024)}k`];
}

// No perf data file (/tmp/hsperfdata_<user>/<pid>) and no attach socket (/tmp/.java_pid<pid>,
// which -Xrs makes the JVM open at start): by default local tools (jps, jcmd, jconsole) neither
// list this process nor attach to it. Placed before the user's options, so theirs win (HotSpot
// takes the last occurrence); left out when JAVA_TOOL_OPTIONS names the flag, since the JVM reads
// that before these.
function privacyOptions() {
  const tool = process.env.JAVA_TOOL_OPTIONS || '';
  return ['-XX:-UsePerfData', '-XX:+DisableAttachMechanism'].filter((o) => !tool.includes(o.slice(5)));
}

function ensureStarted() {
  if (running) return;
  const jdk = findJdk(config.javaHome);
  // package.json's Java dependencies (`npx napi-java add`), after the jars the app names itself
  const declared = config.javaDependencies === false ? []
    : projectClasspath(config.javaDependencies === true ? undefined : config.javaDependencies);
  const classpath = [RUNTIME_JAR, ...startupModules.jars, ...config.classpath, ...declared].join(path.delimiter);
  const userOptions = [...splitOptions(process.env.NAPI_JAVA_JVM_OPTIONS), ...config.jvmOptions];
  const cache = startupCache.prepare({
    setting: config.startupCache, jdk, runtimeJar: RUNTIME_JAR, packageJson: PACKAGE_JSON, userOptions,
    modules: startupModules,
  });
  const options = [
    `-Djava.class.path=${classpath}`,
    // Node owns SIGINT/SIGTERM/SIGHUP; the JVM must not turn Ctrl-C into its own shutdown.
    '-Xrs',
    ...stackOption(userOptions),
    ...(config.asyncThreads ? [`-Dnapi.java.asyncThreads=${config.asyncThreads}`] : []),
    ...privacyOptions(), // these two and the cache's before the user's options: theirs win
    ...cache.options,
    ...userOptions,
  ];
  try {
    native.start(jdk.libjvm, options, hooks);
  } finally {
    cache.release();
  }
  running = { home: jdk.home, version: jdk.version, cache };
  // The environment's end: Java stops reaching it; on the main thread the JVM's shutdown hooks
  // run (bounded by shutdownTimeout), as they would when a Java program ends.
  process.on('exit', () => native.exiting(config.shutdownTimeout));
  cache.afterStart(); // no archive yet: trains one in the background
}

/**
 * An exported module's jars on the class path the JVM starts with (see startupModules): true when
 * they will be, false when they must be loaded at run time instead (jvm.load) because the JVM runs
 * already, here or in this process (Java hosts Node, another worker started it), or because one is
 * not a plain jar file (the start-up cache cannot archive a class folder; jvm.load reports a missing
 * file).
 */
function addStartupModule(jars, glue) {
  if (running || !jars.every(isJarFile) || startupCache.jvmLoaded()) return false;
  for (const jar of jars) if (!startupModules.jars.includes(jar)) startupModules.jars.push(jar);
  if (!startupModules.glues.includes(glue)) startupModules.glues.push(glue);
  return true;
}

function isJarFile(file) {
  try {
    return file.endsWith('.jar') && fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// For stats(): 'used' or 'rejected' when an archive was handed to the JVM, else the cache's status.
let cacheStatus;
function startupCacheStats() {
  const { status, archive } = running.cache;
  if (status === 'archive') cacheStatus = cacheStatus || (startupCache.archiveMapped(archive) ? 'used' : 'rejected');
  return { status: status === 'archive' ? cacheStatus : status, archive };
}

// ---- namespaces ----
// Names that JS itself, module loaders and tools probe on any object (await's `then`, the CommonJS-
// ESM interop's `__esModule` and `default`, inspect, JSON, test frameworks): never Java packages,
// never a reason to start the JVM. (A Java package or class with such a name: jvm.import('x.then').)
const RESERVED = new Set(['then', 'catch', 'finally', 'constructor', 'toJSON', 'valueOf', 'toString', 'inspect',
  '__esModule', 'default', 'module.exports', 'prototype', '__proto__', 'nodeType', 'asymmetricMatch', '$$typeof',
  '_isMockFunction', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', 'length', 'name']);

function namespace(prefix, extras) {
  const cache = new Map();
  const target = extras || Object.create(null);
  return new Proxy(target, {
    get(obj, name) {
      if (typeof name === 'symbol' || Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
      if (RESERVED.has(name)) return obj[name]; // at the root: Object.prototype's, else undefined
      const hit = cache.get(name);
      if (hit) return hit;
      ensureStarted();
      const full = prefix ? `${prefix}.${name}` : name;
      const found = native.resolveName(full);
      if (found === undefined) return undefined; // not cached: jvm.load() may add it later
      const value = found === true ? namespace(full) : found;
      cache.set(name, value);
      return value;
    },
    has(obj, name) {
      return typeof name === 'string' ? this.get(obj, name) !== undefined : name in obj;
    },
    set() {
      throw new TypeError('node-api-java: Java namespaces are read-only');
    },
  });
}

const api = {
  configure,
  load(jarPath) {
    if (typeof jarPath !== 'string') throw new TypeError('node-api-java: load(path) takes the path of a jar or class folder');
    ensureStarted();
    native.load(path.resolve(jarPath));
    return root;
  },
  import(className) {
    if (typeof className !== 'string') throw new TypeError('node-api-java: import(name) takes a class name such as "java.util.HashMap"');
    ensureStarted();
    return native.importClass(className);
  },
  isJavaObject(value) {
    return native.isJavaObject(value);
  },
  // Explicit Java boxes (a Java object in JS) for overloads and collections that must see that box:
  // map.get(jvm.long(5)) finds a Long key. Names are Java keywords: no package can take them.
  boolean: (v) => native.box('boolean', v),
  byte: (v) => native.box('byte', v),
  char: (v) => native.box('char', v),
  short: (v) => native.box('short', v),
  int: (v) => native.box('int', v),
  long: (v) => native.box('long', v),
  float: (v) => native.box('float', v),
  double: (v) => native.box('double', v),
  // A Java array (a Java object in JS) of an element type: 'int', 'java.lang.String' or a class.
  newArray(type, values) {
    return native.newArray(type, values);
  },
  // Runs fn with every Java long result as a bigint (outside it: a number, a bigint only beyond 2^53).
  bigint(fn) {
    if (typeof fn !== 'function') throw new TypeError('node-api-java: bigint(fn) takes a function to run');
    ensureStarted();
    native.bigintLongs(1);
    try {
      return fn();
    } finally {
      native.bigintLongs(-1);
    }
  },
  // Java collections, maps and records as plain JS data (arrays, objects or Maps, deeply).
  toJS(value) {
    return toPlainJS(value);
  },
  // Node stream views of Java streams (methods declared to return InputStream/OutputStream
  // already give these; use these for subclasses such as FileInputStream).
  toReadable(javaInputStream) {
    return hooks.stream(javaInputStream, 'toReadable');
  },
  toWritable(javaOutputStream) {
    return hooks.stream(javaOutputStream, 'toWritable');
  },
  // Shared memory (README "Shared memory"): a Buffer over new zeroed Java memory (a direct
  // ByteBuffer). Passed where Java expects a ByteBuffer (or any view of it where Java expects a
  // typed buffer), Java uses these very bytes; other JS memory reaches Java as a read-only copy.
  allocateBuffer(size) {
    if (!Number.isSafeInteger(size) || size < 0 || size > 0x7fffffff) {
      throw new RangeError('node-api-java: allocateBuffer(size) takes a byte count from 0 to 2^31-1');
    }
    ensureStarted();
    return buffersClass().allocate(size);
  },
  // A Java java.nio buffer held as a Java object (a wrapper) as the Buffer/typed array over its
  // memory (a copy when it is a heap or read-only buffer); a JS view is returned as it is.
  toBuffer(javaBuffer) {
    ensureStarted();
    if (ArrayBuffer.isView(javaBuffer)) return javaBuffer; // already the view (a buffer through Object is one)
    if (!native.isJavaObject(javaBuffer) || !(javaBuffer instanceof root.java.nio.Buffer)) {
      throw new TypeError('node-api-java: toBuffer(b) takes a Java java.nio buffer (ByteBuffer, IntBuffer...); '
        + 'JS buffers are passed to Java as they are');
    }
    return buffersClass().share(javaBuffer);
  },
  // The API of a Node.js module written in Java (@JSExport): its generated entry calls this.
  loadExports(baseDir, descriptor) {
    return require('./lib/exports').loadExports(api, baseDir, descriptor);
  },
  stats() {
    ensureStarted();
    return { liveObjects: native.liveObjects(), startupCache: startupCacheStats() };
  },
  get javaVersion() {
    ensureStarted();
    return native.javaVersion();
  },
  get javaHome() {
    ensureStarted();
    return running.home;
  },
};

// For the package's own modules only (node-java.js): not API, not typed.
Object.defineProperty(api, Symbol.for('node-api-java internals'), {
  value: Object.freeze({
    start: ensureStarted,
    running: () => running !== null,
    bigintLongs: (delta) => native.bigintLongs(delta),
    byReference: (mask) => native.byReference(mask),
    registerGlue: (indexClassName) => native.registerGlue(indexClassName),
    addStartupModule,
    addonPath: require('./lib/addon').addonPath(),
  }),
});

const root = namespace('', api);
module.exports = root;
