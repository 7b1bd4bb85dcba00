'use strict';
// Shared memory (README "Shared memory"): java.nio buffers <-> Buffers/typed arrays over the same
// bytes, both directions, lifetimes, detachment, a worker's end, the copy fallback, real JDK APIs.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadJvm, tempDir, runSafely } = require('./helpers');

const jvm = loadJvm();
const { SharedBuffers } = jvm.testcases;
const pattern = (i, seed) => (i * 3 + seed) & 0xff;
const CHECK = Buffer.from('123456789'); // CRC-32 check value 0xCBF43926

test('a direct ByteBuffer from Java is a Buffer over its memory: writes on either side are seen by the other', () => {
  SharedBuffers.dropAll();
  const b = SharedBuffers.keepNew(16, 1, 4, 12); // position 4, limit 12
  assert.ok(Buffer.isBuffer(b));
  assert.equal(b.length, 8);
  assert.equal(b[0], pattern(4, 1)); // the remaining bytes: position..limit
  b[0] = 200;
  assert.equal(SharedBuffers.get(0, 4) & 0xff, 200);
  SharedBuffers.put(0, 11, 77);
  assert.equal(b[7], 77);
});

test('jvm.allocateBuffer memory passed to Java is the same memory (views too)', () => {
  SharedBuffers.dropAll();
  const m = jvm.allocateBuffer(32);
  assert.deepEqual([...m], new Array(32).fill(0));
  const whole = SharedBuffers.keep(m);
  const part = SharedBuffers.keep(m.subarray(8, 16));
  assert.equal(SharedBuffers.isDirect(m), true);
  assert.equal(SharedBuffers.isReadOnly(m), false);
  assert.equal(SharedBuffers.capacity(part), 8);
  m[9] = 42;
  assert.equal(SharedBuffers.get(whole, 9), 42);
  assert.equal(SharedBuffers.get(part, 1), 42);
  SharedBuffers.put(part, 0, 5);
  assert.equal(m[8], 5);
  // an ArrayBuffer and other views of the same memory
  const k = SharedBuffers.keep(m.buffer);
  SharedBuffers.put(k, 31, 9);
  assert.equal(m[31], 9);
  assert.equal(SharedBuffers.sumOf(new Uint16Array(m.buffer, m.byteOffset, 16)), SharedBuffers.sum(whole));
});

test('the same Java memory comes back as the same Buffer', () => {
  SharedBuffers.dropAll();
  const b = SharedBuffers.keepNew(64, 0, 0, 64);
  assert.equal(SharedBuffers.asObject(0), b); // through Object too: the shared view, not a wrapper
  assert.equal(jvm.toBuffer(SharedBuffers.asObject(0)), b);
});

test('typed buffers: a native-order IntBuffer is an Int32Array over its memory, an Int32Array of Java memory an IntBuffer', () => {
  const ints = SharedBuffers.keepInts(8);
  assert.ok(ints instanceof Int32Array);
  assert.deepEqual([...ints], [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000]);
  ints[3] = -5;
  assert.equal(SharedBuffers.keptInt(3), -5);
  SharedBuffers.setKeptInt(7, 123456);
  assert.equal(ints[7], 123456);
  const mem = new Int32Array(jvm.allocateBuffer(16).buffer).fill(10);
  assert.equal(SharedBuffers.bumpInts(mem), 40);
  assert.deepEqual([...mem], [11, 11, 11, 11]); // Java wrote into the same memory
  // the wrong element type is a clear TypeError, not a reinterpretation
  assert.throws(() => SharedBuffers.bumpInts(new Float32Array(4)), /IntBuffer/);
});

test('buffers JS cannot share are copied: heap, read-only, big-endian typed buffers', () => {
  SharedBuffers.dropAll();
  const heap = SharedBuffers.heap(8);
  assert.deepEqual([...heap], [0, 1, 2, 3, 4, 5, 6, 7]);
  heap[0] = 50;
  assert.equal(SharedBuffers.get(0, 0), 0); // a copy
  assert.deepEqual([...SharedBuffers.readOnly()], [1, 0, 0, 0]);
  const be = SharedBuffers.bigEndianInts(3);
  assert.ok(be instanceof Int32Array);
  assert.deepEqual([...be], [1, 2, 3]); // values right, in the platform's order
});

test('V8 memory reaches Java as a read-only copy: reads work, writes fail clearly instead of being lost', () => {
  const plain = Buffer.from('abc');
  assert.equal(SharedBuffers.isReadOnly(plain), true);
  assert.equal(SharedBuffers.isDirect(plain), true);
  assert.equal(SharedBuffers.sumOf(plain), 97 + 98 + 99);
  const ints = new Int32Array([5, 6]);
  assert.equal(SharedBuffers.bumpInts(ints), 11);
  assert.deepEqual([...ints], [5, 6]);
  const sab = SharedBuffers.keep(new Uint8Array(new SharedArrayBuffer(8))); // V8's memory too
  assert.throws(() => SharedBuffers.put(sab, 0, 1), (e) => e.name === 'java.nio.ReadOnlyBufferException');
});

test('overloads: a typed array still prefers byte[]; an ArrayBuffer picks the ByteBuffer overload; wrong kinds are refused', () => {
  const { CRC32 } = jvm.java.util.zip;
  const a = new CRC32();
  a.update(CHECK); // update(byte[]), as before
  assert.equal(a.getValue(), 0xCBF43926);
  const b = new CRC32();
  b.update(CHECK.buffer.slice(CHECK.byteOffset, CHECK.byteOffset + 9)); // update(ByteBuffer)
  assert.equal(b.getValue(), 0xCBF43926);
  const c = new CRC32();
  const shared = jvm.allocateBuffer(9);
  CHECK.copy(shared);
  c['update(java.nio.ByteBuffer)'](shared);
  assert.equal(c.getValue(), 0xCBF43926);
  assert.throws(() => SharedBuffers.bumpInts(new Int16Array(2)), TypeError); // no IntBuffer from an Int16Array
  assert.throws(() => jvm.allocateBuffer(-1), RangeError);
  assert.throws(() => jvm.toBuffer({}), /java\.nio buffer/);
});

test('a real library: FileChannel reads into and writes from JS buffers, Base64 on shared memory', () => {
  const { FileChannel } = jvm.java.nio.channels;
  const { StandardOpenOption } = jvm.java.nio.file;
  const file = path.join(tempDir('buffers'), 'data.bin');
  const out = FileChannel.open(jvm.java.nio.file.Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  assert.equal(out.write(Buffer.from('hello, shared memory')), 20); // V8 memory: Java reads its copy
  out.close();
  assert.equal(fs.readFileSync(file, 'utf8'), 'hello, shared memory');
  const input = FileChannel.open(jvm.java.nio.file.Path.of(file), StandardOpenOption.READ);
  const target = jvm.allocateBuffer(64); // Java memory: Java writes into what JS reads
  const n = input.read(target);
  assert.equal(target.subarray(0, n).toString(), 'hello, shared memory');
  assert.throws(() => input.read(Buffer.alloc(8), 0), /Read-only buffer/); // no silent loss
  input.close();
  const encoded = jvm.java.util.Base64.getEncoder()['encode(java.nio.ByteBuffer)'](target.subarray(0, n));
  assert.equal(Buffer.from(encoded).toString(), Buffer.from('hello, shared memory').toString('base64'));
});

test('both sides collect their halves (--expose-gc, System.gc()): every byte is still read right', () => {
  const r = runSafely('buffers-child.js', ['gc'], { nodeArgs: ['--expose-gc'], timeout: 120_000 });
  assert.equal(r.json.ok, true, r.stdout);
  assert.equal(r.json.checked, 128);
});

// Whether this Node's markAsUntransferable makes an ArrayBuffer undetachable (a V8 detach key).
function detachKeyMarks() {
  const probe = new ArrayBuffer(1);
  require('node:worker_threads').markAsUntransferable(probe);
  try {
    probe.transfer?.();
    return false;
  } catch {
    return true;
  }
}

test('detaching shared memory in JS (structuredClone, postMessage, a byte stream, transfer()) never frees what Java reads', () => {
  const r = runSafely('buffers-child.js', ['detach'], { nodeArgs: ['--expose-gc'], timeout: 120_000 });
  const o = r.json;
  assert.equal(o.ok, true, r.stdout);
  assert.equal(o.afterStructuredClone, 4096); // untransferable: cloned, not moved
  // copied, or refused where markAsUntransferable sets a detach key (Node 26+: the package leaves
  // its mark out there, since Node's exit would crash on it: lib/streams.js)
  const refused = detachKeyMarks() ? 'refused: DataCloneError' : undefined;
  assert.equal(o.cloneIsCopy, refused ?? true);
  assert.equal(o.postMessage, refused);
  assert.equal(o.afterPostMessage, 4096);
  assert.equal(o.afterStreamEnqueue, 0); // a byte stream detaches even untransferable buffers
  assert.equal(o.chunkBytes, 4096);
  assert.match(o.passDetached, /TypeError: .*detached/);
  assert.equal(o.javaStillReads, true);
  assert.equal(o.allocatedStillReads, true);
  assert.equal(o.copyStillReads, true);
  if ('afterTransfer' in o) assert.equal(o.afterTransfer, true);
});

test('a worker that shared memory both ways ends: Java still reads all of it', () => {
  const r = runSafely('buffers-child.js', ['worker'], { nodeArgs: ['--expose-gc'], timeout: 120_000 });
  assert.deepEqual(r.json, {
    ok: true, javaReadsWorkerView: true, javaReadsWorkerMemory: true, copyArrived: true, workerSum: true,
    stillAttached: 8192, mainSeesIt: true,
  });
});

test('stream chunks handed back to Java outlive their Buffers; a chunk object kept in Java is emptied', () => {
  const r = runSafely('buffers-child.js', ['chunks'], { nodeArgs: ['--expose-gc'], timeout: 120_000 });
  assert.equal(r.json.ok, true, r.stdout);
  assert.equal(r.json.bytes, 8 << 20);
  assert.equal(r.json.javaViewsIntact, true);
  assert.equal(r.json.keptChunkState, 'capacity=0 IndexOutOfBoundsException');
  assert.equal(r.json.firstByte, 7);
});

test('without external buffers (NAPI_JAVA_COPY_BUFFERS=1, as on Electron) Java -> JS copies', () => {
  const r = runSafely('buffers-child.js', ['copy'], { env: { NAPI_JAVA_COPY_BUFFERS: '1' } });
  assert.deepEqual(r.json, { ok: true, length: 8, first: pattern(5, 2), javaUnchanged: pattern(4, 2) });
});
