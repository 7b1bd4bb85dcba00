# Sourced by the scripts: the JDKs to build and test with.
# JDK17: JAVA_HOME if it is a JDK 17, else the machine's OpenJDK 17, else javac on PATH.
# JDK25: Temurin 25 under /usr/lib/jvm, if present.
pick_jdk17() {
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk*; do
    if [ -n "$home" ] && [ -x "$home/bin/javac" ] && grep -q 'JAVA_VERSION="17' "$home/release" 2>/dev/null; then
      echo "$home"; return
    fi
  done
  if command -v javac >/dev/null; then dirname "$(dirname "$(readlink -f "$(command -v javac)")")"; return; fi
  echo "No JDK found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME" >&2
  exit 1
}
JDK17=$(pick_jdk17)
JDK25=$(ls -d /usr/lib/jvm/temurin-25-jdk* 2>/dev/null | head -n 1 || true)
for tool in mvn node npm gcc make; do
  command -v "$tool" >/dev/null || { echo "Missing '$tool': install it (Maven, Node.js >= 18 with headers, gcc, make)" >&2; exit 1; }
done
[ -f /usr/include/node/node_api.h ] || [ -n "${NODE_INCLUDE:-}" ] || {
  echo "Node.js headers not found in /usr/include/node: install them or set NODE_INCLUDE" >&2; exit 1; }
