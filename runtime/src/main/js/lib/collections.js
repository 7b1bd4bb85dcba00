'use strict';
// Java values that feel native in JS, added to each projected class by its traits (computed in
// Java: ClassDescriptor.traits): iterables are JS iterables (for...of, spread, Array.from,
// destructuring map entries), a java.util.List is array-like (list.length, list[i] read and
// write), so is a Java array held by reference, JSON.stringify gives the data, util.inspect shows it. Everything here sits on the class's
// prototype: calling a Java method costs the same as on any other class.

// A List's index access (list[3], list[3] = x, 3 in list) goes through this object, placed as the
// prototype of the List classes' prototypes: a name that is not found on the object or its class
// (a Java method, length) reaches it, and only numeric indexes mean something here.
const INDEX = /^(?:0|[1-9]\d*)$/;

function makeDecorator(importClass) {
  let iteration;
  const Iteration = () => iteration || (iteration = importClass('dev.napijava.bridge.Iteration'));
  let records;
  const Records = () => records || (records = importClass('dev.napijava.bridge.Records'));

  // The JS iterator over a Java iterable. Elements cross in chunks; a collection (in memory) is
  // read 256 at a time, anything else (iterators, streams: possibly lazy or over I/O) reads ahead
  // at most as many elements as were consumed, so a loop that breaks early drains nothing.
  function javaIterator(source, entries, inMemory) {
    const it = Iteration().iteratorOf(source);
    let chunk = [];
    let at = 0;
    let want = inMemory ? 256 : 1;
    let last = false;
    const step = entries ? 2 : 1;
    return {
      next() {
        if (at >= chunk.length) {
          if (last) return { value: undefined, done: true };
          chunk = Iteration().next(it, want, entries);
          at = 0;
          last = chunk.length < want * step;
          want = Math.min(want * 2, 256);
          if (chunk.length === 0) return { value: undefined, done: true };
        }
        const value = entries ? [chunk[at], chunk[at + 1]] : chunk[at];
        at += step;
        return { value, done: false };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }

  const hasIndex = (target, name) => (typeof name === 'string' && INDEX.test(name)) || Reflect.has(target, name);

  let arrays;
  const ArrayAccess = () => arrays || (arrays = importClass('dev.napijava.bridge.ArrayAccess'));

  // A Java array held by reference: array[i] reads and writes the element (a fixed length: no add).
  const arrayPrototype = new Proxy(Object.prototype, {
    get(target, name, receiver) {
      if (typeof name === 'string' && INDEX.test(name)) {
        const i = Number(name);
        return i < ArrayAccess().length(receiver) ? ArrayAccess().get(receiver, i) : undefined;
      }
      return Reflect.get(target, name, receiver);
    },
    set(target, name, value, receiver) {
      if (typeof name === 'string' && INDEX.test(name)) {
        ArrayAccess().set(receiver, Number(name), value);
        return true;
      }
      return Reflect.defineProperty(receiver, name, { value, writable: true, enumerable: true, configurable: true });
    },
    has: hasIndex, // as for a List (below)
  });

  const listPrototype = new Proxy(Object.prototype, {
    get(target, name, receiver) {
      if (typeof name === 'string' && INDEX.test(name)) {
        try {
          return receiver.get(Number(name));
        } catch (e) {
          if (e && /IndexOutOfBoundsException$/.test(e.name)) return undefined; // as a JS array reads past its end
          throw e;
        }
      }
      return Reflect.get(target, name, receiver);
    },
    set(target, name, value, receiver) {
      if (typeof name === 'string' && INDEX.test(name)) {
        const i = Number(name);
        const size = receiver.size();
        if (i < size) receiver.set(i, value);
        else if (i === size) receiver.add(value);
        else throw new RangeError(`index ${i} is beyond the end of this Java List (size ${size}): a Java List has no holes`);
        return true;
      }
      return Reflect.defineProperty(receiver, name, { value, writable: true, enumerable: true, configurable: true });
    },
    // A has trap is not told the receiver, so it cannot compare with the size: every index is
    // "in" a List. Array generics (Array.prototype.indexOf/map/forEach.call(list, ...)) only ask
    // below length, where that is true, and they skip what is not "in" as holes (README).
    has: hasIndex,
  });

  // JSON-safe: bigints (a Long in a collection, a BigInteger) as numbers when exact, else strings.
  const jsonValue = (v) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)) : v);
  const stringKey = (k) => ['string', 'number', 'bigint', 'boolean'].includes(typeof k) || (k && typeof k.name === 'function' && typeof k.ordinal === 'function');

  function mapToJson(map) {
    const pairs = Array.from(javaIterator(map, true, true));
    if (pairs.every(([k]) => stringKey(k))) {
      const out = {};
      for (const [k, v] of pairs) out[typeof k === 'object' ? k.name() : String(k)] = jsonValue(v);
      return out;
    }
    return pairs.map(([k, v]) => [jsonValue(k), jsonValue(v)]);
  }

  function recordToObject(record, deep) {
    const flat = Records().components(record);
    const out = {};
    for (let i = 0; i < flat.length; i += 2) out[flat[i]] = deep ? deep(flat[i + 1]) : jsonValue(flat[i + 1]);
    return out;
  }

  // jvm.toJS: Java collections, maps and records as plain JS data, deeply (other values as they are).
  // A Java object that contains itself (the same wrapper on the path) is refused: data has no cycles.
  function toJS(value, isJava, traitsOf, path = new Set()) {
    if (value === null || typeof value !== 'object' || !isJava(value)) return value;
    if (path.has(value)) {
      throw new TypeError('node-api-java: toJS: the value is cyclic (a Java collection, map or record contains itself), and plain JS data cannot hold a cycle: pass the Java object itself');
    }
    path.add(value);
    try {
      return toData(value, traitsOf(value), (v) => toJS(v, isJava, traitsOf, path));
    } finally {
      path.delete(value);
    }
  }

  function toData(value, traits, deep) {
    if (traits.includes('map')) {
      const pairs = Array.from(javaIterator(value, true, true), ([k, v]) => [deep(k), deep(v)]);
      if (pairs.every(([k]) => typeof k === 'string')) return Object.fromEntries(pairs);
      return new Map(pairs);
    }
    if (traits.includes('record')) return recordToObject(value, deep);
    if (traits.includes('array')) return Array.from(javaIterator(value, false, true), deep);
    if (traits.includes('iterable') || traits.includes('iterator') || traits.includes('enumeration') || traits.includes('stream')) {
      return Array.from(javaIterator(value, false, traits.includes('collection')), deep);
    }
    return value;
  }

  function define(proto, name, value) {
    Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
  }

  // Runs once per projected class: ctor is the JS class, traits the Java kinds it belongs to.
  function decorate(ctor, traits) {
    const proto = ctor.prototype;
    const has = (t) => traits.includes(t);
    if (has('map')) {
      define(proto, Symbol.iterator, function () { return javaIterator(this, true, true); });
      define(proto, 'toJSON', function () { return mapToJson(this); });
    } else if (has('entry')) {
      define(proto, Symbol.iterator, function () { return [this.getKey(), this.getValue()][Symbol.iterator](); });
      define(proto, 'toJSON', function () { return [jsonValue(this.getKey()), jsonValue(this.getValue())]; });
    } else if (has('iterable') || has('iterator') || has('enumeration') || has('stream')) {
      const inMemory = has('collection');
      define(proto, Symbol.iterator, function () { return javaIterator(this, false, inMemory); });
      // single-use sources (iterators, streams) are not consumed by JSON.stringify
      if (has('iterable')) define(proto, 'toJSON', function () { return Array.from(javaIterator(this, false, inMemory), jsonValue); });
    }
    if (has('list')) {
      Object.defineProperty(proto, 'length', {
        get() { return this.size(); },
        set(n) { throw new TypeError(`a Java List's length is its size (${this.size()}): use add/remove/clear, not length = ${n}`); },
        configurable: true,
        enumerable: false,
      });
      Object.setPrototypeOf(proto, listPrototype);
    }
    if (has('array')) {
      define(proto, Symbol.iterator, function () { return javaIterator(this, false, true); });
      define(proto, 'toJSON', function () { return Array.from(javaIterator(this, false, true), jsonValue); });
      Object.defineProperty(proto, 'length', {
        get() { return ArrayAccess().length(this); },
        set() { throw new TypeError("a Java array's length is fixed"); },
        configurable: true,
        enumerable: false,
      });
      Object.setPrototypeOf(proto, arrayPrototype);
    }
    if (has('record')) define(proto, 'toJSON', function () { return recordToObject(this); });
    if (has('enum')) define(proto, 'toJSON', function () { return this.name(); });
    if (!has('map') && !has('entry') && !has('iterable') && !has('record') && !has('enum') && !has('array')) {
      define(proto, 'toJSON', function () { return String(this.toString()); });
    }
  }
  // The inspect text of a Java array: its element type, length and first elements.
  const describeArray = (array) => String(ArrayAccess().describe(array));
  return { decorate, toJS, describeArray };
}

module.exports = { makeDecorator };
