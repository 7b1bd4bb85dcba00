#!/usr/bin/env bash
# Values: iterating a 100k-element Java List and Map from JS, list index access, in one run:
# node-api-java's ways (for...of, list[i], get(i), toArray() copies) and the peers' (java-bridge,
# node-java), each implementation in its own process. Writes results.md beside this script.
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
export JAVA_HOME
out=../target/values
mkdir -p "$out/classes"
"$JAVA_HOME/bin/javac" --release 17 -d "$out/classes" ValueTarget.java
"$JAVA_HOME/bin/jar" --create --file "$out/values.jar" -C "$out/classes" bench
(cd .. && [ -d node_modules/java-bridge ] || npm install --no-audit --no-fund >/dev/null)
node report.js "$out/classes" "$out/values.jar"
