package dev.napijava.emitters;

import dev.napijava.analyzer.AnalyzerException;
import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code napi-java generate}: analyse a jar, then write {@code <base>.d.ts}, {@code <base>.js} and {@code <base>.napi.jar}. */
public final class Generator {
    public static final String VERSION = Generator.class.getPackage().getImplementationVersion() != null
            ? Generator.class.getPackage().getImplementationVersion() : "0.1.0";

    /** What to generate. */
    public static final class Options {
        public Path jar;
        public List<Path> classpath = new ArrayList<>();
        /** Sources jars or folders: parameter names and Javadoc (each one warned about when it matches nothing). */
        public List<Path> sources = new ArrayList<>();
        public Path out = Path.of("out");
        public List<String> includes = new ArrayList<>();
        public boolean glue = true;
        /** For the loader when node-api-java is not resolvable from the output folder. */
        public String fallbackPackage;
        public ApiModel.ProgressListener progress;
    }

    /** What was generated, with counts and warnings for the summary. */
    public static final class Result {
        public Path dts;
        public Path loader;
        public Path glueJar;
        public int classes;
        public int referencedTypes;
        public int stubTypes;
        public int glued;
        public int sourcesMatched;
        public final List<String> warnings = new ArrayList<>();
        public Set<String> unresolved = Set.of();
        public long millis;
        public Map<String, String> glueSources = Map.of();
    }

    private Generator() {
    }

    public static String baseName(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    public static Result generate(Options o) throws AnalyzerException, IOException, GlueEmitter.GlueCompileException {
        long started = System.nanoTime();
        Result r = new Result();
        String base = baseName(o.jar);
        try (ApiModel model = ApiModel.open(o.jar, o.classpath)) {
            List<ClassInfo> classes = model.primaryClasses(o.includes, o.progress);
            if (classes.isEmpty()) {
                throw new AnalyzerException(o.jar + ": no public classes" + (o.includes.isEmpty() ? "" : " in " + o.includes));
            }
            for (Path sources : o.sources) {
                int matched = model.attachSources(sources, o.progress);
                r.sourcesMatched += matched;
                if (matched == 0) {
                    r.warnings.add(sources + ": these sources match none of " + o.jar.getFileName()
                            + "'s public classes (the sources of another library, or another version?)");
                }
            }
            Files.createDirectories(o.out);
            Projection projection = new Projection(model);
            String root = "jvm";
            DtsEmitter dts = new DtsEmitter(model, projection, root);
            Map<String, Object> header = new HashMap<>();
            header.put("version", VERSION);
            header.put("jarName", o.jar.getFileName().toString());
            header.put("baseName", base);
            if (o.progress != null) {
                o.progress.progress("writing typings", 0, 1);
            }
            String text = dts.emit(classes, header);
            r.dts = o.out.resolve(base + ".d.ts");
            Files.writeString(r.dts, text, StandardCharsets.UTF_8);
            r.classes = dts.classesFull;
            r.referencedTypes = dts.classesReferenced;
            r.stubTypes = dts.classesStub;
            r.unresolved = model.missing();
            r.warnings.addAll(dts.warnings);

            String gluePkg = "napi.glue." + base.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^([0-9])", "_$1");
            boolean hasGlue = false;
            if (o.glue) {
                if (o.progress != null) {
                    o.progress.progress("compiling glue", 0, 1);
                }
                List<Path> cp = new ArrayList<>();
                cp.add(o.jar);
                cp.addAll(o.classpath);
                GlueEmitter glue = new GlueEmitter(VERSION, o.jar.getFileName().toString(), gluePkg);
                long t0 = System.nanoTime();
                glue.generate(classes, cp);
                long t1 = System.nanoTime();
                r.glueJar = o.out.resolve(base + ".napi.jar");
                // The member lists come from this JDK's reflection (e.g. SequencedMap methods on 21+), so the
                // glue targets this JDK; on an older JDK the runtime ignores it and reflects instead.
                int release = Math.max(Runtime.version().feature(), Math.max(17, model.maxClassRelease()));
                try {
                    glue.compile(cp, release, r.glueJar);
                    hasGlue = true;
                } catch (GlueEmitter.GlueCompileException e) {
                    // never fatal: without the classes javac rejected, else without glue (reflection at run time)
                    boolean retried = glue.without(e.failedSources, e.messages);
                    try {
                        if (!retried) {
                            throw e;
                        }
                        glue.compile(cp, release, r.glueJar);
                        hasGlue = true;
                    } catch (GlueEmitter.GlueCompileException again) {
                        r.warnings.add("no glue: " + again.getMessage().replace("\n", " ") + "; every class is projected by reflection at run time");
                        r.glueJar = null;
                    }
                }
                if (Boolean.getBoolean("napi.java.timing")) {
                    System.err.printf("glue: sources %d ms, javac %d ms%n", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
                }
                r.glued = hasGlue ? glue.glued : 0;
                r.glueSources = glue.sources;
                r.warnings.addAll(glue.warnings);
                if (glue.skipped > glue.warnings.size()) {
                    r.warnings.add((glue.skipped - glue.warnings.size()) + " more classes without glue");
                }
            }
            r.loader = o.out.resolve(base + ".js");
            Files.writeString(r.loader, loader(o, base, hasGlue, gluePkg + ".Index"), StandardCharsets.UTF_8);
        }
        r.millis = (System.nanoTime() - started) / 1_000_000;
        return r;
    }

    static String loader(Options o, String base, boolean hasGlue, String indexClass) {
        Path outAbs = o.out.toAbsolutePath().normalize();
        List<String> jars = new ArrayList<>();
        jars.add(js(outAbs.relativize(o.jar.toAbsolutePath().normalize()).toString()));
        for (Path p : o.classpath) {
            jars.add(js(outAbs.relativize(p.toAbsolutePath().normalize()).toString()));
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("version", VERSION);
        scope.put("jarName", o.jar.getFileName().toString());
        scope.put("baseName", base);
        scope.put("jars", jars);
        scope.put("hasGlue", hasGlue);
        scope.put("glueJar", base + ".napi.jar");
        scope.put("indexClass", indexClass);
        scope.put("fallbackJson", o.fallbackPackage == null ? "null" : js(o.fallbackPackage));
        return Templates.render("loader.js.mustache", scope);
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "/").replace("'", "\\'") + "'";
    }
}
