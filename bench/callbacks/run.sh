#!/usr/bin/env bash
# Callbacks, async calls and streams: node-api-java vs java-bridge (and plain Node fs streams),
# each in its own process, one after the other. Writes results-callbacks.md beside this script.
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
export JAVA_HOME
out=../target/callbacks
mkdir -p "$out/classes"
"$JAVA_HOME/bin/javac" --release 17 -d "$out/classes" CallbackTarget.java
"$JAVA_HOME/bin/jar" --create --file "$out/callbacks.jar" -C "$out/classes" bench
(cd .. && [ -d node_modules/java-bridge ] || npm install --no-audit --no-fund >/dev/null)
file=$out/stream-256MB.bin
[ -f "$file" ] || head -c $((256 * 1024 * 1024)) /dev/urandom > "$file"
node report.js "$out/classes" "$out/callbacks.jar" "$file"
