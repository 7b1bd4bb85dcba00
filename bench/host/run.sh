#!/usr/bin/env bash
# Java -> JS call figures, Java hosting Node: node-api-java vs Javet (Node mode) vs GraalJS, in one
# run. Needs a build (mvn -DskipTests package) and scripts/setup-libnode.sh. The peers come from
# Maven Central through bench/host/pom.xml. Each benchmark runs in its own JVM (Javet and
# node-api-java each bring a Node); figures are the best of 5 rounds in each of PASSES passes
# (default 3, the implementations interleaved), ns per call.
# node-api-java and Javet run on JDK 17; GraalJS 25 needs JDK 21+, so it runs on Temurin 25 (with
# its optimizing runtime: JVMCI + the Graal compiler on the upgrade module path).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
. "$root/scripts/jdks.sh"
out=target/classes; res=target/results; mkdir -p "$out" "$res"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for peer in javet graal graal-compiler; do
  [ -d "target/lib-$peer" ] || mvn -B -ntp -q -P "$peer" -Dpeer="$peer" dependency:copy-dependencies
done
"$JDK17/bin/javac" --release 17 -d "$out" Bench.java
"$JDK17/bin/javac" -d "$out" -cp "$out:$root/runtime/target/classes" HostBench.java
"$JDK17/bin/javac" -d "$out" -cp "$out:target/lib-javet/*" JavetBench.java

cc -O2 -shared -fPIC -I/usr/include/node -I"$JDK17/include" -I"$JDK17/include/linux" -o target/host_limit.node limit/host_limit.c
if [ -n "$JDK25" ]; then "$JDK25/bin/javac" -d "$out" -cp "$out:target/lib-graal/*" GraalBench.java; fi
: > "$res/napi-java.tsv"; : > "$res/limit.tsv"; : > "$res/javet.tsv"; : > "$res/graal.tsv"
# PASSES passes, the implementations interleaved in each (a fresh JVM each time); a figure is the best
# over all rounds of all passes, so a burst of load on this shared machine hits one pass, not a column.
passes=${PASSES:-3}
for pass in $(seq "$passes"); do
  echo "== pass $pass/$passes: node-api-java (JDK 17)"
  "$JDK17/bin/java" -Dnapi.java.package="$root/distribution/target/npm/node-api-java" \
    -Dnapi.java.libnode="$root/native/host/target/libnode/libnode.so" \
    -cp "$out:$root/runtime/target/classes" HostBench | tee -a "$res/napi-java.tsv"
  echo "== pass $pass/$passes: the limit: hand-written JNI -> napi_call_function (limit/host_limit.c, JDK 17)"
  "$JDK17/bin/java" -Dnapi.java.package="$root/distribution/target/npm/node-api-java" \
    -Dnapi.java.libnode="$root/native/host/target/libnode/libnode.so" \
    -Dbench.hostLimit="$(pwd)/target/host_limit.node" -cp "$out:$root/runtime/target/classes" HostBench | tee -a "$res/limit.tsv"
  echo "== pass $pass/$passes: Javet $(ls target/lib-javet | sed -n 's/javet-\(.*\)\.jar/\1/p') Node mode (JDK 17)"
  "$JDK17/bin/java" -cp "$out:target/lib-javet/*" JavetBench | tee -a "$res/javet.tsv"
  if [ -n "$JDK25" ]; then
    echo "== pass $pass/$passes: GraalJS $(ls target/lib-graal | sed -n 's/js-language-\(.*\)\.jar/\1/p') (Temurin 25, runtime compilation)"
    "$JDK25/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
      --upgrade-module-path "$(ls target/lib-graal-compiler/compiler-*.jar)" --module-path target/lib-graal \
      --add-modules org.graalvm.polyglot -cp "$out" GraalBench 2>/dev/null | tee -a "$res/graal.tsv"
  else
    echo "== GraalJS skipped: no JDK 21+ (Temurin 25) under /usr/lib/jvm"
  fi
done

# Issue 18's moonshot: the limit's Java -> C step as an FFM downcall vs the JNI native (JDK 22+ only)
: > "$res/ffm.tsv"
if [ -n "$JDK25" ]; then
  "$JDK25/bin/javac" -d "$out" -cp "$out:$root/runtime/target/classes" HostFfmBench.java
  for pass in $(seq "$passes"); do
    echo "== pass $pass/$passes: FFM downcall vs JNI native, the same C (limit/host_limit.c, Temurin 25)"
    "$JDK25/bin/java" --enable-native-access=ALL-UNNAMED -Dnapi.java.package="$root/distribution/target/npm/node-api-java" \
      -Dnapi.java.libnode="$root/native/host/target/libnode/libnode.so" \
      -Dbench.hostLimit="$(pwd)/target/host_limit.node" -cp "$out:$root/runtime/target/classes" HostFfmBench | tee -a "$res/ffm.tsv"
  done
fi

echo
echo "Best of 5 rounds x $passes passes, ns per call (ratio = peer / node-api-java; > 1 means node-api-java is faster;"
echo "limit: a hand-written JNI -> napi_call_function call, node-api-java / limit: 1.0 = at the limit)"
awk -F'\t' '
  { file = FILENAME ~ /napi-java\.tsv$/ ? 1 : FILENAME ~ /javet\.tsv$/ ? 2 : FILENAME ~ /graal\.tsv$/ ? 3 : 4 }
  { k = file SUBSEP $1; if (!(k in v) || $2 < v[k]) v[k] = $2; if (file == 1 && !($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END {
    printf "| %-36s | %14s | %18s | %16s | %16s |\n", "Java -> JS", "node-api-java", "limit (napi-java / limit)", "Javet (ratio)", "GraalJS (ratio)"
    printf "| %-36s | %14s | %18s | %16s | %16s |\n", "---", "---:", "---:", "---:", "---:"
    for (i = 1; i <= n; i++) {
      l = order[i]; a = v[1 SUBSEP l]
      m = ((4 SUBSEP l) in v) ? sprintf("%d (%.2fx)", v[4 SUBSEP l], a / v[4 SUBSEP l]) : "n/a"
      j = ((2 SUBSEP l) in v) ? sprintf("%d (%.2fx)", v[2 SUBSEP l], v[2 SUBSEP l] / a) : "n/a"
      g = ((3 SUBSEP l) in v) ? sprintf("%d (%.2fx)", v[3 SUBSEP l], v[3 SUBSEP l] / a) : "n/a"
      printf "| %-36s | %14d | %18s | %16s | %16s |\n", l, a, m, j, g
    }
  }' "$res/napi-java.tsv" "$res/javet.tsv" "$res/graal.tsv" "$res/limit.tsv" | tee "$res/table.md"

# bench/results.md keeps this run's table between its host markers (bench/run.js rewrites only its
# own JDK sections); the load averages say how busy the machine was (2 cores: above ~0.5 the other
# processes took CPU from the benchmark, and every column suffers from it).
{
  echo "<!-- host:begin -->"
  echo "## Java hosts Node (bench/host/run.sh)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$JDK17/bin/java" -version 2>&1 | head -n 1); libnode $(basename "$(readlink -f "$root/native/host/target/libnode/libnode.so")");" \
    "$(nproc) cores; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo
  echo "Best of 5 rounds in each of $passes passes (the implementations interleaved, a fresh JVM each), ns per call; each benchmark in its own loop (Bench.java)."
  echo "Ratio = peer / node-api-java (> 1: node-api-java is faster); limit: hand-written JNI -> napi_call_function (limit/host_limit.c), node-api-java / limit."
  echo
  cat "$res/table.md"
  if [ -s "$res/ffm.tsv" ]; then
    echo
    echo "FFM moonshot (issue 18), Temurin 25, best of 5 rounds x $passes passes: the limit's Java -> C call, then napi_call_function"
    echo "of (a, b) => a + b (HostFfmBench.java, the same C function behind each), and the bare transition (a + b in C)."
    echo
    # each row against the JNI row of its group (the label before ": ", or none)
    awk -F'\t' '{ if (!($1 in v) || $2 < v[$1]) v[$1] = $2; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
      END { print "| Java -> C | ns per call | / JNI native method |"; print "| --- | ---: | ---: |"
            for (i = 1; i <= n; i++) { g = order[i]; sub(/: [^:]*$/, "", g); if (g == order[i]) g = ""
              if (!(g in base)) base[g] = v[order[i]]
              printf "| %s | %d | %.2fx |\n", order[i], v[order[i]], v[order[i]] / base[g] } }' "$res/ffm.tsv"
  fi
  echo "<!-- host:end -->"
} > "$res/section.md"
results=../results.md
if grep -q '<!-- host:begin -->' "$results"; then
  awk -v section="$res/section.md" '
    /<!-- host:begin -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- host:end -->/ { skip = 0; next }
    !skip' "$results" > "$res/results.md"
else
  { cat "$results"; echo; cat "$res/section.md"; } > "$res/results.md"
fi
cp "$res/results.md" "$results"
echo "wrote bench/results.md (host section)"
