'use strict';
// The JVM inside Node creates no perf data file (/tmp/hsperfdata_<user>/<pid>) and no attach
// socket (/tmp/.java_pid<pid>), so local tools neither list it nor attach to it: jcmd fails and
// the script runs on. The user's jvmOptions turn both back on (they come after the defaults).
// Each case runs in a child Node process that stays up while it is inspected.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { FIXTURES, TESTS_DIR, childEnv } = require('./helpers');

const LIMIT_MS = 60_000;

// Starts the fixture; resolves once it printed its first line: { info, finish() } where finish()
// closes its stdin and resolves with { status, signal, lines, stderr }.
function startChild(jvmOptions) {
  const proc = spawn(process.execPath, [path.join(FIXTURES, 'attach-child.js'), ...jvmOptions], {
    cwd: TESTS_DIR, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'],
  });
  const killer = setTimeout(() => proc.kill('SIGKILL'), LIMIT_MS);
  let stdout = '';
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => proc.on('exit', (status, signal) => {
    clearTimeout(killer);
    resolve({ status, signal, lines: stdout.trim().split('\n'), stderr });
  }));
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('\n') && !proc.started) {
        proc.started = true;
        resolve({ info: JSON.parse(stdout.split('\n')[0]), finish: () => { proc.stdin.end(); return exited; } });
      }
    });
    exited.then((r) => reject(new Error(`child ended before it printed: ${JSON.stringify(r)}`)));
  });
}

const perfFile = (pid) => path.join('/tmp', `hsperfdata_${os.userInfo().username}`, String(pid));

function jcmd(javaHome, pid) {
  const r = spawnSync(path.join(javaHome, 'bin', 'jcmd'), ['-J-Dsun.tools.attach.attachTimeout=3000', String(pid), 'VM.version'],
    { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('by default: no perf data file, no attach socket, jcmd cannot attach, the script runs on', async () => {
  const { info, finish } = await startChild([]);
  try {
    assert.equal(info.max, 7);
    assert.ok(!fs.existsSync(perfFile(info.pid)), perfFile(info.pid));
    assert.ok(!fs.existsSync(`/tmp/.java_pid${info.pid}`));
    const r = jcmd(info.javaHome, info.pid);
    assert.notEqual(r.status, 0, r.out);
    assert.doesNotMatch(r.out, /JDK \d/, r.out);
    assert.ok(!fs.existsSync(`/tmp/.java_pid${info.pid}`), 'no attach listener started on request either');
  } finally {
    const end = await finish();
    assert.equal(end.signal, null, JSON.stringify(end));
    assert.equal(end.status, 0, JSON.stringify(end));
    assert.equal(JSON.parse(end.lines[1]).max, 9, JSON.stringify(end));
    assert.equal(end.stderr, '');
  }
});

test("the user's jvmOptions win: -XX:+UsePerfData -XX:-DisableAttachMechanism bring both back", async () => {
  const { info, finish } = await startChild(['-XX:+UsePerfData', '-XX:-DisableAttachMechanism']);
  try {
    assert.ok(fs.existsSync(perfFile(info.pid)), perfFile(info.pid));
    const r = jcmd(info.javaHome, info.pid);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /JDK \d/, r.out);
  } finally {
    const end = await finish();
    assert.equal(end.status, 0, JSON.stringify(end));
    assert.equal(JSON.parse(end.lines[1]).quits, 0, 'jcmd attached through the socket, no SIGQUIT needed');
  }
});
