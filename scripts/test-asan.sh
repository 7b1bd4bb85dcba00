#!/usr/bin/env bash
# The node --test suites of tests/js with the native core built under AddressSanitizer + UBSan
# (README "Tests"). Builds the package (JDK 17), the ASan addon (make -C native asan), copies the
# unpacked npm package with that addon into tests/target/asan and runs tests/run-js-tests.js
# against the copy with gcc's ASan runtime preloaded into node; the processes the suites start
# inherit the environment, so they run under ASan too. Ends with one summary line; exit status
# non-zero on a failed suite or any sanitizer report (scripts/asan-report.js decides what counts).
# Usage: scripts/test-asan.sh [--no-package] [suite.test.js ...]
# --no-package: reuse the package already built in distribution/target (scripts/test.sh, right
# after its JDK 17 build). Suite names: run only those (default: all but the excluded ones).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/jdks.sh
export JAVA_HOME=$JDK17
started=$(date +%s)

build_package=true
if [ "${1:-}" = "--no-package" ]; then build_package=false; shift; fi
if $build_package; then
  mvn -B -ntp -q -DskipTests package
  # the real jars some suites load (Jackson, H2): mvn verify copies them, -DskipTests does not
  mvn -B -ntp -q -f tests/pom.xml dependency:copy@real-jars -DskipTests=false
fi
pkg=distribution/target/npm/node-api-java
[ -f "$pkg/prebuilds/linux-x64/napi_java.node" ] || { echo "no npm package in $pkg: build it with mvn -DskipTests package" >&2; exit 1; }
[ -f tests/target/classes/testcases/Overloads.class ] || { echo "no test-case classes in tests/target/classes" >&2; exit 1; }

libasan=$(gcc -print-file-name=libasan.so)
[ -f "$libasan" ] || { echo "gcc has no libasan.so ($libasan): install gcc's sanitizer runtimes (libasan, libubsan)" >&2; exit 1; }
make -s -C native asan OUT="$root/native/target" JDK_HOME="$JAVA_HOME"

work=$root/tests/target/asan
rm -rf "$work"
mkdir -p "$work/logs"
chmod 1777 "$work/logs" # load-access.test.js runs a child as uid 65534: its reports must land here too
cp -r "$pkg" "$work/node-api-java"
cp native/target/asan/napi_java.node "$work/node-api-java/prebuilds/linux-x64/napi_java.node"

# Suites left out, each for a reason that has nothing to do with the native core:
# - install.test.js: npm-installs the packed .tgz, whose addon is the normal build, so it tests
#   packaging under an ASan node, not the ASan core.
# - startup-cache.test.js: times the background training JVM against the child's exit, which
#   LeakSanitizer's check at exit delays past it; it covers JS and HotSpot's CDS, and the JVM
#   start it makes is the one every other suite makes.
# - platforms.test.js: reads the glibc versions of the normal build's libraries and runs the arm64
#   addon under qemu (neither is the ASan build).
# - standalone-cli.test.js: the CLI tarball has no native code; its one bridge call is what the
#   generator suites cover. release.test.js: reads the packed package and the Maven artifacts.
# - runtimes.test.js: Bun and Deno load the addon themselves (LD_PRELOAD's runtime in them is
#   not what this run checks: the core under Node).
# - maven-deps.test.js: its subject is the CLI's resolver (Java) and the lockfile checks (JS); its
#   bridge calls (poi, commons-lang3) are ordinary ones that the other suites make.
# - java-addon.test.js: npm-installs the packed .tgz with the example module (the normal addon, as
#   install.test.js); the marshaler paths it takes (enum names, typed promise futures, records) are
#   in the classes, callbacks and values suites, which run here.
exclude=install.test.js,java-addon.test.js,maven-deps.test.js,platforms.test.js,release.test.js,runtimes.test.js,standalone-cli.test.js,startup-cache.test.js
# NAPI_JAVA_TEST_ASAN=1 drops single assertions that measure what ASan changes, nothing else:
# - streams.test.js "1 GB from a Java InputStream ...": the RSS bound (quarantine and redzones);
#   the bytes are still checked.

# ASan in a process that also runs HotSpot and V8 (README "Tests" explains each option):
asan_options=(
  # SIGSEGV/SIGBUS/SIGFPE: ASan's handler goes in first, HotSpot's on top of it (allowed by
  # allow_user_segv_handler=1) handles its own (implicit null checks, safepoint polls, stack
  # banging) and chains the rest to ASan, which reports them. Node would put its WebAssembly trap
  # handler in between, which turns any other fault into a bare SIGSEGV: NODE_OPTIONS below.
  handle_segv=1 handle_sigbus=1 handle_sigfpe=1 allow_user_segv_handler=1
  handle_abort=1 abort_on_error=1     # an abort (JVM fatal error, failed assert) is a report; ASan errors abort
  detect_stack_use_after_return=0     # fake stacks would break the core's stack-depth guard (stack.c)
  detect_leaks=1 exitcode=0           # LSan at every exit; leaks are judged by asan-report.js, not by exit status
  malloc_context_size=10              # allocation stacks of 10 frames: deeper ones reach JIT code, which LSan
                                      # looks up by re-reading /proc/self/maps (minutes per exit under load)
  intercept_tls_get_addr=0            # gcc 12's dynamic-TLS heuristic misreads glibc 2.36 blocks: LSan's tracer crashes
  "log_path=$work/logs/asan"
  'stack_trace_format="    #%n %p %F %L %M"' # every frame names its module (asan-report.js needs it)
)
# gcc's UBSan is a runtime of its own, started at the first error: abort_on_error=1 makes that
# error an abort, which ASan (handle_abort=1) reports with the stack into its log. The same
# log_path, because UBSan's start hands its log_path to ASan (one exported symbol); UBSan's own
# one-line message goes to the process's stderr.
ubsan_options=(
  print_stacktrace=1 halt_on_error=1 abort_on_error=1
  handle_segv=0 handle_sigbus=0 handle_sigfpe=0 # UBSan's runtime installs no signal handlers either
  "log_path=$work/logs/asan"
)

status=0
LD_PRELOAD=$libasan \
ASAN_OPTIONS="${asan_options[*]}" \
UBSAN_OPTIONS="${ubsan_options[*]}" \
NAPI_JAVA_PACKAGE="$work/node-api-java" \
NAPI_JAVA_STARTUP_CACHE="$work/startup-cache" \
NAPI_JAVA_TEST_EXCLUDE=$exclude \
NAPI_JAVA_TEST_ASAN=1 \
NODE_OPTIONS="--disable-wasm-trap-handler${NODE_OPTIONS:+ $NODE_OPTIONS}" \
  node tests/run-js-tests.js "$@" > "$work/tests.log" 2>&1 || status=$?

tests_line="tests: $(sed -n 's/^# pass //p' "$work/tests.log") passed, $(sed -n 's/^# fail //p' "$work/tests.log") failed"
if [ "$status" -ne 0 ]; then
  { grep -E '^not ok|^# (tests|pass|fail|cancelled) ' "$work/tests.log" || tail -n 20 "$work/tests.log"; } | tail -n 40 >&2
  echo "(full output: $work/tests.log)" >&2
fi
report_status=0
report=$(node scripts/asan-report.js "$work/logs") || report_status=$?
secs=$(( $(date +%s) - started ))
if [ "$status" -eq 0 ] && [ "$report_status" -eq 0 ]; then
  echo "ASan: OK in ${secs}s: ${tests_line} (excluded: $exclude); $report"
else
  echo "ASan: FAILED in ${secs}s: suites exit $status, ${tests_line} (excluded: $exclude); $report"
  exit 1
fi
