'use strict';
// node-api-java/node-java: node-java's documented API (npm `java`) on this bridge, so a program
// written for node-java runs with one changed require. Everything below is JS over the package's
// own API: calls go through the projected classes (one marshaler, the bridge's overload resolution);
// this file only maps node-java's shapes onto them: the suffix schemes, views of Java objects with
// `nameSync`/`name(cb)`/`namePromise` methods, longs as Number objects with `longValue`, errors whose
// `cause` is the Java exception, JNI signatures as selectors. docs/NODE-JAVA.md lists the differences.
const util = require('util');
const jvm = require('../index.js');

const internals = jvm[Symbol.for('node-api-java internals')];
const RAW = Symbol('node-java: the bridge object behind a view');
const LONG = Symbol('node-java: the bigint of a long');
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

const state = {
  classpath: [],
  options: [],
  created: false,
  syncSuffix: undefined,
  asyncSuffix: undefined,
  promiseSuffix: undefined,
  ifReadOnlySuffix: '_',
};
const clients = [];

// ---- values: node-java's shapes <-> the bridge's ----

// A Java long as node-java gives it: a Number object (arithmetic works, possibly rounded) whose
// longValue is the exact decimal string.
function longNumber(big) {
  const n = new Number(Number(big)); // eslint-disable-line no-new-wrappers
  n.longValue = big.toString();
  Object.defineProperty(n, LONG, { value: big });
  return n;
}

// node-java's element type of a JS array passed as an argument: one Java array class by the
// elements' JS types (String, Integer, Double, Boolean, Long; Number for mixed numbers, else Object).
function arrayElementType(values) {
  const kinds = new Set();
  for (const v of values) {
    if (typeof v === 'string') kinds.add('java.lang.String');
    else if (typeof v === 'number') kinds.add(Number.isInteger(v) && v >= -0x80000000 && v <= 0xffffffff ? 'java.lang.Integer' : 'java.lang.Double');
    else if (typeof v === 'boolean') kinds.add('java.lang.Boolean');
    else if (v instanceof Number && v[LONG] !== undefined) kinds.add('java.lang.Long');
    else return 'java.lang.Object';
  }
  if (kinds.size === 0) return 'java.lang.Object';
  if (kinds.size === 1) return [...kinds][0];
  return kinds.has('java.lang.String') || kinds.has('java.lang.Boolean') ? 'java.lang.Object' : 'java.lang.Number';
}

// An argument as the bridge takes it: a view is its Java object, a node-java long its bigint, a JS
// array a Java array of node-java's element type; everything else as it is (the bridge converts it).
function toJava(v) {
  if (v === null || typeof v !== 'object') return v;
  const raw = v[RAW];
  if (raw !== undefined) return raw;
  if (v instanceof Number && v[LONG] !== undefined) return v[LONG];
  if (Array.isArray(v)) return jvm.newArray(arrayElementType(v), v.map(toJava));
  return v;
}

function argsToJava(args) {
  for (let i = 0; i < args.length; i++) args[i] = toJava(args[i]);
  return args;
}

// A result as node-java gives it: Java objects as views, longs as long Numbers, long[] as Long
// objects, byte[] as signed bytes, Object[] element by element; strings, numbers, booleans as they are.
function fromJava(v) {
  if (typeof v === 'object') return v === null ? null : objectFromJava(v);
  if (typeof v === 'bigint') return longNumber(v);
  return v;
}

function objectFromJava(v) {
  const known = viewClasses.get(Object.getPrototypeOf(v));
  if (known !== undefined) return known.wrap(v);
  if (Array.isArray(v)) return v.map(fromJava);
  if (v instanceof BigInt64Array) return Array.from(v, (b) => view(jvm.long(b)));
  if (Buffer.isBuffer(v)) return new Int8Array(v.buffer, v.byteOffset, v.length);
  if (jvm.isJavaObject(v)) return viewClassOf(v).wrap(v);
  return v;
}

// ---- views: a Java object with node-java's methods ----

// One per Java runtime class, keyed by the bridge's prototype of that class.
const viewClasses = new Map();
const asNumber = (r) => r.doubleValue();
const UNBOX = {
  'java.lang.Long': (r) => longNumber(BigInt(r.longValue())),
  'java.lang.Integer': asNumber,
  'java.lang.Short': asNumber,
  'java.lang.Byte': asNumber,
  'java.lang.Double': asNumber,
  'java.lang.Float': asNumber,
  'java.lang.Boolean': (r) => r.booleanValue(),
  'java.lang.Character': (r) => String(r.toString()),
};

function view(raw) {
  return raw === null || raw === undefined ? raw : viewClassOf(raw).view(raw);
}

function viewClassOf(raw) {
  const proto = Object.getPrototypeOf(raw);
  let vc = viewClasses.get(proto);
  if (vc === undefined) {
    vc = makeViewClass(raw, proto);
    viewClasses.set(proto, vc);
  }
  return vc;
}

function makeViewClass(raw, bridgeProto) {
  const cls = raw.getClass();
  const className = String(cls.getName());
  const isArray = Boolean(cls.isArray());
  // node-java's name for the class of its objects (nodeJava_java_util_ArrayList): inspect shows it
  const viewName = `nodeJava_${className.replace(/[.$]/g, '_').replace(/\[/g, 'a')}`;
  const View = { [viewName]: function (r) { this[RAW] = r; } }[viewName];
  Object.defineProperty(View.prototype, util.inspect.custom, {
    value(depth, options, inspect) { return `${viewName} ${inspect(this[RAW], options)}`; },
  });
  const names = new Set();
  for (const m of cls.getMethods()) {
    if (!isStatic(m)) names.add(String(m.getName()));
  }
  for (const name of names) defineMethodVariants(View.prototype, name, instanceInvoker(bridgeProto, cls, name));
  for (const f of cls.getFields()) {
    if (isStatic(f)) continue;
    const name = String(f.getName());
    Object.defineProperty(View.prototype, name, {
      get() { return fromJava(this[RAW][name]); },
      set(value) { this[RAW][name] = toJava(value); },
      enumerable: true,
      configurable: true,
    });
  }
  // A box from a call or a constructor is a JS value in node-java (a Long a long Number); a view only
  // when made on purpose (newByte, newLong...).
  const unbox = UNBOX[className] || null;
  const make = isArray ? (r) => new Proxy(new View(r), ARRAY_VIEW) : (r) => new View(r);
  return { view: make, wrap: unbox || make };
}

// A Java array held by reference (newArray) as node-java shows it: length, and elements by index
// read and written through the bridge's array access (range-checked there).
const isIndex = (key) => typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key);
const ARRAY_VIEW = {
  get(target, key, receiver) {
    if (key === 'length') return target[RAW].length;
    return isIndex(key) ? fromJava(target[RAW][key]) : Reflect.get(target, key, receiver);
  },
  set(target, key, value, receiver) {
    if (!isIndex(key)) return Reflect.set(target, key, value, receiver);
    target[RAW][key] = toJava(value);
    return true;
  },
};

function isStatic(member) {
  return (member.getModifiers() & 8) !== 0;
}

// ---- calls ----

// JNI signature 'name(Ljava/lang/Double;I)I' -> the bridge's selector 'name(java.lang.Double,int)'.
const DESCRIPTORS = { Z: 'boolean', B: 'byte', C: 'char', S: 'short', I: 'int', J: 'long', F: 'float', D: 'double' };
function selectorOf(signature) {
  const open = signature.indexOf('(');
  const close = signature.indexOf(')', open);
  if (close < 0) return null;
  const params = [];
  const text = signature.slice(open + 1, close);
  for (let i = 0; i < text.length;) {
    let dims = 0;
    while (text[i] === '[') { dims++; i++; }
    let type;
    if (text[i] === 'L') {
      const end = text.indexOf(';', i);
      if (end < 0) return null;
      type = text.slice(i + 1, end).replace(/[/$]/g, '.');
      i = end + 1;
    } else {
      type = DESCRIPTORS[text[i]];
      if (!type) return null;
      i++;
    }
    params.push(type + '[]'.repeat(dims));
  }
  return `${signature.slice(0, open)}(${params.join(',')})`;
}

// The bridge function for a method name (or JNI signature) on a target: own static members of a
// class, the prototype chain of an instance. A name the projection leaves out (a JS function's own
// `name`, `length`...) is reached through its selectors, chosen by the argument count.
function bridgeFunction(holder, cls, name, lookupOwn) {
  const key = name.includes('(') ? selectorOf(name) : name;
  if (key !== null) {
    const fn = lookupOwn ? (hasOwn(holder, key) ? holder[key] : undefined) : holder[key];
    if (typeof fn === 'function') return fn;
  }
  if (name.includes('(')) return null;
  const selectors = [];
  for (const m of cls.getMethods()) {
    if (String(m.getName()) !== name || isStatic(m) !== lookupOwn) continue;
    const types = Array.from(m.getParameterTypes(), (t) => String(t.getCanonicalName() || t.getName()));
    const fn = holder[`${name}(${types.join(',')})`];
    if (typeof fn === 'function') selectors.push({ count: types.length, varargs: Boolean(m.isVarArgs()), fn });
  }
  if (selectors.length === 0) return null;
  return function bySelector(...args) {
    const fit = selectors.find((s) => s.count === args.length) || selectors.find((s) => s.varargs && args.length >= s.count - 1);
    if (!fit) throw new Error(`node-api-java/node-java: no ${name} method of ${cls.getName()} takes ${args.length} arguments`);
    return fit.fn.apply(this, args);
  };
}

function notFound(name, cls, args) {
  const shown = args.map((a) => (a === null || a === undefined ? '(null)' : typeof a)).join(', ');
  return new Error(`Could not find method "${name}(${shown})" on class "${cls.getName()}". No methods with that name.`);
}

// A node-java error: message = what failed + the Java stack trace, cause = the Java exception.
// Errors the bridge raises itself (no overload fits, a value out of range) pass as they are.
function nodeJavaError(e, what) {
  const throwable = e && typeof e === 'object' ? e.javaException : undefined;
  if (throwable === undefined || String(throwable.getClass().getName()) === 'dev.napijava.JSException') return e;
  let trace;
  try {
    const writer = new (jvm.import('java.io.StringWriter'))();
    throwable.printStackTrace(new (jvm.import('java.io.PrintWriter'))(writer));
    trace = String(writer.toString());
  } catch {
    trace = String(e.message); // a throwable whose printStackTrace fails: its message at least
  }
  const err = new Error(`${what}\n${trace}`);
  err.cause = view(throwable);
  return err;
}

// Runs a bridge call as node-java's sync form.
function runSync(fn, self, args, what) {
  try {
    return fromJava(fn.apply(self, argsToJava(args)));
  } catch (e) {
    throw nodeJavaError(e, what);
  }
}

// A callback's own throw must not turn into a rejected promise: it is thrown as node-java's is.
function callBack(cb, err, value) {
  try {
    cb(err, value);
  } catch (e) {
    process.nextTick(() => { throw e; });
  }
}

// Runs a bridge call as node-java's callback form: on the bridge's async pool when the call has an
// Async variant, else on the JS thread, calling back on a later tick.
function runWithCallback(fn, asyncFn, self, args, cb, what) {
  let pending;
  try {
    argsToJava(args);
    pending = asyncFn ? asyncFn.apply(self, args) : Promise.resolve(fn.apply(self, args));
  } catch (e) {
    cb(nodeJavaError(e, what)); // at once, as node-java reports a call it cannot make
    return;
  }
  pending.then((value) => callBack(cb, undefined, fromJava(value)), (e) => callBack(cb, nodeJavaError(e, what)));
}

function runPromise(fn, asyncFn, self, args, what) {
  try {
    argsToJava(args);
    const pending = asyncFn ? asyncFn.apply(self, args) : Promise.resolve(fn.apply(self, args));
    return pending.then(fromJava, (e) => { throw nodeJavaError(e, what); });
  } catch (e) {
    return Promise.reject(nodeJavaError(e, what));
  }
}

// The three forms of one method, as node-java names them by the suffixes in force.
function defineMethodVariants(target, name, invoker) {
  const { syncSuffix, asyncSuffix, promiseSuffix } = state;
  if (typeof asyncSuffix === 'string') {
    defineVariant(target, name + asyncSuffix, function (...args) {
      const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      if (!cb && name === 'toString') return invoker.sync(this, args); // String(obj) keeps working
      return invoker.callback(this, args, cb);
    });
  }
  if (typeof syncSuffix === 'string') defineVariant(target, name + syncSuffix, function (...args) { return invoker.sync(this, args); });
  if (typeof promiseSuffix === 'string') defineVariant(target, name + promiseSuffix, function (...args) { return invoker.promise(this, args); });
}

function defineVariant(target, name, fn) {
  Object.defineProperty(target, typeof target === 'function' ? usableName(name) : name, {
    value: fn, writable: true, enumerable: true, configurable: true,
  });
}

// A static member named like a read-only property of functions (name, length, caller, arguments,
// prototype) gets ifReadOnlySuffix, as in node-java.
const FUNCTION_OWN = new Set(['name', 'length', 'caller', 'arguments', 'prototype']);
function usableName(name) {
  return FUNCTION_OWN.has(name) ? name + state.ifReadOnlySuffix : name;
}

// The callback of a callback form called without one: node-java drops its outcome; a failure is
// at least a process warning here.
function warnUnreported(err) {
  if (err) process.emitWarning(`a Java call made without its callback failed: ${String(err.message).split('\n').slice(0, 2).join(' ')}`, 'NodeJavaWarning');
}

function invoker(resolve, what, methodName, owner) {
  let fns = null;
  const get = () => fns || (fns = resolve()); // resolved at first use: most methods are never called
  const missing = (args) => notFound(methodName, owner, args);
  return {
    sync(self, args) {
      const { fn, target } = get();
      if (!fn) throw missing(args);
      return runSync(fn, target(self), args, what);
    },
    callback(self, args, cb) {
      const { fn, asyncFn, target } = get();
      if (!cb) {
        if (fn) runWithCallback(fn, asyncFn, target(self), args, warnUnreported, what);
        return `"Method '${methodName}' called without a callback did you mean to use the Sync version?"`;
      }
      if (!fn) return cb(missing(args));
      return runWithCallback(fn, asyncFn, target(self), args, cb, what);
    },
    promise(self, args) {
      const { fn, asyncFn, target } = get();
      if (!fn) return Promise.reject(missing(args));
      return runPromise(fn, asyncFn, target(self), args, what);
    },
  };
}

function viewTarget(self) {
  const raw = self !== null && typeof self === 'object' ? self[RAW] : undefined;
  if (raw === undefined) throw new TypeError('a Java object\'s method was called on a value that is not a Java object (a method taken off its object?)');
  return raw;
}

function checkName(what, kind, name) {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`java.${what} takes a ${kind} name string, got ${name === '' ? 'an empty string' : typeof name}`);
  }
}

function instanceInvoker(bridgeProto, cls, name) {
  return invoker(() => ({
    fn: bridgeFunction(bridgeProto, cls, name, false),
    asyncFn: name.includes('(') ? null : bridgeProto[name + 'Async'],
    target: viewTarget,
  }), 'Error running instance method', name, cls);
}

// ---- classes ----

const classes = new Map(); // class name -> { Cls, statics: Map(name -> invoker) }

function classRecord(className) {
  let record = classes.get(className);
  if (record === undefined) {
    let Cls;
    try {
      Cls = jvm.import(className);
    } catch (e) {
      throw new Error(`Could not create class ${className}\n${e.message}`);
    }
    record = { Cls, cls: Cls.class, statics: new Map(), imported: null };
    classes.set(className, record);
  }
  return record;
}

function staticInvoker(record, name) {
  let inv = record.statics.get(name);
  if (inv === undefined) {
    const { Cls, cls } = record;
    inv = invoker(() => ({
      fn: bridgeFunction(Cls, cls, name, true),
      asyncFn: !name.includes('(') && hasOwn(Cls, name + 'Async') ? Cls[name + 'Async'] : null,
      target: () => Cls,
    }), 'Error running static method', name, cls);
    record.statics.set(name, inv);
  }
  return inv;
}

function construct(className, args) {
  const { Cls } = classRecord(className);
  try {
    return fromJava(new Cls(...argsToJava(args)));
  } catch (e) {
    throw nodeJavaError(e, `Error creating class ${className}`);
  }
}

// ---- the JVM's start ----

// Type codes (dev.napijava.bridge.TypeCode) whose results node-java gives as Java objects: dates,
// BigInteger, streams. Left converted: futures (Promises) and java.nio buffers (Buffers over the
// same memory), which the package's own stream code relies on.
const BY_REFERENCE = ['DATE', 'INSTANT', 'BIG_INTEGER', 'INPUT_STREAM', 'OUTPUT_STREAM'];

function ensureCreated() {
  if (state.created) return;
  checkAsyncOptions(java.asyncOptions); // before the start: fixed options can start it on the next call
  if (internals.running()) {
    // require('node-api-java') started the JVM first (a program moving over one call at a time): join
    // it, load the classpath into it; JVM options can no longer apply
    for (const item of state.classpath) jvm.load(String(item));
    process.emitWarning(`node-api-java/node-java joined the JVM that require('node-api-java') started: ` +
      (state.options.length ? `java.options (${state.options.join(' ')}) cannot apply any more; ` : '') +
      'from now on that API, too, gives node-java\'s shapes (long results as bigints, dates, Instant, ' +
      'BigInteger and streams as Java objects): docs/NODE-JAVA.md', { type: 'NodeJavaWarning', code: 'NAPI_JAVA_NODE_JAVA_JOINED' });
  } else {
    jvm.configure({ classpath: state.classpath.slice(), jvmOptions: state.options.slice() });
    internals.start();
  }
  state.created = true;
  // node-java ignores a jar pushed once the JVM runs; the bridge can load it, so it does
  loadLatePushes(state.classpath);
  // node-java's shapes, for good (the JVM is this process's: require('node-api-java') in the same
  // process sees them too): every long result a bigint (made a long Number here), and the values the
  // bridge converts by value where node-java hands over the Java object stay Java objects.
  internals.bigintLongs(1);
  const TypeCode = jvm.import('dev.napijava.bridge.TypeCode');
  internals.byReference(BY_REFERENCE.reduce((mask, name) => mask + 2 ** TypeCode[name].ordinal(), 0));
  const onCreated = java.onJvmCreated;
  delete java.onJvmCreated;
  onCreated.call(java);
}

function checkAsyncOptions(options) {
  if (options && typeof options.syncSuffix !== 'string') {
    throw new TypeError('In asyncOptions, syncSuffix must be defined and must be a string (\'\' for methods under their Java names)');
  }
}

function readAsyncOptions() {
  const options = java.asyncOptions;
  checkAsyncOptions(options);
  if (options) {
    state.syncSuffix = options.syncSuffix;
    state.asyncSuffix = options.asyncSuffix;
    state.promiseSuffix = typeof options.promiseSuffix === 'string' ? options.promiseSuffix : undefined;
    if (typeof options.ifReadOnlySuffix === 'string' && options.ifReadOnlySuffix !== '') {
      state.ifReadOnlySuffix = options.ifReadOnlySuffix;
    }
    if (state.promiseSuffix !== undefined) {
      for (const name of ['newInstance', 'callMethod', 'callStaticMethod']) {
        java[name + state.promiseSuffix] = util.promisify(java[name]);
      }
    }
  } else {
    state.syncSuffix = 'Sync';
    state.asyncSuffix = '';
  }
}

async function runHooks(kind) {
  for (const client of clients) {
    if (client[kind]) await new Promise((resolve, reject) => client[kind]((err) => (err ? reject(err) : resolve())));
    if (client[kind + 'P']) await client[kind + 'P']();
  }
}

function noArgumentHook(fn) {
  return fn && fn.length === 0 ? (cb) => { fn(); cb(); } : fn;
}

function checkNotCreated(what) {
  if (state.created) throw new Error(`java.${what}() called after JVM already created.`);
}

function frozenAfterStart(name) {
  return {
    get: () => state[name],
    set(value) {
      if (state.created) throw new Error(`java.${name} cannot be changed once the JVM is created`);
      if (!Array.isArray(value)) throw new TypeError(`java.${name} takes an array of strings`);
      state[name] = value;
    },
    enumerable: true,
    configurable: false,
  };
}

// ---- the module ----

const java = {
  asyncOptions: undefined,
  promisify: util.promisify,

  onJvmCreated() {
    readAsyncOptions();
  },

  isJvmCreated() {
    return state.created;
  },

  registerClient(before, after) {
    checkNotCreated('registerClient');
    clients.push({ before: noArgumentHook(before), after: noArgumentHook(after) });
  },

  registerClientP(beforeP, afterP) {
    checkNotCreated('registerClientP');
    clients.push({ beforeP, afterP });
  },

  ensureJvm(callback) {
    if (callback === undefined) return util.promisify(java.ensureJvm)();
    if (typeof callback !== 'function') {
      throw new Error('java.ensureJvm(cb) requires its one argument to be a callback function.');
    }
    if (state.created) return setImmediate(callback);
    return setImmediate(async () => {
      try {
        await runHooks('before');
        ensureCreated();
        await runHooks('after');
      } catch (err) {
        callback(err);
        return;
      }
      callback();
    });
  },

  import(className) {
    ensureCreated();
    const record = classRecord(className);
    return record.imported || (record.imported = importedClass(className, record));
  },

  findClassSync(className) {
    ensureCreated();
    return view(classRecord(className).cls);
  },

  getClassLoader() {
    ensureCreated();
    return view(jvm.java.lang.Thread.currentThread().getContextClassLoader());
  },

  newInstanceSync(className, ...args) {
    ensureCreated();
    return construct(className, args);
  },

  newInstance(className, ...args) {
    ensureCreated();
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    let result;
    let error;
    try {
      result = construct(className, args);
    } catch (e) {
      error = e;
    }
    if (!cb) return `"Constructor for class '${className}' called without a callback did you mean to use the Sync version?"`;
    setImmediate(() => callBack(cb, error, error ? undefined : result));
    return undefined;
  },

  callStaticMethodSync(className, methodName, ...args) {
    ensureCreated();
    checkName('callStaticMethodSync', 'method', methodName);
    return staticInvoker(classRecord(className), methodName).sync(null, args);
  },

  callStaticMethod(className, methodName, ...args) {
    ensureCreated();
    checkName('callStaticMethod', 'method', methodName);
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    let record;
    try {
      record = classRecord(className);
    } catch (e) {
      if (cb) cb(e);
      return cb ? undefined : `"Static method '${methodName}' called without a callback did you mean to use the Sync version?"`;
    }
    const result = staticInvoker(record, methodName).callback(null, args, cb);
    return cb ? undefined : result.replace(/^"Method/, '"Static method');
  },

  callMethodSync(instance, methodName, ...args) {
    ensureCreated();
    checkName('callMethodSync', 'method', methodName);
    return instanceCall(instance, methodName).sync(instance, args);
  },

  callMethod(instance, methodName, ...args) {
    ensureCreated();
    checkName('callMethod', 'method', methodName);
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    return instanceCall(instance, methodName).callback(instance, args, cb);
  },

  getStaticFieldValue(className, fieldName) {
    ensureCreated();
    checkName('getStaticFieldValue', 'field', fieldName);
    return fromJava(staticField(classRecord(className), fieldName).get());
  },

  setStaticFieldValue(className, fieldName, newValue) {
    ensureCreated();
    checkName('setStaticFieldValue', 'field', fieldName);
    staticField(classRecord(className), fieldName).set(toJava(newValue));
  },

  instanceOf(javaObject, className) {
    ensureCreated();
    const { Cls } = classRecord(className);
    // a view's Java object; the package's own wrappers count too
    const raw = javaObject !== null && typeof javaObject === 'object' ? (javaObject[RAW] ?? javaObject) : undefined;
    return jvm.isJavaObject(raw) && raw instanceof Cls;
  },

  newArray(className, values) {
    ensureCreated();
    if (!Array.isArray(values)) throw new TypeError('java.newArray(className, values) takes a JS array of values');
    return view(jvm.newArray(className, values.map(toJava)));
  },

  newByte: (v) => newBox('byte', v),
  newShort: (v) => newBox('short', v),
  newLong: (v) => newBox('long', v),
  newChar: (v) => newBox('char', typeof v === 'number' ? String.fromCharCode(v) : v),
  newFloat: (v) => newBox('float', v),
  newDouble: (v) => newBox('double', v),

  newProxy(interfaceName, functions) {
    ensureCreated();
    return newProxy(interfaceName, functions);
  },

  // node-java closes the libuv handle that kept the event loop alive for proxy calls from Java
  // threads. The bridge's wake-up handle is unreferenced whenever no async call is pending, so no
  // handle holds Node open and there is nothing to close (tests/js/node-java.test.js checks that a
  // process with a live proxy exits by itself).
  stop() {},
};

Object.defineProperty(java, 'options', frozenAfterStart('options'));
Object.defineProperty(java, 'nativeBindingLocation', {
  get: () => internals.addonPath,
  set() {
    throw new Error('java.nativeBindingLocation is the bridge\'s own addon and cannot be changed');
  },
  enumerable: true,
});
state.classpath.pushDir = pushDir;
function pushDir(dir) {
  const fs = require('fs');
  const path = require('path');
  for (const file of fs.readdirSync(dir)) java.classpath.push(path.resolve(dir, file));
}
Object.defineProperty(java, 'classpath', {
  get: () => state.classpath,
  set(value) {
    if (state.created) throw new Error('java.classpath cannot be changed once the JVM is created');
    if (!Array.isArray(value)) throw new TypeError('java.classpath takes an array of jar and class folder paths');
    state.classpath = value;
    if (!value.pushDir) value.pushDir = pushDir;
  },
  enumerable: true,
});

function loadLatePushes(classpath) {
  Object.defineProperty(classpath, 'push', {
    value(...items) {
      for (const item of items) jvm.load(String(item)); // a missing or unreadable path throws, naming it
      return Array.prototype.push.apply(this, items);
    },
    configurable: true,
  });
}

function newBox(kind, value) {
  ensureCreated();
  return view(jvm[kind](toJava(value)));
}

function instanceCall(instance, methodName) {
  const raw = instance !== null && typeof instance === 'object' ? instance[RAW] : undefined;
  if (raw === undefined) throw new TypeError(`java.callMethod: the instance is not a Java object (calling ${methodName})`);
  const vc = viewClassOf(raw);
  let byName = instanceInvokers.get(vc);
  if (!byName) instanceInvokers.set(vc, (byName = new Map()));
  let inv = byName.get(methodName);
  if (!inv) byName.set(methodName, (inv = instanceInvoker(Object.getPrototypeOf(raw), raw.getClass(), methodName)));
  return inv;
}
const instanceInvokers = new WeakMap();

// A static field by the bridge's property, or by reflection where a function's own property
// (name, length...) hides it.
function staticField(record, fieldName) {
  const { Cls, cls } = record;
  if (!FUNCTION_OWN.has(fieldName) && hasOwn(Cls, fieldName) && typeof Cls[fieldName] !== 'function') {
    return { get: () => Cls[fieldName], set: (v) => { Cls[fieldName] = v; } };
  }
  let field;
  try {
    field = cls.getField(fieldName);
  } catch {
    throw new Error(`Could not find field "${fieldName}" on class "${cls.getName()}"`);
  }
  return { get: () => field.get(null), set: (v) => field.set(null, v) };
}

// java.import: a constructor function with the class's static fields, methods and nested classes.
function importedClass(className, record) {
  const { cls } = record;
  const result = function javaClassConstructorProxy(...args) {
    return java.newInstanceSync(className, ...args);
  };
  result.class = view(cls);
  for (const f of cls.getDeclaredFields()) {
    if (!isPublicStatic(f)) continue;
    const name = String(f.getName());
    const field = staticField(record, name);
    Object.defineProperty(result, usableName(name), {
      get: () => fromJava(field.get()),
      set: (v) => { field.set(toJava(v)); },
      enumerable: true,
      configurable: true,
    });
  }
  for (const m of cls.getDeclaredMethods()) {
    if (!isPublicStatic(m)) continue;
    const name = String(m.getName());
    const inv = staticInvoker(record, name);
    defineMethodVariants(result, name, inv);
  }
  for (const nested of cls.getDeclaredClasses()) {
    if (!isPublicStatic(nested)) continue;
    const simple = String(nested.getSimpleName());
    const nestedName = String(nested.getName());
    Object.defineProperty(result, simple, {
      get() {
        const imported = java.import(nestedName);
        Object.defineProperty(result, simple, { value: imported, enumerable: true, configurable: true });
        return imported;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return result;
}

function isPublicStatic(member) {
  return (member.getModifiers() & 9) === 9;
}

// java.newProxy: a java.lang.reflect.Proxy whose calls run the JS functions by method name, on the
// JS thread, from any Java thread (the bridge queues calls from other threads). node-java's
// defaults where the functions object has none: equals is identity, hashCode the identity hash.
function newProxy(interfaceName, functions) {
  if (functions === null || typeof functions !== 'object') {
    throw new TypeError('java.newProxy(interfaceName, functions) takes an object of functions by method name');
  }
  const { cls } = classRecord(interfaceName);
  if (!cls.isInterface()) throw new TypeError(`java.newProxy: ${interfaceName} is a class, not an interface (a proxy implements interfaces only)`);
  let handlers = functions;
  const handler = (proxy, method, args) => {
    const name = String(method.getName());
    if (handlers === null) {
      throw new (jvm.import('java.lang.IllegalStateException'))(`the proxy of ${interfaceName} was unref()ed: its JS functions are gone`);
    }
    const fn = handlers[name];
    if (fn === undefined || fn === null) {
      if (name === 'equals' && args && args.length === 1) return proxy === args[0];
      if (name === 'hashCode' && !args) return jvm.java.lang.System.identityHashCode(proxy);
      throw new (jvm.import('java.lang.NoSuchMethodError'))(`Could not find js function ${name}`);
    }
    if (typeof fn !== 'function') throw new (jvm.import('java.lang.IllegalStateException'))(`${name} is not a function`);
    return toJava(fn.apply(handlers, args ? Array.from(args, fromJava) : []));
  };
  const raw = jvm.java.lang.reflect.Proxy.newProxyInstance(cls.getClassLoader(), [cls], handler);
  const proxyView = view(raw);
  Object.defineProperty(proxyView, 'invocationHandler', {
    get() {
      if (handlers === null) throw new Error('dynamicProxyData has been destroyed or corrupted');
      return handlers;
    },
  });
  Object.defineProperty(proxyView, 'unref', { value: () => { handlers = null; } });
  return proxyView;
}

module.exports = java;
