#!/usr/bin/env bash
# Bun and Deno for tests/js/runtimes.test.js: their binaries from the npm registry's
# @oven/bun-linux-x64 and @deno/linux-x64-glibc (the packages `npm install bun` / `deno` install
# them from), into target/runtimes/{bun,deno}. Idempotent. Prints one line per runtime: name, binary.
set -euo pipefail
cd "$(dirname "$0")/.."
BUN_VERSION=${BUN_VERSION:-1}
DENO_VERSION=${DENO_VERSION:-2}
echo "bun $(scripts/fetch-npm-binary.sh @oven/bun-linux-x64 "$BUN_VERSION" target/runtimes/bun bin/bun)"
echo "deno $(scripts/fetch-npm-binary.sh @deno/linux-x64-glibc "$DENO_VERSION" target/runtimes/deno deno)"
