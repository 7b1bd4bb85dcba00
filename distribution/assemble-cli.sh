#!/usr/bin/env bash
# The standalone generator CLI: target/napi-java-VERSION-linux-x64.tar.gz with
#   bin/napi-java        the launcher (POSIX sh)
#   lib/napi-java-cli.jar the shaded CLI (the npm package's java/napi-java-cli.jar)
#   runtime/             a jlink'ed Java runtime with only the modules the CLI needs: what jdeps
#                        finds in the jar, plus the three loaded as services, which jdeps cannot
#                        see: jdk.compiler (javax.tools' compiler, for the glue), jdk.zipfs (javac
#                        reads the class path's jars through it) and jdk.crypto.ec (the elliptic-
#                        curve TLS handshakes of Maven repositories, for `napi-java add/install`)
#   LICENSE, THIRD-PARTY-NOTICES.txt
# Called by Maven (package phase): assemble-cli.sh VERSION TARGET-DIR JDK. The runtime is linked
# from JDK (the JDK running the build) unless NAPI_JAVA_JLINK_JDK names another: its glibc needs
# are the runtime's (a Temurin build: glibc 2.17, as the native libraries; Debian's OpenJDK 17:
# the glibc it was built on). JDK 24+ without jmods links from its own run-time image.
set -euo pipefail
version=$1
out=$2
jdk=${NAPI_JAVA_JLINK_JDK:-$3}
root=$(cd "$(dirname "$0")/.." && pwd)
name=napi-java-$version-linux-x64
stage=$out/cli/$name
jar=$root/cli/target/napi-java-cli.jar
rm -rf "$out/cli"
mkdir -p "$stage/bin" "$stage/lib"
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
modules=$modules,jdk.compiler,jdk.zipfs,jdk.crypto.ec
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
if [ "$feature" -ge 21 ]; then compress=--compress=zip-9; else compress=--compress=2; fi
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files "$compress" \
  --output "$stage/runtime"
# the CA certificates of the JDK that links it (jlink takes java.base's, which on a distribution's
# JDK is a stale copy: its lib/security/cacerts is a link to the system's store)
cp -L "$jdk/lib/security/cacerts" "$stage/runtime/lib/security/cacerts"
# the JDK's default CDS archive for the runtime (a faster start), when this JDK can make one
"$stage/runtime/bin/java" -Xshare:dump >/dev/null 2>&1 || true
cp "$jar" "$stage/lib/napi-java-cli.jar"
cp "$root/distribution/cli-bin/napi-java" "$stage/bin/"
chmod +x "$stage/bin/napi-java"
cp "$root/LICENSE" "$root/THIRD-PARTY-NOTICES.txt" "$stage/"
echo "$modules" > "$stage/runtime/MODULES"
tar czf "$out/$name.tar.gz" -C "$out/cli" "$name"
echo "standalone CLI: $out/$name.tar.gz ($(du -k "$out/$name.tar.gz" | cut -f1) KiB; runtime from $jdk: $modules)"
