#!/usr/bin/env node
'use strict';
// Driver: runs every implementation in its own child process (two JVMs cannot share a process),
// warm cases once per implementation, cold start in fresh processes (median of 3), then prints a
// markdown table and writes it into results.md (one section per JDK major version).
// node-api-java's cold start is measured twice: with its start-up cache (a CDS archive, see
// runtime/src/main/js/lib/startup-cache.js) trained beforehand, the steady state (npm install
// trains it), and without it (empty cache folder: it starts the trainer in the background, which is
// waited for before the next measurement).
//
//   node run.js [--quick] [--only=node-api-java,limit,...] [--cold-runs=3] [--rounds=2]
//
// Normally started by run.sh, which builds what this needs and sets JAVA_HOME.

const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { CASES } = require('./workers/harness');
const { readSection, replaceSection } = require('./results-section');
const { compare } = require('./regressions');

const BENCH = __dirname;
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, dflt) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const quick = flag('quick') || process.env.BENCH_QUICK === '1';
const only = opt('only', '') ? opt('only', '').split(',') : null;
const coldRuns = Number(opt('cold-runs', quick ? 1 : 3));
const rounds = Math.max(1, Number(opt('rounds', quick ? 1 : 2)));
const WARM_TIMEOUT_MS = 300000;
const COLD_TIMEOUT_MS = 60000;
const TRAIN_TIMEOUT_MS = 60000;
// node-api-java's start-up cache folders: the trained one, and an empty one per run without it
const STARTUP_CACHE = path.join(BENCH, 'target', 'startup-cache');
const FIRST_RUN_CACHE = path.join(BENCH, 'target', 'startup-cache-first-run');
// Warm runs measure steady state, not this VM's page faults. Measured without these: a growing
// Java heap is first-touched for thousands of calls (10 KB echo 10-40 us depending on the
// region), AlwaysPreTouch alone stalls seconds whenever G1 expands the heap, and glibc returning
// freed 1 MiB ArrayBuffers to the kernel made the byte[] row vary 3x between runs. So every
// implementation's warm run gets the same fixed, pre-touched heap and the same malloc tunables;
// cold runs get nothing. The -D marker lets workers prove their JVM received the options.
const WARM_JVM_OPTIONS = process.env.BENCH_JVM_OPTIONS_OVERRIDE !== undefined
  ? process.env.BENCH_JVM_OPTIONS_OVERRIDE
  : '-Xms512m -Xmx512m -XX:+AlwaysPreTouch -Dbench.jvmopts=applied';
const WARM_GLIBC_TUNABLES = process.env.BENCH_GLIBC_TUNABLES_OVERRIDE !== undefined
  ? process.env.BENCH_GLIBC_TUNABLES_OVERRIDE
  : 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824';

// ---------------------------------------------------------------- environment ----------------

function resolveJavaHome() {
  if (process.env.JAVA_HOME) return process.env.JAVA_HOME;
  try {
    const java = execFileSync('sh', ['-c', 'readlink -f "$(command -v java)"']).toString().trim();
    return path.dirname(path.dirname(java));
  } catch {
    return '';
  }
}

function jdkDescription(javaHome) {
  try {
    const r = spawnSync(path.join(javaHome, 'bin', 'java'), ['-version'], { encoding: 'utf8' });
    const lines = (r.stderr || '').trim().split('\n');
    const m = /version "([^"]+)"/.exec(lines[0] || '');
    const version = m ? m[1] : 'unknown';
    const major = version.startsWith('1.') ? version.split('.')[1] : version.split(/[.+-]/)[0];
    return { version, major, runtime: (lines[1] || '').trim(), vm: (lines[2] || '').trim() };
  } catch (e) {
    return { version: 'unknown', major: 'unknown', runtime: String(e.message), vm: '' };
  }
}

function cpuModel() {
  try {
    const m = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? m[1].trim() : os.cpus()[0].model;
  } catch {
    return os.cpus()[0] ? os.cpus()[0].model : 'unknown';
  }
}

// node-java attempts are made by run.sh; each leaves peers/jdk-<major>/java-<v>/outcome.json.
function nodeJavaAttempts(major) {
  const dir = path.join(BENCH, 'peers', `jdk-${major}`);
  const order = (process.env.NODE_JAVA_VERSIONS || '5.0.1 0.18.0').split(/\s+/).filter(Boolean);
  const out = [];
  for (const v of order) {
    const f = path.join(dir, `java-${v}`, 'outcome.json');
    if (!fs.existsSync(f)) continue;
    try {
      out.push(JSON.parse(fs.readFileSync(f, 'utf8')));
    } catch (e) {
      out.push({ version: v, ok: false, error: `unreadable outcome.json: ${e.message}` });
    }
  }
  return out;
}

// CPU time (s) used by the whole machine, and by this process plus its waited-for children: the
// difference over a run is what other processes took while we measured (a noise indicator).
function cpuSeconds() {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7]; // user nice system irq softirq steal
    const self = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number); // f[0] is field 3
    const mine = f[11] + f[12] + f[13] + f[14]; // utime stime cutime cstime
    return { machine: busy / 100, mine: mine / 100 };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- running workers ------------

function runWorker(script, mode, env, timeout) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(BENCH, 'workers', script), mode], {
    cwd: BENCH,
    env,
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
    killSignal: 'SIGKILL',
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('@@RESULT@@'));
  if (line) {
    const res = JSON.parse(line.slice('@@RESULT@@'.length));
    res.wallMs = wallMs;
    return res;
  }
  const why = r.error && r.error.code === 'ETIMEDOUT'
    ? `timed out after ${timeout / 1000} s`
    : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
  const stderr = (r.stderr || '').trim().split('\n').filter(Boolean);
  // hs_err / fatal lines first: they say more than the last line
  const firstErr = stderr.find((l) => /error|fatal|SIGSEGV|exception/i.test(l)) || stderr[0] || '';
  return { fatal: `${why}${firstErr ? `: ${firstErr.slice(0, 300)}` : ''}`, wallMs };
}

function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Waits until no start-up cache trainer runs in `dir` (its lock file is gone); false on timeout.
function waitForTrainer(dir) {
  const deadline = Date.now() + TRAIN_TIMEOUT_MS;
  while (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.lock'))) {
    if (Date.now() > deadline) return false;
    sleepMs(50);
  }
  return true;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---------------------------------------------------------------- formatting -----------------

function fmtNs(ns) {
  if (ns < 100) return ns.toFixed(1);
  return Math.round(ns).toLocaleString('en-US');
}

function fmtRatio(a, b) {
  if (!(a > 0) || !(b > 0)) return '—';
  const r = a / b;
  return `${r < 10 ? r.toFixed(2) : r < 100 ? r.toFixed(1) : Math.round(r).toLocaleString('en-US')}×`;
}

// ---------------------------------------------------------------- main -----------------------

function main() {
  const javaHome = resolveJavaHome();
  const jdk = jdkDescription(javaHome);
  const started = new Date();
  const loadStart = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const baseEnv = {
    ...process.env,
    JAVA_HOME: javaHome,
    BENCH_JAVA_HOME: javaHome,
    BENCH_CLASSES: path.join(BENCH, 'target', 'classes'),
    BENCH_JAR: path.join(BENCH, 'target', 'bench.jar'),
    BENCH_QUICK: quick ? '1' : '0',
  };
  delete baseEnv.NAPI_JAVA_JVM_OPTIONS; // same JVM options for everyone: only BENCH_JVM_OPTIONS

  const notes = [];
  const note = (text) => {
    const i = notes.indexOf(text);
    if (i >= 0) return i + 1;
    notes.push(text);
    return notes.length;
  };

  // Implementations (columns), in table order.
  const impls = [
    { id: 'node-api-java', script: 'node-api-java.js', label: 'node-api-java', env: { NAPI_JAVA_STARTUP_CACHE: STARTUP_CACHE } },
    { id: 'java-bridge', script: 'java-bridge.js', label: 'java-bridge 2.8.0' },
  ];
  const attempts = nodeJavaAttempts(jdk.major);
  const built = attempts.find((a) => a.ok);
  const buildNotes = attempts.map((a) => (a.ok
    ? `\`java@${a.version}\` (node-java): built with \`npm_config_nodedir=/usr npm install\`${built === a ? ' and measured' : ''}.`
    : `\`java@${a.version}\` (node-java): did not build: ${a.error}`));
  if (built) {
    impls.push({
      id: 'node-java', script: 'node-java.js', label: `java ${built.version} (node-java)`,
      env: { BENCH_NODE_JAVA_PATH: built.path },
    });
  } else {
    impls.push({ id: 'node-java', label: 'java (node-java)', skipped: attempts.length
      ? 'no release built (see notes)' : 'not attempted (run.sh builds it into peers/)' });
  }
  impls.push({ id: 'limit', script: 'limit.js', label: 'limit (C, JNI)' });
  impls.push({ id: 'js', script: 'js.js', label: 'pure JS' });

  // Warm passes: `rounds` passes over all implementations (alternating order); a cell is the
  // best (lowest) of the per-pass medians. This VM has phases of seconds in which everything,
  // even the C limit, runs 1.5-2x slower; the minimum over passes filters them out.
  // Then cold starts, interleaved across implementations.
  const cpu0 = cpuSeconds();
  const wall0 = Date.now();
  const results = {};
  const active = [];
  for (const impl of impls) {
    if (only && !only.includes(impl.id)) impl.skipped = impl.skipped || 'not selected (--only)';
    if (impl.skipped) console.error(`[bench] ${impl.id}: skipped: ${impl.skipped}`);
    else {
      active.push(impl);
      results[impl.id] = { passes: [], cold: [], coldErrors: [], coldFirst: [] };
    }
  }
  const envOf = (impl) => ({ ...baseEnv, ...(impl.env || {}) });
  // node-api-java's start-up cache, trained before anything is measured (its trainer would
  // otherwise compete for the CPU): one unmeasured start, then the background training.
  const ours = active.find((impl) => impl.id === 'node-api-java');
  if (ours) {
    console.error('[bench] node-api-java: training its start-up cache ...');
    runWorker(ours.script, 'cold', { ...envOf(ours), BENCH_JVM_OPTIONS: '' }, COLD_TIMEOUT_MS);
    if (!waitForTrainer(STARTUP_CACHE)) console.error('[bench] node-api-java: start-up cache training timed out');
  }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...active].reverse() : active;
    for (const impl of order) {
      if (round > 0 && results[impl.id].passes[0].fatal) continue; // failed to load: once is enough
      console.error(`[bench] ${impl.id}: warm cases, pass ${round + 1}/${rounds} ...`);
      const env = envOf(impl);
      const warmEnv = { ...env, BENCH_JVM_OPTIONS: WARM_JVM_OPTIONS };
      if (WARM_GLIBC_TUNABLES) {
        warmEnv.GLIBC_TUNABLES = [env.GLIBC_TUNABLES, WARM_GLIBC_TUNABLES].filter(Boolean).join(':');
      }
      const warm = runWorker(impl.script, 'warm', warmEnv, WARM_TIMEOUT_MS);
      if (warm.fatal) console.error(`[bench] ${impl.id}: FAILED: ${warm.fatal}`);
      results[impl.id].passes.push(warm);
    }
  }
  for (let k = 0; k < coldRuns; k++) {
    for (const impl of active) {
      console.error(`[bench] ${impl.id}: cold start ${k + 1}/${coldRuns} ...`);
      const c = runWorker(impl.script, 'cold', { ...envOf(impl), BENCH_JVM_OPTIONS: '' }, COLD_TIMEOUT_MS);
      if (c.fatal) results[impl.id].coldErrors.push(c.fatal);
      else results[impl.id].cold.push(c);
      if (impl === ours) {
        console.error(`[bench] ${impl.id}: cold start ${k + 1}/${coldRuns}, without the start-up cache ...`);
        fs.rmSync(FIRST_RUN_CACHE, { recursive: true, force: true });
        const first = runWorker(impl.script, 'cold',
          { ...envOf(impl), BENCH_JVM_OPTIONS: '', NAPI_JAVA_STARTUP_CACHE: FIRST_RUN_CACHE }, COLD_TIMEOUT_MS);
        if (first.fatal) results[impl.id].coldErrors.push(first.fatal);
        else results[impl.id].coldFirst.push(first);
        waitForTrainer(FIRST_RUN_CACHE); // its background training must not slow the next measurement
      }
    }
  }
  fs.rmSync(FIRST_RUN_CACHE, { recursive: true, force: true });
  // Merge passes: the first pass that loaded gives info/notes; per case the lowest median, and
  // an error only when no pass produced a number.
  for (const impl of active) {
    const r = results[impl.id];
    const ok = r.passes.filter((p) => !p.fatal);
    if (!ok.length) {
      r.warm = r.passes[0];
      continue;
    }
    const merged = { ...ok[0], results: {}, errors: {}, resultNotes: {} };
    for (const c of CASES) {
      const got = ok.map((p) => p.results && p.results[c.id]).filter(Boolean);
      if (got.length) {
        const best = got.reduce((a, b) => (b.ns < a.ns ? b : a));
        merged.results[c.id] = { ...best, passMedians: got.map((g) => g.ns) };
      } else {
        const err = ok.map((p) => p.errors && p.errors[c.id]).find(Boolean);
        if (err) merged.errors[c.id] = err;
      }
      const note = ok.map((p) => p.resultNotes && p.resultNotes[c.id]).find(Boolean);
      if (note) merged.resultNotes[c.id] = note;
    }
    r.warm = merged;
  }

  const cpu1 = cpuSeconds();
  const wallS = (Date.now() - wall0) / 1000;
  const otherCpu = cpu0 && cpu1 ? Math.max(0, (cpu1.machine - cpu0.machine) - (cpu1.mine - cpu0.mine)) : null;
  const noisy = otherCpu !== null && otherCpu / wallS > 0.1;
  if (noisy) console.error(`[bench] WARNING: other processes used ${otherCpu.toFixed(0)} CPU-s during the run`);

  // ---- table
  const header = ['case', ...impls.map((i) => i.label)];
  const ratioDefs = [
    { label: 'java-bridge / node-api-java', a: 'java-bridge', b: 'node-api-java' },
    ...(built ? [{ label: 'node-java / node-api-java', a: 'node-java', b: 'node-api-java' }] : []),
    { label: 'node-api-java / limit', a: 'node-api-java', b: 'limit' },
  ];
  header.push(...ratioDefs.map((r) => r.label));

  const value = (implId, caseId) => {
    const r = results[implId];
    if (!r || r.warm.fatal) return undefined;
    const m = r.warm.results && r.warm.results[caseId];
    return m ? m.ns : undefined;
  };
  const coldValue = (implId, first) => {
    const r = results[implId];
    const runs = r && (first && r.coldFirst.length ? r.coldFirst : r.cold);
    return runs && runs.length ? median(runs.map((c) => c.coldMs)) : undefined;
  };

  const rows = [];
  for (const c of CASES) {
    const row = [c.label];
    for (const impl of impls) {
      const r = results[impl.id];
      if (impl.skipped) row.push('—');
      else if (r.warm.fatal) row.push(`failed [${note(`${impl.label}: ${r.warm.fatal}`)}]`);
      else if (r.warm.errors && r.warm.errors[c.id]) {
        row.push(`error [${note(`${impl.label}, ${c.label}: ${r.warm.errors[c.id]}`)}]`);
      } else if (r.warm.results[c.id]) row.push(fmtNs(r.warm.results[c.id].ns));
      else row.push('—');
    }
    for (const rd of ratioDefs) row.push(fmtRatio(value(rd.a, c.id), value(rd.b, c.id)));
    rows.push(row);
  }
  // Two cold rows: node-api-java with its start-up cache trained (steady state: npm install trains
  // it), and without it (no archive yet: install scripts skipped, or a new JDK). The other columns
  // have no such cache: both rows show their one set of cold runs.
  const coldRows = [
    [`cold start: require + JVM + first call (ms, median of ${coldRuns}; node-api-java with its start-up cache trained)`, false],
    ['cold start without the start-up cache (install scripts skipped, or the first run after a JDK change; other columns: same runs as above)', true],
  ];
  for (const [label, first] of coldRows) {
    const coldRow = [label];
    for (const impl of impls) {
      const r = results[impl.id];
      const v = coldValue(impl.id, first);
      if (impl.skipped) coldRow.push('—');
      else if (v !== undefined) coldRow.push(`${v.toFixed(v < 10 ? 2 : 0)} ms`);
      else coldRow.push(`failed [${note(`${impl.label}, cold start: ${r.coldErrors[0]}`)}]`);
    }
    for (const rd of ratioDefs) coldRow.push(fmtRatio(coldValue(rd.a, first), coldValue(rd.b, first)));
    rows.push(coldRow);
  }

  const table = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

  // ---- notes: inputs, versions actually run, build outcomes, skipped columns
  const details = [];
  for (const impl of impls) {
    const r = results[impl.id];
    if (impl.skipped) {
      details.push(`- ${impl.label}: ${impl.skipped}.`);
      continue;
    }
    if (r.warm.fatal) continue;
    const info = r.warm.info || {};
    const bits = [];
    if (info.javaVersion) bits.push(`ran on Java ${info.javaVersion}`);
    if (info.benchProp !== undefined && info.benchProp !== 'applied' && WARM_JVM_OPTIONS) {
      bits.push('warm-run JVM options NOT applied');
    }
    if (info.jvmStartMs) bits.push(`JNI_CreateJavaVM ${info.jvmStartMs.toFixed(0)} ms`);
    if (r.coldFirst.length) {
      // what the cold runs really were: the cache's status as each run reported it
      const statuses = (runs) => {
        const counts = new Map();
        for (const c of runs) {
          const status = (c.info && c.info.startupCache) || '?';
          counts.set(status, (counts.get(status) || 0) + 1);
        }
        return [...counts].map(([status, n]) => `${status} ×${n}`).join(', ');
      };
      bits.push(`start-up cache in the cold runs: ${statuses(r.cold)}; in the runs without it: ${statuses(r.coldFirst)}`);
    }
    const inputs = Object.entries(r.warm.inputNotes || {})
      .map(([k, v]) => `${(CASES.find((c) => c.id === k) || { label: k }).label}: ${v}`);
    if (inputs.length) bits.push(inputs.join('; '));
    for (const [k, v] of Object.entries(r.warm.resultNotes || {})) {
      bits.push(`${(CASES.find((c) => c.id === k) || { label: k }).label} ${v}`);
    }
    details.push(`- ${impl.label}: ${bits.join('; ')}.`);
  }

  const when = started.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const section = [
    `## JDK ${jdk.major}: ${jdk.version}`,
    '',
    `${when}; Node ${process.version}; ${jdk.runtime || jdk.version} (${javaHome}); ` +
      `${os.cpus().length} cores (nproc), ${cpuModel()}; ${quick ? 'QUICK run (fewer, shorter batches)' : 'full run'}; ` +
      `load average ${loadStart} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.`,
    '',
    `ns per call (median of timed batches after warm-up, best of ${rounds} pass${rounds > 1 ? 'es' : ''}), cold start in ms. Lower is better; ` +
      'ratios > 1× mean the left one is slower.',
    '',
    table,
    '',
    ...(notes.length ? ['Errors:', '', ...notes.map((n, i) => `${i + 1}. ${n}`), ''] : []),
    'Details:',
    '',
    ...details,
    ...buildNotes.map((b) => `- ${b}`),
    ...(otherCpu === null ? [] : [`- Other processes on the machine used ${otherCpu.toFixed(1)} CPU-seconds during ` +
      `the ${wallS.toFixed(0)} s run (${((100 * otherCpu) / wallS).toFixed(0)} % of one core)` +
      `${noisy ? ': **numbers are disturbed; rerun on a quiet machine**' : ''}.`]),
    `- Warm runs (same for every column): JVM options \`${WARM_JVM_OPTIONS || '(none)'}\`, ` +
      `\`GLIBC_TUNABLES=${WARM_GLIBC_TUNABLES || '(unset)'}\` (steady state instead of this VM's ` +
      'page faults, see run.js). Cold runs: defaults, nothing added.',
    `- Each number: warm-up (>= ${quick ? 100 : 300} ms, and 20-50 calls for the array rows), then ` +
      `${quick ? '5 batches of ~40' : '7 batches of ~100'} ms; the median batch; the lowest of ` +
      `${rounds} pass${rounds > 1 ? 'es (each a fresh process per implementation, passes interleaved)' : ''}. ` +
      'Every implementation runs in its own process, one at a time.',
    '',
  ].join('\n');

  console.log(section);

  // raw numbers for whoever wants more than the table
  fs.mkdirSync(path.join(BENCH, 'target'), { recursive: true });
  fs.writeFileSync(path.join(BENCH, 'target', `results-jdk${jdk.major}${only ? '-partial' : ''}.json`),
    JSON.stringify({ date: started.toISOString(), node: process.version, jdk, javaHome, quick, rounds,
      otherCpuSeconds: otherCpu, wallSeconds: wallS, results }, null, 2));

  // A quick run is a check, not a record: it is compared with the recorded full run (the exit code
  // stays 0; flagged rows are printed), and results.md keeps the full run.
  if (quick) {
    for (const line of compare(readSection(`jdk-${jdk.major}`), header, rows)) console.log(line);
  }
  if (!only && !quick) writeResultsMd(jdk.major, section);
  else console.error(`[bench] ${quick ? '--quick' : '--only'} given: results.md left unchanged`);
}

// results.md keeps one section per JDK major; a run replaces its own section only.
function writeResultsMd(major, section) {
  const file = replaceSection(`jdk-${major}`, section);
  console.error(`[bench] wrote ${path.relative(process.cwd(), file) || file}`);
}

main();
