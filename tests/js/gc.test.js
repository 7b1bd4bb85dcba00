'use strict';
// GC release: objects JS drops are released on the Java side (napi finalizers), identity maps
// stay weak. Runs in a child with --expose-gc.

const test = require('node:test');
const assert = require('node:assert/strict');
const { runFixture, describeRun } = require('./helpers');

test('dropped wrappers release their Java objects; held ones stay', () => {
  const r = runFixture('gc-child.js', [], { nodeArgs: ['--expose-gc'] });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  const out = r.json;
  assert.ok(out, describeRun(r));
  // stats() counted the 20k objects (plus the probes) while they were referenced.
  assert.ok(out.peakAboveBase >= 20_000, `peak ${out.peakAboveBase} above base`);
  assert.equal(out.released, true, `not released: ${JSON.stringify(out)}`);
  assert.ok(out.afterAboveBase <= 10, `liveObjects still ${out.afterAboveBase} above base`);
  // The Java-side WeakReference was cleared: the JS side let go of the Java object.
  assert.equal(out.droppedCollected, true);
  assert.equal(out.lastCreatedCollected, true);
  // ...but not for the object JS still holds.
  assert.equal(out.heldCollected, false);
  assert.equal(out.heldStillWorks, true);
  assert.equal(out.identityAfterGc, true);
  assert.ok(out.churnAboveBase <= 10, `churn left ${out.churnAboveBase} above base`);
});

test('a late finalizer of a collected wrapper leaves the newer wrapper of the same object its identity', () => {
  const r = runFixture('gc-late-finalizer-child.js', [], { nodeArgs: ['--expose-gc'], timeout: 120_000 });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  assert.deepEqual(r.json, { lost: 0, wrong: 0, size: 2000 }, describeRun(r));
});
