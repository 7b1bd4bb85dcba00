#!/usr/bin/env bash
# Java -> JS call figures for Java hosting Node (after a build: mvn -DskipTests package and
# scripts/setup-libnode.sh). Peers (Javet Node mode, GraalJS) are not wired in yet.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
out=$root/bench/host/target; mkdir -p "$out"
javac -d "$out" -cp "$root/runtime/target/classes" HostBench.java
java -Dnapi.java.package="$root/distribution/target/npm/node-api-java" \
  -Dnapi.java.libnode="$(ls "$root"/native/host/target/libnode/usr/lib/*/libnode.so.* | head -1)" \
  -cp "$out:$root/runtime/target/classes" HostBench
