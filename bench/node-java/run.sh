#!/usr/bin/env bash
# node-java's call patterns through require('node-api-java/node-java') vs node-java itself (npm
# `java` 0.18.0, the newest release that builds against Node 20's headers), one process per
# implementation, interleaved rounds. Prints a table and replaces the node-java section of
# bench/results.md.
#
#   bench/node-java/run.sh [--quick] [--rounds=N]      # JDK from JAVA_HOME, else `java` on PATH
#
# Env: NODE_JAVA_VERSION (default 0.18.0); BENCH_RETRY_PEERS=1 rebuilds the peer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
repo=$(dirname "$bench")
if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
export JAVA_HOME
major=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
classes="$bench/target/node-java/classes"
rm -rf "$classes" && mkdir -p "$classes"
"$JAVA_HOME/bin/javac" --release 17 -d "$classes" "$bench/java/bench/BenchTarget.java"

v=${NODE_JAVA_VERSION:-0.18.0}
peer="$bench/peers/jdk-$major/java-$v"
if [[ ! -f "$peer/outcome.json" || "${BENCH_RETRY_PEERS:-0}" == 1 ]]; then
  "$bench/node-java-peer.sh" "$peer" "$v" "$major"
fi
[[ -d "$repo/distribution/target/npm/node-api-java" ]] ||
  echo "[bench] $repo/distribution/target/npm/node-api-java missing: build with 'mvn -DskipTests package'" >&2
exec node "$here/report.js" "$classes" "$peer" "$@"
