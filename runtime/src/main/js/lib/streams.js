'use strict';
// Java streams <-> Node streams, on top of async calls: the JS thread never blocks on Java I/O.
// InputStream -> Readable, OutputStream -> Writable, and Node streams passed where Java expects
// an InputStream/OutputStream. Chunks cross in bulk: a Readable's chunks are Java direct memory
// that Java read into and JS sees without a copy (Streams.readShared, README "Shared memory");
// the other directions copy byte[] <-> Buffer.

const CHUNK = 256 * 1024;

function makeStreamHook(importClass) {
  let Streams;
  const helpers = () => Streams || (Streams = importClass('dev.napijava.bridge.Streams'));

  function toBuffer(int8) {
    return Buffer.from(int8.buffer, int8.byteOffset, int8.byteLength);
  }

  function toReadable(input) {
    const S = helpers();
    const { Readable } = require('stream'); // loaded on first use: not part of start-up
    // Java reads ahead on a pool thread into chunks JS sees without a copy (Buffers over the Java
    // memory, freed as soon as V8 frees them); a ready chunk is taken with one synchronous call.
    const reader = new S.SharedReader(input, CHUNK);
    return new Readable({
      highWaterMark: 4 * CHUNK, // keep reading while the consumer works on earlier chunks
      read() {
        let chunk;
        try {
          chunk = reader.poll();
        } catch (err) {
          this.destroy(err);
          return;
        }
        if (chunk !== null) {
          this.push(chunk);
          return;
        }
        reader.whenReady().then((more) => (more ? this._read() : this.push(null)), (err) => this.destroy(err));
      },
      destroy(err, callback) {
        S.closeAsync(reader).then(() => callback(err), () => callback(err));
      },
    });
  }

  function toWritable(output) {
    const S = helpers();
    const { Writable } = require('stream');
    return new Writable({
      highWaterMark: CHUNK,
      write(chunk, encoding, callback) {
        S.writeAsync(output, chunk).then(() => callback(), callback);
      },
      final(callback) {
        S.closeAsync(output).then(() => callback(), callback);
      },
    });
  }

  function toJavaInput(readable) {
    if (typeof readable[Symbol.asyncIterator] !== 'function') {
      throw new TypeError('expected a Node Readable stream (or a Java InputStream)');
    }
    const chunks = readable[Symbol.asyncIterator]();
    const source = {
      next: () => chunks.next().then(({ value, done }) => {
        if (done) return null;
        return typeof value === 'string' ? Buffer.from(value) : value;
      }),
    };
    return new (helpers().FromReadable)(source);
  }

  function toJavaOutput(writable) {
    if (typeof writable.write !== 'function' || typeof writable.end !== 'function') {
      throw new TypeError('expected a Node Writable stream (or a Java OutputStream)');
    }
    const sink = {
      write: (bytes) => new Promise((resolve, reject) => {
        writable.write(toBuffer(bytes), (err) => (err ? reject(err) : resolve(null)));
      }),
      end: () => new Promise((resolve) => writable.end(() => resolve(null))),
    };
    return new (helpers().ToWritable)(sink);
  }

  // An ArrayBuffer over Java memory (buffers.c): postMessage/structuredClone copy it rather than
  // move it to another environment, whose end would not keep the Java buffer alive.
  // Node 26+ marks with a V8 detach key (transfer() then throws), and its end-of-environment cleanup
  // of external buffers (node::Buffer's CallbackInfo::Clean) detaches them without that key: a
  // fatal error (v8::FromJust) at every exit. There the mark is left out: Node's own mark on every
  // external buffer (a private symbol) still makes postMessage/structuredClone copy them, and
  // transfer() moves V8's backing store, whose release is what frees the Java side (shared_finalize).
  let mark;
  function markFunction() {
    const { markAsUntransferable } = require('worker_threads');
    const probe = new ArrayBuffer(1);
    markAsUntransferable(probe);
    try {
      if (typeof probe.transfer === 'function') probe.transfer();
    } catch {
      return () => {}; // a detach key
    }
    return markAsUntransferable;
  }
  // The answer tells buffers.c whether it may keep a weak reference to the view (so the same Java
  // memory passed again gives the same Buffer): not under Deno, which aborts at exit when a
  // finalizer deletes such a reference while it tears the isolate down.
  const keepViews = !(process.versions && process.versions.deno);
  function untransferable(arrayBuffer) {
    (mark || (mark = markFunction()))(arrayBuffer);
    return keepViews ? arrayBuffer : false;
  }

  const kinds = { toReadable, toWritable, toJavaInput, toJavaOutput, untransferable };
  return function stream(value, kind) {
    return kinds[kind](value);
  };
}

module.exports = { makeStreamHook };
