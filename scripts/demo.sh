#!/usr/bin/env bash
# Fresh machine -> running demo: builds the npm package, installs it into demo/target/app like a
# user would (npm install of the .tgz), fetches a real jar (commons-lang3) and runs demo/demo.js.
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
rm -rf "$app" && mkdir -p "$app/jars"
quiet env JAVA_HOME="$JDK17" mvn -B -ntp -q -Dstyle.color=never dependency:copy \
  -Dartifact=org.apache.commons:commons-lang3:3.14.0 -DoutputDirectory="$root/$app/jars"
(cd "$app" && npm init -y >/dev/null && npm install --no-audit --no-fund "$root/$tgz" >/dev/null)
cp demo/demo.js "$app/"
cd "$app" && JAVA_HOME=$JDK17 node demo.js
