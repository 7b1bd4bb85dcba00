#!/usr/bin/env bash
# Runs all the tests: the whole Maven build with JUnit 5 and the node --test suites on the
# machine's JDK 17, the node --test suites again with the native core under AddressSanitizer
# (scripts/test-asan.sh, on that JDK 17 build), then the same build and suites on Temurin 25 when
# it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdks.sh
# libnode for the Java-hosts-Node tests (host-tests): a no-op once set up
./scripts/setup-libnode.sh

echo "== JDK 17: $JDK17"
JAVA_HOME=$JDK17 mvn -B -ntp verify

echo "== JDK 17, native core under AddressSanitizer + UBSan"
./scripts/test-asan.sh --no-package

if [ -n "$JDK25" ]; then
  echo "== Temurin 25: $JDK25"
  JAVA_HOME=$JDK25 mvn -B -ntp verify
else
  echo "== Temurin 25 not found under /usr/lib/jvm: skipped the second JDK"
fi
