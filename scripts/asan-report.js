'use strict';
// Reads the sanitizer logs of one scripts/test-asan.sh run (log_path=<dir>/asan: one file per
// process that reported anything) and decides what counts:
// - every AddressSanitizer error (heap/stack/global overflow, use after free, double free, a
//   deadly signal or abort caught by ASan) in any process, whatever module it is in;
// - every UBSan error (only the native core is built with UBSan): it aborts, and ASan logs that
//   abort with the stack through __ubsan_handle_*; a "runtime error:" line in a log counts too;
// - leaks allocated by the native core (napi_java.node) that no other leaked block points to.
// Leak reports are filtered here, not with LSan suppressions: a suppression matches any frame of
// the allocation stack, and the core's allocations always sit on node's (and often libjvm's)
// frames, so `leak:libjvm.so` or `leak:node` would hide the core's own leaks too. Instead a leak
// is the core's when the innermost frame outside the allocator (libasan, libc) is in
// napi_java.node, direct or indirect (records that point at each other, such as a class and its
// methods, leak as a cycle of indirect leaks with no direct one). LSan cannot see pointers kept only in the Java heap or the V8 heap (both
// are mmap'ed, not malloc'ed, so LSan never scans them); the core frees what it gives them when
// their environment ends, so nothing of it may be left at exit but the blocks of NEVER_FREED.
// Usage: node scripts/asan-report.js <log dir>; prints the reports that count, then one line
// "sanitizer reports: N (...)"; exit status 1 when N > 0.
const fs = require('node:fs');
const path = require('node:path');

// Function (innermost frame of the allocation) -> why its blocks are not freed, on purpose.
// Keep this list short and explained.
const NEVER_FREED = new Map([
  ['sync_depth_new', 'an environment\'s JS -> Java call depth: Java reads it through a direct ByteBuffer, '
    + 'from any thread, even while the environment ends (4 bytes per environment; env.c)'],
]);

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) {
  console.error(`usage: node asan-report.js <log dir> (got ${dir})`);
  process.exit(2);
}

const ALLOCATOR = /\((libasan\.so|libc\.so|ld-linux-x86-64\.so)[^)]*\)\s*$/;
const OURS = /\(napi_java\.node\+0x[0-9a-f]+\)\s*$/;

// "    #1 0x7f.. in read_group src/classes.c:59 (napi_java.node+0x5b447)" -> frame
function parseFrame(line) {
  const m = /^\s*#(\d+) 0x[0-9a-f]+ (?:in (\S+))?/.exec(line);
  return m ? { line, fn: m[2] || '?', ours: OURS.test(line), allocator: ALLOCATOR.test(line) } : null;
}

const counted = [];   // { file, kind, text }
const ignored = { foreignLeaks: 0, neverFreed: 0 };
const files = fs.readdirSync(dir).sort();

for (const name of files) {
  const file = path.join(dir, name);
  const text = fs.readFileSync(file, 'utf8');
  // Split into the error reports and the leak report (LSan's, at exit).
  const leakAt = text.indexOf('ERROR: LeakSanitizer: detected memory leaks');
  const before = leakAt < 0 ? text : text.slice(0, leakAt);
  if (/ERROR: AddressSanitizer|AddressSanitizer:DEADLYSIGNAL|ERROR: LeakSanitizer: (?!detected)|runtime error:/.test(text)) {
    const kind = /__ubsan_handle_|runtime error:/.test(before) ? 'UBSan' : 'ASan';
    counted.push({ file, kind, text: before.trim() || text });
  } else if (before.replace(/^==\d+==WARNING: .*$|^=+$|^==\d+==$/mg, '').trim()) {
    counted.push({ file, kind: 'ASan (unrecognised output)', text: before });
  }
  if (leakAt < 0) continue;
  const blocks = text.slice(leakAt).split(/\n(?=(?:Direct|Indirect) leak of )/).slice(1);
  for (const block of blocks) {
    const lines = block.split('\n');
    const frames = lines.map(parseFrame).filter(Boolean);
    const site = frames.find((f) => !f.allocator);
    if (!site || !site.ours) { ignored.foreignLeaks++; continue; }
    if (NEVER_FREED.has(site.fn)) { ignored.neverFreed++; continue; }
    counted.push({ file, kind: `leak in ${site.fn}`, text: block.replace(/\n-+\s*$/, '').replace(/\nSUMMARY:[^\n]*/, '').trim() });
  }
}

// Every error in full; leaks (one bug can leak a whole structure) up to 20 blocks.
const MAX_LEAKS_SHOWN = 20;
let leaksShown = 0;
for (const r of counted) {
  if (r.kind.startsWith('leak') && leaksShown++ >= MAX_LEAKS_SHOWN) continue;
  console.error(`\n==== ${r.kind} (${r.file})\n${r.text}`);
}
if (leaksShown > MAX_LEAKS_SHOWN) console.error(`\n(${leaksShown - MAX_LEAKS_SHOWN} more leak reports of the core in ${dir})`);
const kinds = {};
for (const r of counted) {
  const k = r.kind.startsWith('leak') ? 'leak' : r.kind;
  kinds[k] = (kinds[k] || 0) + 1;
}
const detail = Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ');
console.log(`sanitizer reports: ${counted.length}${detail ? ` (${detail})` : ''}; not counted: ` +
  `${ignored.foreignLeaks} leaks of node/V8/the JVM, ${ignored.neverFreed} never freed on purpose (${[...NEVER_FREED.keys()]}); ` +
  `${files.length} log files in ${dir}`);
process.exit(counted.length > 0 ? 1 : 0);
