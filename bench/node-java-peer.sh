#!/usr/bin/env bash
# Builds one node-java release (npm `java`) from the npm registry into a peer folder and records
# whether it works in <dir>/outcome.json ({ version, ok, error, path }). node-java needs node-gyp and
# a C++ build against Node's headers (/usr/include/node here, so no header download); it links the
# libjvm of $JAVA_HOME, so a folder serves one JDK major. Used by run.sh and node-java/run.sh.
#
#   node-java-peer.sh <dir> <version> <jdk major>
set -euo pipefail
d=$1; v=$2; major=$3
rm -rf "$d"; mkdir -p "$d"
echo '{ "name": "node-java-peer", "private": true }' > "$d/package.json"
echo "[bench] trying to build java@$v (node-java) for JDK $major (up to 5 min) ..." >&2
set +e
(cd "$d" && npm_config_nodedir=/usr timeout 300 npm install --no-audit --no-fund \
   --no-package-lock "java@$v" > install.log 2>&1)
rc=$?
set -e
node - "$d" "$v" "$rc" <<'EOF'
const fs = require('fs');
const [dir, version, rc] = process.argv.slice(2);
const mod = `${dir}/node_modules/java`;
let ok = false, error = '';
if (rc === '0') {
  const r = require('child_process').spawnSync(process.execPath, ['-e',
    `const j = require(${JSON.stringify(mod)}); ` +
    "const r = j.callStaticMethodSync('java.lang.Math', 'max', 3, 7); process.stdout.write(String(r)); process.exit(0)"],
    { encoding: 'utf8', timeout: 60000 });
  ok = r.stdout === '7';
  if (!ok) error = `built, but Math.max(3,7) failed: ${(r.stderr || r.error || '').toString().split('\n').find(Boolean) || 'no output'}`;
} else {
  const log = fs.existsSync(`${dir}/install.log`) ? fs.readFileSync(`${dir}/install.log`, 'utf8') : '';
  const lines = log.split('\n').map((l) => l.replace(/^npm (error|ERR!) /, '').trim());
  const first = lines.find((l) => /\berror\b/.test(l) && !/^gyp ERR!|^code |^command /.test(l)) || lines.find(Boolean) || '';
  error = `${rc === '124' ? 'npm install timed out; ' : ''}\`${first.replace(/`/g, "'").slice(0, 240)}\``;
  const dep = /npm warn deprecated java@[^:]+: (.*)/.exec(log);
  if (dep) error += ` (npm: "${dep[1].trim()}")`;
}
fs.writeFileSync(`${dir}/outcome.json`, JSON.stringify({ version, ok, error, path: mod }, null, 2));
console.error(`[bench] java@${version}: ${ok ? 'built' : `did not build: ${error}`}`);
EOF
