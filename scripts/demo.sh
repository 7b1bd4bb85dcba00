#!/usr/bin/env bash
# Fresh machine -> running demo: builds the npm package, installs it into demo/target/app like a
# user would (npm install of the .tgz), fetches a real jar (commons-lang3) and runs demo/demo.js.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdks.sh
root=$(pwd)

JAVA_HOME=$JDK17 mvn -B -ntp -q -DskipTests package
tgz=$(ls distribution/target/node-api-java-*.tgz | head -n 1)

app=demo/target/app
rm -rf "$app" && mkdir -p "$app/jars"
JAVA_HOME=$JDK17 mvn -B -ntp -q dependency:copy -Dartifact=org.apache.commons:commons-lang3:3.14.0 \
  -DoutputDirectory="$root/$app/jars"
(cd "$app" && npm init -y >/dev/null && npm install --no-audit --no-fund "$root/$tgz" >/dev/null)
cp demo/demo.js "$app/"
cd "$app" && JAVA_HOME=$JDK17 node demo.js
