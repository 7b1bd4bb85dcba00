package dev.napijava.cli.deps;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Node project's Java side: the {@code "java"} section of its package.json (and of the npm
 * packages in its node_modules that declare one), the lockfile beside package.json, and the
 * project-local jar folder {@code node_modules/.napi-java} (ignored by git as node_modules is).
 * Files are replaced whole (written beside, then moved over), so a failure leaves the old ones.
 */
final class JavaProject {
    static final String LOCKFILE = "napi-java-lock.json";
    static final String JARS = ".napi-java";
    static final String TYPINGS = "java-types";

    /** One declaration: owner "." is the project, else the package's folder (node_modules/x). */
    record Declared(String owner, String key, String version, List<String> exclusions) {
    }

    final Path dir;
    final Path packageJson;
    final JsonObject pkg;
    private final String indent;

    private JavaProject(Path packageJson) {
        this.packageJson = packageJson;
        this.dir = packageJson.getParent();
        String text = read(packageJson);
        this.pkg = parseObject(text, packageJson);
        this.indent = detectIndent(text);
    }

    /** The nearest package.json at or above start, as npm finds it. */
    static JavaProject find(Path start) {
        for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("package.json"))) {
                return new JavaProject(d.resolve("package.json"));
            }
        }
        throw new DependencyException("no package.json in " + start.toAbsolutePath() + " or above: run `npm init -y` "
                + "first (the Java dependencies are recorded in package.json, like the npm ones)");
    }

    Path lockFile() {
        return dir.resolve(LOCKFILE);
    }

    Path jarsDir() {
        return dir.resolve("node_modules").resolve(JARS);
    }

    Path typingsDir() {
        return dir.resolve(TYPINGS);
    }

    /** package.json's "java" section (created when absent and create is set). */
    JsonObject javaSection(boolean create) {
        JsonElement java = pkg.get("java");
        if (java == null || java.isJsonNull()) {
            if (!create) {
                return new JsonObject();
            }
            JsonObject section = new JsonObject();
            pkg.add("java", section);
            return section;
        }
        if (!java.isJsonObject()) {
            throw new DependencyException(packageJson + ": \"java\" must be an object such as "
                    + "{ \"dependencies\": { \"org.apache.poi:poi-ooxml\": \"5.3.0\" } }");
        }
        return java.getAsJsonObject();
    }

    static JsonObject member(JsonObject parent, String name, boolean create) {
        JsonElement e = parent.get(name);
        if (e == null || e.isJsonNull()) {
            JsonObject o = new JsonObject();
            if (create) {
                parent.add(name, o);
            }
            return o;
        }
        if (!e.isJsonObject()) {
            throw new DependencyException("package.json: java." + name + " must be an object");
        }
        return e.getAsJsonObject();
    }

    /** Every declaration: this project's first (they win ties), then each npm package's, by folder. */
    List<Declared> declared() {
        List<Declared> out = new ArrayList<>(declarations(".", javaSection(false), packageJson));
        for (Path p : packagesWithJava()) {
            JsonObject other = parseObject(read(p), p);
            String owner = dir.relativize(p.getParent()).toString();
            out.addAll(declarations(owner, member(other, "java", false), p));
        }
        return out;
    }

    /** The request as the lockfile records it: each owner's java section, to tell when it changed. */
    JsonObject request() {
        JsonObject request = new JsonObject();
        request.add(".", normalized(javaSection(false)));
        for (Path p : packagesWithJava()) {
            request.add(dir.relativize(p.getParent()).toString(), normalized(member(parseObject(read(p), p), "java", false)));
        }
        return request;
    }

    private static JsonObject normalized(JsonObject java) {
        JsonObject n = new JsonObject();
        n.add("dependencies", member(java, "dependencies", false));
        n.add("exclusions", member(java, "exclusions", false));
        return n;
    }

    private static List<Declared> declarations(String owner, JsonObject java, Path file) {
        List<Declared> out = new ArrayList<>();
        JsonObject exclusions = member(java, "exclusions", false);
        for (Map.Entry<String, JsonElement> e : member(java, "dependencies", false).entrySet()) {
            if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isString()) {
                throw new DependencyException(file + ": java.dependencies[\"" + e.getKey() + "\"] must be a version string such as \"5.3.0\"");
            }
            List<String> excluded = new ArrayList<>();
            JsonElement x = exclusions.get(e.getKey());
            if (x != null) {
                if (!x.isJsonArray()) {
                    throw new DependencyException(file + ": java.exclusions[\"" + e.getKey() + "\"] must be an array of \"groupId:artifactId\"");
                }
                x.getAsJsonArray().forEach(v -> excluded.add(v.getAsString()));
            }
            out.add(new Declared(owner, e.getKey(), e.getValue().getAsString(), excluded));
        }
        return out;
    }

    /** package.json files under node_modules (nested and scoped too) whose "java" declares dependencies. */
    List<Path> packagesWithJava() {
        List<Path> found = new ArrayList<>();
        scanModules(dir.resolve("node_modules"), found, new HashSet<>());
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    /** seen: the real folders scanned, so symlinked packages (workspaces, pnpm) that link back end the walk. */
    private static void scanModules(Path modules, List<Path> found, Set<Path> seen) {
        try {
            if (!Files.isDirectory(modules) || !seen.add(modules.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            return; // a dangling link: nothing there
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(modules)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (name.startsWith("@")) {
                    scanModules(entry, found, seen);
                    continue;
                }
                Path pj = entry.resolve("package.json");
                if (Files.isRegularFile(pj)) {
                    try {
                        JsonObject p = parseObject(read(pj), pj);
                        if (p.get("java") != null && p.get("java").isJsonObject()
                                && member(p.getAsJsonObject("java"), "dependencies", false).size() > 0) {
                            found.add(pj);
                        }
                    } catch (DependencyException ignored) {
                        // a package with a broken package.json is npm's problem, not a Java declaration
                    }
                }
                scanModules(entry.resolve("node_modules"), found, seen);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonObject readLock() {
        Path lock = lockFile();
        return Files.isRegularFile(lock) ? parseObject(read(lock), lock) : null;
    }

    String format(JsonElement json) {
        return toJson(json, indent);
    }

    /** One line of JSON (--json output: one object per line, for scripts). */
    static String toJson(JsonElement json) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    private static String toJson(JsonElement json, String indent) {
        Gson gson = new GsonBuilder().disableHtmlEscaping()
                .setFormattingStyle(FormattingStyle.PRETTY.withIndent(indent)).create();
        return gson.toJson(json) + "\n";
    }

    void writePackageJson() {
        replace(packageJson, format(pkg));
    }

    void writeLock(JsonObject lock) {
        replace(lockFile(), format(lock));
    }

    /** Writes beside the file, then moves it over: readers see the old or the new file, never a part. */
    static void replace(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".napi-java-tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failed already; that is the error to report
            }
            throw new DependencyException("cannot write " + file + ": " + e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new DependencyException("cannot delete " + root + ": " + e);
        }
    }

    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DependencyException("cannot read " + file + ": " + e);
        }
    }

    private static JsonObject parseObject(String text, Path file) {
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new DependencyException(file + ": not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonSyntaxException e) {
            throw new DependencyException(file + ": invalid JSON (" + e.getMessage() + "); fix it, then run the command again");
        }
    }

    /** The indentation of the file's first indented line (npm keeps a file's own; default two spaces). */
    private static String detectIndent(String text) {
        for (String line : text.split("\n")) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i > 0 && i < line.length()) {
                return line.substring(0, i);
            }
        }
        return "  ";
    }
}
