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
  "$bench/node-java-peer.sh" "$d" "$v" "$major"
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
