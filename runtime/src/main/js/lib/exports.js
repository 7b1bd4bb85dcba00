'use strict';
// A Node.js module written in Java (@JSExport, README "Write a Node.js module in Java"): the API the
// generated entry returns, from the descriptor the annotation processor wrote (napi-java-module.json)
// and the glue it compiled into the library (exact members under their JS names). Values cross
// through the one marshaler; this file only shapes the exported object: JavaBeans accessors as JS
// properties, records returned by value (a plain object, as jvm.toJS makes it), enums as frozen
// objects of their constants.
const path = require('path');

const FORMAT = 1;

function invalid(baseDir, why) {
  return new TypeError(`node-api-java: the module in ${baseDir} has an unusable napi-java-module.json (${why}): `
    + 'rebuild it with the @JSExport processor and napi-java pack of this node-api-java version');
}

// name -> a function that converts the member's result by value
function resultConverter(kind, toJS) {
  if (kind === 'record') return toJS;
  if (kind === 'futureRecord') return (promise) => promise.then(toJS);
  return null;
}

function convertResults(target, results, toJS) {
  for (const [name, kind] of Object.entries(results || {})) {
    const convert = resultConverter(kind, toJS);
    const own = Object.getOwnPropertyDescriptor(target, name);
    const method = own && own.value;
    if (!convert || typeof method !== 'function') continue; // properties convert in their getters
    Object.defineProperty(target, name, {
      value: { [name](...args) { return convert(method.apply(this, args)); } }[name],
      writable: true, configurable: true, enumerable: false,
    });
  }
}

// getName()/setName(v) -> obj.name; the accessor methods leave the API
function defineProperties(proto, properties, results, toJS) {
  for (const { js, get, set } of properties || []) {
    const getter = proto[get];
    const setter = set ? proto[set] : undefined;
    if (typeof getter !== 'function') continue;
    delete proto[get];
    if (set) delete proto[set];
    const convert = resultConverter(results && results[js], toJS);
    Object.defineProperty(proto, js, {
      get: convert ? function () { return convert(getter.call(this)); } : function () { return getter.call(this); },
      set: setter ? function (value) { setter.call(this, value); } : function () {
        throw new TypeError(`${js} is read-only: its Java class has no setter of the getter's type`);
      },
      enumerable: true, configurable: true,
    });
  }
}

function build(api, e, toJS) {
  const cls = api.import(e.java);
  if (e.kind === 'function') {
    const fn = cls[e.js];
    const convert = resultConverter(e.result, toJS);
    return convert ? { [e.js](...args) { return convert(fn(...args)); } }[e.js] : fn;
  }
  if (e.kind === 'enum') {
    convertResults(cls.prototype, e.results, toJS);
    return Object.freeze(Object.fromEntries((e.constants || []).map((c) => [c, cls[c]])));
  }
  defineProperties(cls.prototype, e.properties, e.results, toJS);
  convertResults(cls.prototype, e.results, toJS);
  convertResults(cls, e.staticResults, toJS);
  return cls;
}

function loadExports(api, baseDir, descriptor) {
  if (typeof baseDir !== 'string') throw new TypeError('node-api-java: loadExports(dir, descriptor) takes the package folder first');
  if (!descriptor || typeof descriptor !== 'object') throw invalid(baseDir, 'not an object');
  if (descriptor.format !== FORMAT) throw invalid(baseDir, `format ${descriptor.format}, this version reads ${FORMAT}`);
  if (!Array.isArray(descriptor.exports) || typeof descriptor.glue !== 'string') throw invalid(baseDir, 'no exports or glue');
  const internals = api[Symbol.for('node-api-java internals')];
  // on the class path the JVM starts with, where the start-up cache holds the module's classes ready
  // (parsed, verified, the glue's projection code trained), else loaded now
  const jars = (descriptor.jars || []).map((jar) => path.resolve(baseDir, String(jar)));
  const onStartClassPath = internals.addStartupModule(jars, descriptor.glue);
  if (!onStartClassPath) for (const jar of jars) api.load(jar);
  internals.start();
  // before any exported class is projected: its glue names the members
  try {
    internals.registerGlue(descriptor.glue);
  } catch (e) {
    if (!onStartClassPath) throw e;
    // not found on the class path the JVM started with: load checks each jar and names a damaged one;
    // intact jars are loaded, so a JVM that was joined (started without this class path) finds them too
    for (const jar of jars) api.load(jar);
    internals.registerGlue(descriptor.glue);
  }
  const toJS = (value) => api.toJS(value);
  const out = {};
  for (const e of descriptor.exports) {
    if (typeof e.js !== 'string' || typeof e.java !== 'string') throw invalid(baseDir, 'an export without js or java name');
    if (!['function', 'enum', 'class'].includes(e.kind)) throw invalid(baseDir, `an export of kind ${e.kind}`);
    // each export is projected at its first use (a program that uses two classes of a large module
    // projects two), then becomes a plain read-only property: later reads cost what any property costs
    Object.defineProperty(out, e.js, {
      get() {
        const value = build(api, e, toJS);
        Object.defineProperty(out, e.js, { value, writable: false, configurable: false, enumerable: true });
        return value;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return Object.preventExtensions(out); // frozen once every export was read
}

module.exports = { loadExports };
