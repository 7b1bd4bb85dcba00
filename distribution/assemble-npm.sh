#!/usr/bin/env bash
# Stages the npm package from the build outputs and packs it. Called by Maven (package phase).
# Each native library is in it once, stripped (native/Makefile keeps the debug info in <lib>.debug
# files in native/target, outside the package): prebuilds/<platform>-<arch>/ for the addon and the
# Java-hosts-Node libraries, and java/napi-java-runtime.jar is the runtime jar without the copy of
# the package that the Maven artifact bundles (runtime/pom.xml, classifier npm).
set -euo pipefail
version=$1
out=$2
repository=${3:-} # the parent pom's napi.java.repository: package.json's repository, homepage, bugs
root=$(cd "$(dirname "$0")/.." && pwd)
pkg=$out/npm/node-api-java
rm -rf "$pkg"
mkdir -p "$pkg/prebuilds/linux-x64" "$pkg/java"
cp -r "$root/runtime/src/main/js/." "$pkg/"
cp "$root/native/target/napi_java.node" "$pkg/prebuilds/linux-x64/"
# Java hosts Node: the JNI host libraries (absent when built without libnode headers)
for lib in libnapi_java_host.so libnapi_java_loader.so; do
  if [ -f "$root/native/target/$lib" ]; then cp "$root/native/target/$lib" "$pkg/prebuilds/linux-x64/"; fi
done
cpus='"x64"'
# linux-arm64: cross-built when the aarch64 toolchain is installed (scripts/setup-cross.sh)
if [ -f "$root/native/target/linux-arm64/napi_java.node" ]; then
  mkdir -p "$pkg/prebuilds/linux-arm64"
  cp "$root/native/target/linux-arm64/napi_java.node" "$pkg/prebuilds/linux-arm64/"
  cpus='"x64", "arm64"'
else
  echo "npm package: no linux-arm64 addon (native/target/linux-arm64; run scripts/setup-cross.sh): x64 only"
fi
cp "$root/runtime/target/napi-java-runtime-npm.jar" "$pkg/java/napi-java-runtime.jar"
# The generator CLI (`npx napi-java generate ...`), shaded into one jar, and its bin script.
cp "$root/cli/target/napi-java-cli.jar" "$pkg/java/"
mkdir -p "$pkg/bin"
cp "$root/distribution/npm-bin/napi-java.js" "$pkg/bin/"
chmod +x "$pkg/bin/napi-java.js" "$pkg/lib/train-startup-cache.js"
cp "$root/README.md" "$root/LICENSE" "$root/THIRD-PARTY-NOTICES.txt" "$pkg/"
# package.json carries the Maven version so the two never drift.
sed "s/__VERSION__/$version/" "$root/runtime/src/main/js/package.json" > "$pkg/package.json"
node -e '
const fs = require("fs"); const f = process.argv[1]; const p = JSON.parse(fs.readFileSync(f, "utf8"));
p.bin = { "napi-java": "bin/napi-java.js" };
p.cpu = JSON.parse(`[${process.argv[2]}]`);
const repo = process.argv[3];
if (repo) Object.assign(p, { repository: { type: "git", url: `git+${repo}.git` }, homepage: `${repo}#readme`, bugs: { url: `${repo}/issues` } });
for (const entry of ["bin/", "LICENSE", "THIRD-PARTY-NOTICES.txt"]) if (!p.files.includes(entry)) p.files.push(entry);
fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$pkg/package.json" "$cpus" "$repository"
(cd "$out" && npm pack "$pkg" --silent --pack-destination "$out" >/dev/null)
echo "npm package: $out/node-api-java-$version.tgz"
