'use strict';
// Java InputStream/OutputStream <-> Node Readable/Writable: bulk chunks, backpressure, checksums.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const { Readable } = require('node:stream');
const { loadJvm, tempDir, runNode, describeRun, PACKAGE, CLASSES } = require('./helpers');

const jvm = loadJvm();
const { Streams } = jvm.testcases;
const dir = tempDir('streams');

function pattern(length) {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
}

function sha256(buffer) {
  return crypto.createHash('sha256').update(buffer).digest('hex');
}

async function fileSha(file) {
  const h = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), h);
  return h.digest('hex');
}

test('a Java InputStream result is a Node Readable with the same bytes', async () => {
  const readable = Streams.bytes(3 * 1024 * 1024 + 17);
  assert.ok(readable instanceof Readable);
  const chunks = [];
  for await (const chunk of readable) chunks.push(chunk);
  const all = Buffer.concat(chunks);
  assert.equal(all.length, 3 * 1024 * 1024 + 17);
  assert.equal(sha256(all), sha256(pattern(all.length)));
});

test('a Node Readable passed as InputStream is read by Java (on a pool thread)', async () => {
  const file = path.join(dir, 'in.bin');
  fs.writeFileSync(file, crypto.randomBytes(2 * 1024 * 1024 + 5));
  const expected = `${fs.statSync(file).size}:${await fileSha(file)}`;
  assert.equal(await Streams.digestAsync(fs.createReadStream(file)), expected);
  // the same call made synchronously would make the JS thread wait for itself: a clear error
  assert.throws(() => Streams.digest(fs.createReadStream(file)), /Async variant/);
});

test('a Node Writable passed as OutputStream receives what Java writes, with backpressure', async () => {
  const file = path.join(dir, 'out.bin');
  const out = fs.createWriteStream(file, { highWaterMark: 16 * 1024 });
  // Backpressure: each Java write waits for the Writable's callback of the one before, so the
  // stream never holds more than one Java write (Streams.fill writes 64 KiB at a time) however
  // far the disk lags; without it, Java's writes would pile up in the stream's buffer.
  const JAVA_WRITE = 65536;
  let writes = 0, maxBuffered = 0;
  const write = out.write.bind(out);
  out.write = (chunk, ...rest) => {
    writes++;
    const more = write(chunk, ...rest);
    maxBuffered = Math.max(maxBuffered, out.writableLength);
    return more;
  };
  const written = await Streams.fillAsync(out, 5_000_000);
  assert.equal(written, 5_000_000);
  await new Promise((resolve) => (out.closed ? resolve() : out.on('close', resolve)));
  assert.equal(writes, Math.ceil(5_000_000 / JAVA_WRITE));
  assert.ok(maxBuffered <= JAVA_WRITE, `the Writable buffered ${maxBuffered} bytes: Java did not wait for it`);
  const data = fs.readFileSync(file);
  const expected = Buffer.alloc(5_000_000);
  for (let i = 0; i < expected.length; i++) expected[i] = i % 251;
  assert.equal(data.length, expected.length);
  assert.ok(data.equals(expected), 'every byte as Java wrote it');
});

test('a large file copied through Java (Readable -> InputStream -> OutputStream -> Writable) keeps its checksum', async () => {
  const src = path.join(dir, 'big-src.bin');
  const dst = path.join(dir, 'big-dst.bin');
  const block = crypto.randomBytes(1024 * 1024);
  const fd = fs.openSync(src, 'w');
  for (let i = 0; i < 64; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  const copied = await Streams.copyAsync(fs.createReadStream(src), fs.createWriteStream(dst));
  assert.equal(copied, 64 * 1024 * 1024);
  assert.equal(await fileSha(dst), await fileSha(src));
});

test('1 GB from a Java InputStream through a Node pipeline with flat memory', () => {
  // The baseline is taken after a 64 MB warm-up run (the JVM started, the async pool, the chunk
  // pool and the stream classes loaded), so the growth measured is the streaming's own; RSS is
  // sampled every 128 MB: flat means it does not climb with the bytes streamed.
  const script = `
    const jvm = require(${JSON.stringify(PACKAGE)});
    jvm.configure({ classpath: [${JSON.stringify(CLASSES)}] });
    const { Writable } = require('node:stream');
    const { pipeline } = require('node:stream/promises');
    const MB = 1024 * 1024;
    let maxRss = 0;
    const marks = [];
    function run(total) {
      let seen = 0, bad = 0, next = 128 * MB;
      const sink = new Writable({ write(chunk, enc, cb) {
        if (chunk[0] !== seen % 251 || chunk[chunk.length - 1] !== (seen + chunk.length - 1) % 251) bad++;
        seen += chunk.length;
        const rss = process.memoryUsage().rss;
        maxRss = Math.max(maxRss, rss);
        if (seen >= next) { marks.push(rss); next += 128 * MB; }
        cb();
      } });
      return pipeline(jvm.testcases.Streams.generated(total), sink).then(() => ({ seen, bad }));
    }
    (async () => {
      await run(64 * MB);
      const startRss = process.memoryUsage().rss;
      maxRss = startRss;
      marks.length = 0;
      const { seen, bad } = await run(1024 * MB);
      console.log(JSON.stringify({ seen, bad, growthMb: Math.round((maxRss - startRss) / MB),
        climbMb: Math.round((marks[marks.length - 1] - marks[0]) / MB), marks: marks.length }));
    })();
  `;
  const r = runNode(['-e', script], { timeout: 120_000 });
  assert.equal(r.signal, null, describeRun(r));
  assert.equal(r.status, 0, describeRun(r));
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  assert.equal(result.seen, 1024 * 1024 * 1024);
  assert.equal(result.bad, 0, 'every chunk starts and ends with the bytes Java generated there');
  assert.equal(result.marks, 8);
  // Under scripts/test-asan.sh RSS is not the bridge's: ASan keeps freed chunks in quarantine
  // (256 MB) and pads every allocation, so only the bytes are checked there. Here (JDK 17, Node 20)
  // the growth is about 27 MB and the climb from the first to the last sample about 10 MB.
  if (!process.env.NAPI_JAVA_TEST_ASAN) {
    assert.ok(result.growthMb < 128, `memory grew by ${result.growthMb} MB streaming 1 GB`);
    assert.ok(result.climbMb < 64, `memory climbed by ${result.climbMb} MB from the first 128 MB to the last`);
  }
});
