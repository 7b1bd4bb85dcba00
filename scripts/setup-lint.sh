#!/usr/bin/env bash
# The linters scripts/lint.sh runs: clang-format (Debian's package, apt) and ESLint with its
# recommended rules (the npm registry, into target/lint). Idempotent: a no-op once installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ESLINT_VERSION=${ESLINT_VERSION:-9}
if ! command -v clang-format >/dev/null; then
  command -v apt-get >/dev/null || { echo "setup-lint: no clang-format and no apt-get to install it: install clang-format 14+" >&2; exit 1; }
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y -qq clang-format >/dev/null 2>&1 || {
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq clang-format >/dev/null
  }
fi
if [ ! -x target/lint/node_modules/.bin/eslint ]; then
  mkdir -p target/lint
  [ -f target/lint/package.json ] || echo '{ "private": true }' > target/lint/package.json
  (cd target/lint && npm install --no-audit --no-fund --silent "eslint@$ESLINT_VERSION" "@eslint/js@$ESLINT_VERSION" "globals@16")
fi
