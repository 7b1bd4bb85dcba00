#!/usr/bin/env bash
# Puts a libnode (shared Node.js library + its C++ headers) into native/host/target/libnode for the
# Java-hosts-Node build and tests. Idempotent: a no-op when already there.
#
# On Debian 12 the packages are libnode108 + libnode-dev (Node 18). They cannot be apt-installed
# next to a NodeSource nodejs (their dependency chain conflicts), so they are downloaded and
# unpacked into the project; only their shared-library dependencies are installed system-wide.
# Other systems: set NAPI_JAVA_LIBNODE_DIR to a folder holding usr/include/node/node.h and
# usr/lib/*/libnode.so.* (or set LIBNODE_INCLUDE / NAPI_JAVA_LIBNODE when building/running).
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=native/host/target/libnode
# Debian's libnode reads these "externalized builtins" from fixed paths when an environment starts
# (NODE_SHARED_BUILTIN_*_PATH in its config.gypi); they come from node-cjs-module-lexer,
# node-undici and node-acorn, whose dependency chains conflict with NodeSource's nodejs, so only
# these five files are unpacked into place.
BUILTINS="cjs-module-lexer/lexer.js cjs-module-lexer/dist/lexer.js undici/undici-fetch.js acorn/dist/acorn.js acorn-walk/dist/walk.js"
builtins_ok() { for f in $BUILTINS; do [ -f "/usr/share/nodejs/$f" ] || return 1; done; }
# $DEST/libnode.so: the one path the tests and benchmarks load (a link to whichever libnode is used)
link_stable() { ln -sfn "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "$DEST/libnode.so"; }
if compgen -G "$DEST/usr/lib/*/libnode.so.*" >/dev/null && [ -f "$DEST/usr/include/node/node.h" ] && builtins_ok; then
  [ -e "$DEST/libnode.so" ] || link_stable "$(ls "$DEST"/usr/lib/*/libnode.so.* | head -1)"
  exit 0
fi
# The system's libnode, when its headers are installed too (libnode-dev, nodejs-devel) and match it
# (libnode.so.N with N = the headers' NODE_MODULE_VERSION): used in place, nothing downloaded.
SYSTEM_INCLUDE=${NAPI_JAVA_SYSTEM_INCLUDE:-/usr/include/node}
for lib in ${NAPI_JAVA_SYSTEM_LIBNODE:-/usr/lib/*/libnode.so.[0-9]* /usr/lib64/libnode.so.[0-9]* /usr/lib/libnode.so.[0-9]*}; do
  [ -f "$lib" ] && [ -f "$SYSTEM_INCLUDE/node.h" ] || continue
  version=${lib##*.so.}
  grep -q "^#define NODE_MODULE_VERSION $version\b" "$SYSTEM_INCLUDE/node_version.h" 2>/dev/null || continue
  rm -rf "$DEST"
  mkdir -p "$DEST/usr/include" "$DEST/usr/lib/system"
  ln -sfn "$SYSTEM_INCLUDE" "$DEST/usr/include/node"
  ln -sfn "$lib" "$DEST/usr/lib/system/libnode.so.$version"
  link_stable "$lib"
  echo "setup-libnode: the system's $lib (headers $SYSTEM_INCLUDE)"
  exit 0
done
command -v apt-get >/dev/null || { echo "setup-libnode: no apt-get; provide a libnode (see README, NAPI_JAVA_LIBNODE)" >&2; exit 1; }
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if ! compgen -G "$DEST/usr/lib/*/libnode.so.*" >/dev/null || [ ! -f "$DEST/usr/include/node/node.h" ]; then
(cd "$TMP" && apt-get download libnode108 libnode-dev 2>/dev/null) || {
  $SUDO apt-get update -qq
  (cd "$TMP" && apt-get download libnode108 libnode-dev)
}
mkdir -p "$DEST"
for d in "$TMP"/*.deb; do dpkg -x "$d" "$DEST"; done
LIB=$(ls "$DEST"/usr/lib/*/libnode.so.* | head -1)
# shared-library dependencies of libnode (these packages do not conflict with nodejs)
MISSING=$(ldd "$LIB" | awk '/not found/ {print $1}')
if [ -n "$MISSING" ]; then
  PKGS=$(dpkg-deb -f "$TMP"/libnode108_*.deb Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g' \
         | grep -E '^lib' | grep -v -E '^libc6$|^libgcc|^libstdc' || true)
  $SUDO apt-get install -y -qq $PKGS >/dev/null
fi
fi
LIB=$(ls "$DEST"/usr/lib/*/libnode.so.* | head -1)
ldd "$LIB" | grep -q "not found" && { echo "setup-libnode: unresolved deps of $LIB" >&2; ldd "$LIB" | grep "not found" >&2; exit 1; }
if ! builtins_ok; then
  mkdir -p "$TMP/builtins"
  (cd "$TMP/builtins" && apt-get download node-cjs-module-lexer node-undici node-acorn 2>/dev/null)
  for d in "$TMP"/builtins/*.deb; do dpkg -x "$d" "$TMP/builtins/x"; done
  for f in $BUILTINS; do
    [ -f "/usr/share/nodejs/$f" ] || $SUDO install -D -m 644 "$TMP/builtins/x/usr/share/nodejs/$f" "/usr/share/nodejs/$f"
  done
fi
link_stable "$LIB"
echo "setup-libnode: $LIB"
