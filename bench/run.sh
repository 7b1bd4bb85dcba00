#!/usr/bin/env bash
# One benchmark run: node-api-java vs java-bridge vs node-java vs a hand-written JNI addon
# ("limit") vs pure JS, on the same cases. Prints a markdown table and updates bench/results.md.
#
#   bench/run.sh                                                 # JDK from JAVA_HOME, else `java` on PATH
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh     # another JDK
#   bench/run.sh --quick                                         # shorter batches (smoke test)
#   bench/run.sh --only=limit,java-bridge                        # some columns (results.md untouched)
#
# Env: BENCH_BUILD=1 also builds node-api-java first (`mvn -DskipTests package` at the repo root);
#      NODE_JAVA_VERSIONS="5.0.1 0.18.0" node-java releases to try, in order (first that builds is
#      measured); BENCH_RETRY_PEERS=1 retries node-java builds whose outcome is cached.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench")
cd "$bench"

# --- JDK -----------------------------------------------------------------------------------------
if [[ -z "${JAVA_HOME:-}" ]]; then
  java_bin=$(command -v java || true)
  [[ -n "$java_bin" ]] || { echo "run.sh: set JAVA_HOME or put java on PATH" >&2; exit 1; }
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
fi
export JAVA_HOME
[[ -x "$JAVA_HOME/bin/java" && -f "$JAVA_HOME/include/jni.h" ]] || {
  echo "run.sh: $JAVA_HOME is not a JDK (needs bin/java and include/jni.h)" >&2; exit 1; }
javac="$JAVA_HOME/bin/javac"; [[ -x "$javac" ]] || javac=javac
jar="$JAVA_HOME/bin/jar"; [[ -x "$jar" ]] || jar=jar
major=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java.specification.version = //p')
echo "[bench] JDK $major at $JAVA_HOME" >&2

# --- bench class -----------------------------------------------------------------------------------
rm -rf target/classes
mkdir -p target/classes
"$javac" --release 17 -d target/classes java/bench/BenchTarget.java
"$jar" --create --file target/bench.jar -C target/classes bench

# --- limit addon ---------------------------------------------------------------------------------
make -s -C limit JAVA_HOME="$JAVA_HOME"

# --- npm peers -------------------------------------------------------------------------------------
# No lockfile is kept (it would record registry addresses); the version is pinned in package.json.
if [[ ! -f node_modules/java-bridge/package.json ]] ||
   [[ "$(node -p "require('./node_modules/java-bridge/package.json').version")" != "2.8.0" ]]; then
  echo "[bench] npm install (java-bridge 2.8.0) ..." >&2
  timeout 300 npm install --no-audit --no-fund --no-package-lock >&2 ||
    echo "[bench] npm install failed: the java-bridge column will show the error" >&2
fi

# node-java needs node-gyp and a C++ build against Node's headers (/usr/include/node here, so no
# header download). Built once per JDK major (it links that JDK's libjvm); outcome cached.
peers="$bench/peers/jdk-$major"
mkdir -p "$peers"
for v in ${NODE_JAVA_VERSIONS:-5.0.1 0.18.0}; do
  d="$peers/java-$v"
  if [[ -f "$d/outcome.json" && "${BENCH_RETRY_PEERS:-0}" != 1 ]]; then
    if grep -q '"ok": *true' "$d/outcome.json"; then break; else continue; fi
  fi
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
  if grep -q '"ok": *true' "$d/outcome.json"; then break; fi
done

# --- node-api-java (ours) ---------------------------------------------------------------------------
if [[ "${BENCH_BUILD:-0}" == 1 ]]; then
  (cd "$repo" && mvn -q -DskipTests package) >&2 ||
    echo "[bench] mvn package failed: the node-api-java column will show the error" >&2
fi
[[ -d "$repo/distribution/target/npm/node-api-java" ]] ||
  echo "[bench] note: $repo/distribution/target/npm/node-api-java missing (build with" \
       "'mvn -DskipTests package' or BENCH_BUILD=1); its column will show the error" >&2

exec node run.js "$@"
