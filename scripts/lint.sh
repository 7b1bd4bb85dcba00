#!/usr/bin/env bash
# The C/C++ format (.clang-format, over native/: the core and the hosting library) and ESLint
# (eslint.config.cjs, over the JS) must run clean; the Java style is Maven's (checkstyle.xml,
# validate phase). scripts/setup-lint.sh installs the tools. Fix drift with
# clang-format -i <file> (and, for JS, target/lint/node_modules/.bin/eslint --fix <file>). A few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "lint: no clang-format: run scripts/setup-lint.sh" >&2; exit 1; }
ESLINT=target/lint/node_modules/.bin/eslint
[ -x "$ESLINT" ] || { echo "lint: no ESLint in target/lint: run scripts/setup-lint.sh" >&2; exit 1; }
status=0
C_FILES=$(git ls-files 'native/*.c' 'native/*.h' 'native/*.cc')
# shellcheck disable=SC2086
clang-format --dry-run --Werror $C_FILES || { echo "lint: C sources differ from .clang-format (fix: clang-format -i <file>)" >&2; status=1; }
"$ESLINT" --max-warnings 0 runtime/src/main/js tests/js bench distribution/npm-bin examples eslint.config.cjs || status=1
[ $status = 0 ] && echo "lint: clang-format and ESLint clean"
exit $status
