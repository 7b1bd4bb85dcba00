#!/usr/bin/env bash
# Stages the npm package from the build outputs and packs it. Called by Maven (package phase).
set -euo pipefail
version=$1
out=$2
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
cp "$root/runtime/target/napi-java-runtime.jar" "$pkg/java/"
# The generator CLI (`npx napi-java generate ...`), shaded into one jar, and its bin script.
cp "$root/cli/target/napi-java-cli.jar" "$pkg/java/"
mkdir -p "$pkg/bin"
cp "$root/distribution/npm-bin/napi-java.js" "$pkg/bin/"
chmod +x "$pkg/bin/napi-java.js"
cp "$root/README.md" "$pkg/README.md"
# package.json carries the Maven version so the two never drift.
sed "s/__VERSION__/$version/" "$root/runtime/src/main/js/package.json" > "$pkg/package.json"
node -e '
const fs = require("fs"); const f = process.argv[1]; const p = JSON.parse(fs.readFileSync(f, "utf8"));
p.bin = { "napi-java": "bin/napi-java.js" };
if (!p.files.includes("bin/")) p.files.push("bin/");
fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$pkg/package.json"
(cd "$out" && npm pack "$pkg" --silent --pack-destination "$out" >/dev/null)
echo "npm package: $out/node-api-java-$version.tgz"
