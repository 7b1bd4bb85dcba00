package dev.napijava.cli.deps;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.napijava.cli.ProgressBar;
import dev.napijava.emitters.Generator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code napi-java add | install | remove | list | update}: Maven dependencies of a Node project. */
public final class DependencyCommands {
    private DependencyCommands() {
    }

    /** Options every dependency command takes. */
    static final class Common {
        @Option(names = "--project", paramLabel = "<dir>", description = "The project: the nearest package.json at or above this folder (default: the current folder).")
        Path project = Path.of("");

        @Option(names = {"--settings", "-s"}, paramLabel = "<settings.xml>",
                description = "Maven settings (mirrors, proxies, servers, localRepository); default: ~/.m2/settings.xml.")
        Path settings;

        @Option(names = {"--offline", "-o"}, description = "Use only the local repository (no network).")
        boolean offline;

        @Option(names = "--json", description = "Print a JSON summary on stdout (no progress, no text).")
        boolean json;

        @Option(names = "--quiet", description = "Print errors only.")
        boolean quiet;
    }

    /** Runs a command's body: a DependencyException is the user's error (exit 1), printed without a stack. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Common common;

        ProgressBar bar;

        abstract int run(JavaProject project, PrintWriter out, PrintWriter err);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            try {
                return run(JavaProject.find(common.project), out, err);
            } catch (DependencyException e) {
                done();
                err.println("napi-java " + spec.name() + ": " + e.getMessage());
                return 1;
            } finally {
                done();
                out.flush();
                err.flush();
            }
        }

        private void done() {
            if (bar != null) {
                bar.done();
            }
        }

        DependencyResolver resolver() {
            bar = common.quiet || common.json ? null : ProgressBar.forTerminal(spec.commandLine().getErr());
            ProgressBar shown = bar;
            AbstractTransferListener listener = shown == null ? null : new AbstractTransferListener() {
                @Override
                public void transferProgressed(TransferEvent event) {
                    long total = event.getResource().getContentLength();
                    shown.progress("downloading " + event.getResource().getResourceName().replaceAll(".*/", ""),
                            (int) (event.getTransferredBytes() >> 10), (int) (Math.max(total, 0) >> 10));
                }
            };
            Path settings = common.settings != null ? common.settings : MavenRepositories.userSettings();
            if (common.settings != null && !Files.isRegularFile(settings)) {
                throw new DependencyException("--settings " + settings + ": file not found");
            }
            return new DependencyResolver(new MavenRepositories(settings, common.offline, listener));
        }

        /** Installs and reports: the text summary, or with --json the summary object (extended by the caller). */
        Installer.Outcome installAndReport(JavaProject project, DependencyResolver resolver, boolean useLock, JsonObject summary,
                PrintWriter out, PrintWriter err) {
            Installer.Outcome o = Installer.install(project, resolver, useLock);
            done();
            JsonArray conflicts = new JsonArray();
            for (DependencyResolver.Conflict c : o.conflicts()) {
                JsonObject j = new JsonObject();
                j.addProperty("requested", c.requested());
                j.addProperty("chosen", c.chosen());
                j.addProperty("requestedBy", c.requestedBy());
                conflicts.add(j);
                if (!common.json && !common.quiet) {
                    err.println("napi-java: " + c.requested() + " (wanted by " + c.requestedBy() + ") -> " + c.chosen()
                            + " (version conflict, mediated as Maven does: the nearest wins, ranges must hold)");
                }
            }
            err.flush();
            JsonArray artifacts = new JsonArray();
            for (Map.Entry<String, JsonElement> e : o.lock().getAsJsonObject("artifacts").entrySet()) {
                JsonObject a = e.getValue().getAsJsonObject().deepCopy();
                a.remove("dependencies");
                a.addProperty("id", e.getKey());
                a.addProperty("path", o.jars().get(e.getKey()).toString());
                artifacts.add(a);
            }
            summary.addProperty("project", project.dir.toString());
            summary.addProperty("lockfile", project.lockFile().toString());
            summary.addProperty("folder", project.jarsDir().toString());
            summary.addProperty("fromLockfile", o.fromLock());
            summary.addProperty("bytes", o.bytes());
            summary.add("artifacts", artifacts);
            summary.add("conflicts", conflicts);
            if (!common.json && !common.quiet) {
                out.printf("napi-java: %d Java artifact%s (%.1f MB) in %s, %s %s%n", artifacts.size(),
                        artifacts.size() == 1 ? "" : "s", o.bytes() / 1e6,
                        project.dir.relativize(project.jarsDir()), o.fromLock() ? "as locked in" : "locked in", JavaProject.LOCKFILE);
            }
            return o;
        }

        void printJson(JsonObject summary, PrintWriter out) {
            if (common.json) {
                out.print(JavaProject.toJson(summary));
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds Maven artifacts and their dependencies to the project.",
                    "Records them in package.json's \"java\" section, resolves the transitive graph (Maven Central or the "
                    + "repositories of settings.xml), installs the jars into node_modules/.napi-java, writes napi-java-lock.json "
                    + "and generates typings for what was added (java-types/)."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:added", "1:error (coordinates, network, checksum, conflict)", "2:usage error"})
    public static final class Add extends Base {
        @Parameters(arity = "1..*", paramLabel = "<groupId:artifactId[:extension[:classifier]]:version>")
        List<String> coordinates;

        @Option(names = "--exclude", paramLabel = "<groupId:artifactId>",
                description = "Leave out this transitive dependency (repeatable; * matches any groupId or artifactId).")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--typings", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Generate TypeScript typings and a loader for each added artifact into java-types/ (default: on).")
        boolean typings;

        @Override
        int run(JavaProject project, PrintWriter out, PrintWriter err) {
            Map<String, String> added = new LinkedHashMap<>();
            for (String c : coordinates) {
                Artifact a = DependencyResolver.artifact(c);
                if (a.getVersion().isEmpty()) {
                    throw new DependencyException("'" + c + "' has no version: write groupId:artifactId:version");
                }
                added.put(DependencyResolver.key(a), a.getVersion());
            }
            for (String x : exclude) {
                if (x.split(":").length != 2) {
                    throw new DependencyException("--exclude " + x + ": write groupId:artifactId (either may be *)");
                }
            }
            JsonObject java = project.javaSection(true);
            JsonObject deps = JavaProject.member(java, "dependencies", true);
            for (Map.Entry<String, String> e : added.entrySet()) {
                deps.addProperty(e.getKey(), e.getValue());
                if (!exclude.isEmpty()) {
                    JavaProject.member(java, "exclusions", true).add(e.getKey(), JavaProject.strings(exclude));
                }
            }
            DependencyResolver resolver = resolver();
            JsonObject summary = new JsonObject();
            Installer.Outcome o = installAndReport(project, resolver, false, summary, out, err);
            project.writePackageJson();
            JsonArray generated = new JsonArray();
            if (typings) {
                for (String key : added.keySet()) {
                    generateTypings(project, o, key, generated, err);
                }
            }
            summary.add("typings", generated);
            printJson(summary, out);
            return 0;
        }

        private void generateTypings(JavaProject project, Installer.Outcome o, String key, JsonArray generated, PrintWriter err) {
            Path jar = null;
            List<Path> classpath = new ArrayList<>();
            for (Map.Entry<String, Path> e : o.jars().entrySet()) {
                String k = DependencyResolver.key(DependencyResolver.artifact(e.getKey()));
                if (k.equals(key) && jar == null) {
                    jar = e.getValue();
                } else {
                    classpath.add(e.getValue());
                }
            }
            if (jar == null || !jar.toString().endsWith(".jar")) {
                return; // lost a conflict to nothing, or not a jar (a pom)
            }
            Generator.Options g = new Generator.Options();
            g.jar = jar;
            g.classpath = classpath;
            g.out = project.typingsDir();
            g.glue = false;
            g.fallbackPackage = System.getProperty("napi.java.package");
            g.progress = bar = common.quiet || common.json ? null : ProgressBar.forTerminal(err);
            try {
                Files.createDirectories(g.out);
                Generator.Result r = Generator.generate(g);
                if (bar != null) {
                    bar.done();
                }
                generated.add(r.dts.toString());
                generated.add(r.loader.toString());
                if (!common.json && !common.quiet) {
                    spec.commandLine().getOut().printf("napi-java: typings for %s: %s (%d classes)%n", key,
                            project.dir.relativize(r.dts), r.classes);
                }
            } catch (Exception e) {
                if (bar != null) {
                    bar.done();
                }
                // the dependencies are installed; typings are an extra the user can retry with `generate`
                err.println("napi-java add: warning: no typings for " + key + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Installs the locked Java dependencies into node_modules/.napi-java.",
                    "Checks each jar's sha256 against napi-java-lock.json (from the local repository when it has them, else "
                    + "downloaded into it). Without a lockfile, or when package.json's \"java\" sections changed since it was "
                    + "written, resolves them and writes it."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:installed", "1:error (network, checksum, conflict...)", "2:usage error"})
    public static final class Install extends Base {
        @Override
        int run(JavaProject project, PrintWriter out, PrintWriter err) {
            JsonObject summary = new JsonObject();
            installAndReport(project, resolver(), true, summary, out, err);
            printJson(summary, out);
            return 0;
        }
    }

    @Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true,
            description = "Removes Java dependencies from package.json (and their typings), then installs what remains.")
    public static final class Remove extends Base {
        @Parameters(arity = "1..*", paramLabel = "<groupId:artifactId>")
        List<String> keys;

        @Override
        int run(JavaProject project, PrintWriter out, PrintWriter err) {
            JsonObject java = project.javaSection(false);
            JsonObject deps = JavaProject.member(java, "dependencies", false);
            JsonObject exclusions = JavaProject.member(java, "exclusions", false);
            List<String> removed = new ArrayList<>();
            for (String k : keys) {
                String key = declaredKey(deps, k);
                if (key == null) {
                    throw new DependencyException(k + " is not a Java dependency of " + project.packageJson
                            + " (declared: " + String.join(", ", deps.keySet()) + ")");
                }
                removed.add(key + ":" + deps.get(key).getAsString());
                deps.remove(key);
                exclusions.remove(key);
            }
            JsonObject summary = new JsonObject();
            installAndReport(project, resolver(), false, summary, out, err);
            project.writePackageJson();
            for (String id : removed) {
                Artifact a = DependencyResolver.artifact(id);
                String base = a.getArtifactId() + "-" + a.getVersion() + (a.getClassifier().isEmpty() ? "" : "-" + a.getClassifier());
                for (String ext : List.of(".d.ts", ".js", ".napi.jar")) {
                    try {
                        Files.deleteIfExists(project.typingsDir().resolve(base + ext));
                    } catch (IOException e) {
                        err.println("napi-java remove: warning: cannot delete " + project.typingsDir().resolve(base + ext) + ": " + e);
                    }
                }
            }
            summary.add("removed", JavaProject.strings(removed));
            printJson(summary, out);
            return 0;
        }

        /** The declared key for g:a, g:a:v or g:a:ext:cls[:v]. */
        private static String declaredKey(JsonObject deps, String given) {
            if (deps.has(given)) {
                return given;
            }
            int colon = given.lastIndexOf(':');
            return colon > 0 && deps.has(given.substring(0, colon)) ? given.substring(0, colon) : null;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Updates Java dependencies to their newest release.",
                    "Sets the named ones (default: all of package.json's) to the newest release (no snapshots, alphas, betas, "
                    + "milestones or release candidates), resolves again and writes the lockfile."})
    public static final class Update extends Base {
        @Parameters(arity = "0..*", paramLabel = "<groupId:artifactId>")
        List<String> keys = new ArrayList<>();

        @Override
        int run(JavaProject project, PrintWriter out, PrintWriter err) {
            JsonObject deps = JavaProject.member(project.javaSection(false), "dependencies", false);
            for (String k : keys) {
                if (!deps.has(k)) {
                    throw new DependencyException(k + " is not a Java dependency of " + project.packageJson
                            + " (declared: " + String.join(", ", deps.keySet()) + ")");
                }
            }
            DependencyResolver resolver = resolver();
            JsonArray updated = new JsonArray();
            for (String key : new ArrayList<>(deps.keySet())) {
                if (!keys.isEmpty() && !keys.contains(key)) {
                    continue;
                }
                String from = deps.get(key).getAsString();
                String to = resolver.newestRelease(key);
                if (!to.equals(from)) {
                    deps.addProperty(key, to);
                    JsonObject u = new JsonObject();
                    u.addProperty("key", key);
                    u.addProperty("from", from);
                    u.addProperty("to", to);
                    updated.add(u);
                    if (!common.json && !common.quiet) {
                        out.println("napi-java: " + key + " " + from + " -> " + to);
                    }
                }
            }
            JsonObject summary = new JsonObject();
            installAndReport(project, resolver, false, summary, out, err);
            project.writePackageJson();
            summary.add("updated", updated);
            printJson(summary, out);
            return 0;
        }
    }

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = "Prints the locked Java dependency tree (like npm ls), from napi-java-lock.json: no network.")
    public static final class ListTree extends Base {
        @Override
        int run(JavaProject project, PrintWriter out, PrintWriter err) {
            JsonObject lock = project.readLock();
            if (lock == null) {
                throw new DependencyException("no " + JavaProject.LOCKFILE + " in " + project.dir + ": run `napi-java install` "
                        + "(or `napi-java add groupId:artifactId:version`) first");
            }
            if (!project.request().equals(lock.get("request"))) {
                err.println("napi-java list: warning: package.json's \"java\" sections changed since " + JavaProject.LOCKFILE
                        + " was written: run `napi-java install`");
            }
            JsonObject artifacts = lock.getAsJsonObject("artifacts");
            Map<String, String> chosen = new LinkedHashMap<>(); // key -> the id that won
            for (String id : artifacts.keySet()) {
                chosen.put(DependencyResolver.key(DependencyResolver.artifact(id)), id);
            }
            JsonObject tree = new JsonObject();
            Set<String> shown = new HashSet<>();
            StringBuilder text = new StringBuilder();
            String name = project.pkg.has("name") ? project.pkg.get("name").getAsString() : project.dir.getFileName().toString();
            text.append(name).append(' ').append(project.dir).append('\n');
            JsonObject roots = lock.getAsJsonObject("roots");
            List<String[]> top = new ArrayList<>(); // owner, id
            for (Map.Entry<String, JsonElement> e : roots.entrySet()) {
                for (JsonElement id : e.getValue().getAsJsonArray()) {
                    top.add(new String[] {e.getKey(), id.getAsString()});
                }
            }
            JsonArray topJson = new JsonArray();
            for (int i = 0; i < top.size(); i++) {
                String owner = top.get(i)[0];
                JsonObject node = node(top.get(i)[1], artifacts, chosen, shown, text, "", i == top.size() - 1,
                        ".".equals(owner) ? "" : " (from " + owner + ")");
                node.addProperty("declaredBy", owner);
                topJson.add(node);
            }
            tree.addProperty("name", name);
            tree.add("dependencies", topJson);
            if (common.json) {
                out.print(JavaProject.toJson(tree));
            } else {
                out.print(text);
            }
            return 0;
        }

        private static JsonObject node(String id, JsonObject artifacts, Map<String, String> chosen, Set<String> shown,
                StringBuilder text, String prefix, boolean last, String note) {
            JsonObject node = new JsonObject();
            node.addProperty("id", id);
            String winner = chosen.get(DependencyResolver.key(DependencyResolver.artifact(id)));
            String status = "";
            boolean expand = false;
            if (winner == null) {
                status = " (not on the class path: excluded or not compile/runtime scope)";
                node.addProperty("omitted", "scope");
            } else if (!winner.equals(id)) {
                status = " (omitted for conflict with " + winner.substring(winner.lastIndexOf(':') + 1) + ")";
                node.addProperty("omitted", "conflict");
                node.addProperty("chosen", winner);
            } else if (!shown.add(id)) {
                status = " (deduped)";
                node.addProperty("deduped", true);
            } else {
                expand = true;
            }
            text.append(prefix).append(last ? "└── " : "├── ").append(id).append(note).append(status).append('\n');
            JsonArray children = new JsonArray();
            if (expand) {
                JsonArray deps = artifacts.getAsJsonObject(id).getAsJsonArray("dependencies");
                for (int i = 0; i < deps.size(); i++) {
                    children.add(node(deps.get(i).getAsString(), artifacts, chosen, shown, text,
                            prefix + (last ? "    " : "│   "), i == deps.size() - 1, ""));
                }
                node.add("dependencies", children);
            }
            return node;
        }
    }
}
