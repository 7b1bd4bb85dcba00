#!/usr/bin/env bash
# bench/exports: a Node.js module written in Java (@JSExport) in one run, side by side:
#   exported  the module as its users call it (npm-installed tgz of napi-java pack, generated glue)
#   dynamic   the same jar and methods through jvm.load + jvm.import (reflection, no glue)
#   limit     the hand-written Node-API + JNI addon (bench/limit) on bench.BenchTarget (same bodies)
# Warm calls (the shared harness, best of PASSES interleaved passes) and module load time (require to
# first call, fresh processes, start-up caches trained first). Prints a table; replaces this JDK's
# exports section of bench/results.md.
#   bench/exports/run.sh [--quick]        JDK: $JAVA_HOME, else `java` on PATH. Needs `mvn -DskipTests package`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=$(dirname "$here")
repo=$(dirname "$bench")
cd "$here"
if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
export JAVA_HOME
runtime="$repo/runtime/target/napi-java-runtime.jar"
processor=$(ls "$repo"/processor/target/napi-java-processor-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
mustache=$(ls "$HOME"/.m2/repository/com/github/spullara/mustache/java/compiler/*/compiler-*.jar 2>/dev/null | head -1 || true)
tgz=$(ls "$repo"/distribution/target/node-api-java-*.tgz 2>/dev/null | tail -1 || true)
for f in "$runtime" "$processor" "$mustache" "$tgz"; do
  [[ -n "$f" && -f "$f" ]] || { echo "exports/run.sh: missing ${f:-a build output}: run 'mvn -DskipTests package' first" >&2; exit 1; }
done

# --- the module: compiled with the processor, packed, installed ------------------------------------
[[ -d target ]] && find target -mindepth 1 -maxdepth 1 ! -name jars -exec rm -rf {} + # the Maven jars stay
mkdir -p target/classes target/app
"$JAVA_HOME/bin/javac" --release 17 -cp "$runtime" -processorpath "$processor:$runtime:$mustache" \
  -d target/classes $(find java/bench/exported -name '*.java')
"$JAVA_HOME/bin/jar" --create --file target/bench-exports-1.0.0.jar -C target/classes .
node "$repo/distribution/target/npm/node-api-java/bin/napi-java.js" pack target/bench-exports-1.0.0.jar \
  --name bench-exports --version 1.0.0 --out target >/dev/null
echo '{ "name": "bench-exports-app", "version": "1.0.0", "private": true }' > target/app/package.json
(cd target/app && npm install "$tgz" ../bench-exports-1.0.0.tgz --offline --no-audit --no-fund --silent)

# --- a module on a real library: bench.json on Jackson (its jars from Maven, packed with it) ------
jackson=2.18.2
mkdir -p target/jars target/json-classes
for a in jackson-databind jackson-core jackson-annotations; do
  [[ -f target/jars/$a.jar ]] || mvn -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=com.fasterxml.jackson.core:$a:$jackson -DoutputDirectory=target/jars -Dmdep.stripVersion=true
done
json_cp=target/jars/jackson-databind.jar:target/jars/jackson-core.jar:target/jars/jackson-annotations.jar
"$JAVA_HOME/bin/javac" --release 17 -cp "$runtime:$json_cp" -processorpath "$processor:$runtime:$mustache" \
  -d target/json-classes java/bench/json/JsonTools.java
"$JAVA_HOME/bin/jar" --create --file target/bench-json-1.0.0.jar -C target/json-classes .
node "$repo/distribution/target/npm/node-api-java/bin/napi-java.js" pack target/bench-json-1.0.0.jar \
  --name bench-json --version 1.0.0 --jar target/jars/jackson-databind.jar --jar target/jars/jackson-core.jar \
  --jar target/jars/jackson-annotations.jar --out target >/dev/null
(cd target/app && npm install ../bench-json-1.0.0.tgz --offline --no-audit --no-fund --silent)

# --- the limit: bench.BenchTarget and the hand-written addon ---------------------------------------
mkdir -p "$bench/target/classes"
"$JAVA_HOME/bin/javac" --release 17 -d "$bench/target/classes" "$bench/java/bench/BenchTarget.java"
make -s -C "$bench/limit" JAVA_HOME="$JAVA_HOME"

exec node run.js "$@"
