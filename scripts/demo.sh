#!/usr/bin/env bash
# Fresh machine -> running demo: builds the npm package, installs it into demo/target/app like a
# user would (npm install of the .tgz), adds a real Maven library (commons-lang3) with
# `npx napi-java add` and runs demo/demo.js.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdks.sh
root=$(pwd)

# The build's own output (make's and gcc's lines, Maven's colour resets) goes to a log, shown only
# when a step fails: the demo prints what the demo does.
mkdir -p demo/target
log=demo/target/build.log
quiet() {
  "$@" > "$log" 2>&1 || { cat "$log"; echo "demo: failed: $* (log: $log)" >&2; exit 1; }
}
echo "building the npm package (mvn package; log: $log)"
quiet env JAVA_HOME="$JDK17" mvn -B -ntp -q -Dstyle.color=never -DskipTests package
tgz=$(ls distribution/target/node-api-java-*.tgz | head -n 1)

app=demo/target/app
rm -rf "$app" && mkdir -p "$app"
(cd "$app" && npm init -y >/dev/null && npm install --no-audit --no-fund "$root/$tgz" >/dev/null)
cd "$app"
# what a Node user types: the jar and its dependencies from Maven Central into the project
echo "npx napi-java add org.apache.commons:commons-lang3:3.14.0"
JAVA_HOME=$JDK17 npx napi-java add org.apache.commons:commons-lang3:3.14.0 --no-typings
cp "$root/demo/demo.js" .
JAVA_HOME=$JDK17 node demo.js
