package dev.napijava.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.napijava.analyzer.AnalyzerException;
import dev.napijava.cli.deps.DependencyCommands;
import dev.napijava.cli.pack.PackCommand;
import dev.napijava.emitters.Generator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code napi-java}: exit codes 0 ok, 1 bad input (missing/corrupt jar...), 2 usage. */
@Command(name = "napi-java", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "node-api-java tools.", subcommands = {Main.Generate.class, DependencyCommands.Add.class, DependencyCommands.Install.class,
                DependencyCommands.Remove.class, DependencyCommands.ListTree.class, DependencyCommands.Update.class, PackCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("napi-java: " + ex);
            return 1;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"napi-java " + Generator.VERSION + " (Java " + System.getProperty("java.version") + ")"};
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"Generates, for a jar: TypeScript typings (<name>.d.ts) and a JS loader (<name>.js) that",
                    "loads the jar into node-api-java; with --glue also compiled Java glue (<name>.napi.jar)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:generated", "1:bad input (missing, corrupt or non-jar file...)", "2:usage error"})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--jar", required = true, paramLabel = "<jar>", description = "The jar to generate for.")
        Path jar;

        @Option(names = {"--classpath", "-cp"}, split = "[:;,]", paramLabel = "<jars>",
                description = "Jars (or class folders) the jar's API refers to; also loaded by the loader. "
                        + "Separated by the platform's path separator, ',' or ';' (or repeat the option).")
        List<Path> classpath = new ArrayList<>();

        @Option(names = "--sources", paramLabel = "<jar|dir>",
                description = "Sources jar or folder: parameter names and Javadoc (repeatable; one that matches none of the jar's classes is warned about).")
        List<Path> sources = new ArrayList<>();

        @Option(names = "--out", paramLabel = "<dir>", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--include", paramLabel = "<package prefix>",
                description = "Only packages starting with this prefix (repeatable); default: every package.")
        List<String> includes = new ArrayList<>();

        // Off by default: measured (bench/generator.js), the glue saves nothing when classes are projected
        // (class loading and initialisation dominate, not getMethods()) and calls do not depend on it,
        // while its javac costs most of a run's time (guava 33: 12 s with, 3 s without)
        @Option(names = "--glue", negatable = true, defaultValue = "false", fallbackValue = "true",
                description = "Also compile Java glue (<name>.napi.jar: per class an adapter naming its members, so the "
                        + "bridge skips reflection when it projects the class). Default: off (--no-glue): it measures no "
                        + "gain yet and its javac takes most of the generation time.")
        boolean glue;

        @Option(names = "--quiet", description = "Print errors only.")
        boolean quiet;

        @Option(names = "--json", description = "Print a JSON summary on stdout instead of the text one (classes, files, warnings, timings).")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter outw = spec.commandLine().getOut();
            if (!Files.exists(jar)) {
                err.println("napi-java: " + jar + ": file not found");
                return 1;
            }
            if (!jar.getFileName().toString().endsWith(".jar") && !Files.isDirectory(jar)) {
                err.println("napi-java: " + jar + ": not a .jar file");
                return 1;
            }
            String outProblem = Files.exists(out) && !Files.isDirectory(out) ? "is a file, not a folder"
                    : Files.isDirectory(out) && !Files.isWritable(out) ? "is a folder you cannot write to" : null;
            if (outProblem == null && !Files.exists(out)) {
                try {
                    Files.createDirectories(out);
                } catch (java.io.IOException | SecurityException e) {
                    outProblem = "cannot be created (" + e + ")";
                }
            }
            if (outProblem != null) {
                err.println("napi-java: --out " + out + ": " + outProblem + "; pass a folder to write the typings, loader and glue into");
                return 1;
            }
            Generator.Options o = new Generator.Options();
            o.jar = jar;
            o.classpath = classpath;
            o.sources = sources;
            o.out = out;
            o.includes = includes;
            o.glue = glue;
            o.fallbackPackage = System.getProperty("napi.java.package");
            ProgressBar bar = quiet || json ? null : ProgressBar.forTerminal(err);
            o.progress = bar;
            Generator.Result r;
            try {
                r = Generator.generate(o);
            } catch (AnalyzerException e) {
                if (bar != null) {
                    bar.done();
                }
                err.println("napi-java: " + e.getMessage());
                return 1;
            } catch (Exception e) {
                if (bar != null) {
                    bar.done();
                }
                err.println("napi-java: " + e.getMessage());
                return 1;
            }
            if (bar != null) {
                bar.done();
            }
            if (json) {
                outw.println(jsonSummary(r));
                outw.flush();
                return 0;
            }
            if (!r.unresolved.isEmpty()) {
                List<String> some = new ArrayList<>(r.unresolved);
                err.println("napi-java: warning: " + some.size() + " referenced classes were not found (typed as unknown); "
                        + "add their jars with --classpath: " + String.join(", ", some.subList(0, Math.min(8, some.size())))
                        + (some.size() > 8 ? ", ..." : ""));
            }
            for (String w : r.warnings) {
                err.println("napi-java: warning: " + w);
            }
            if (!quiet) {
                outw.printf("napi-java: %d classes typed (+%d referenced, %d stubs)%s in %d ms%n", r.classes,
                        r.referencedTypes, r.stubTypes, r.glueJar != null ? ", " + r.glued + " glued" : "", r.millis);
                outw.println("  " + r.dts);
                outw.println("  " + r.loader);
                if (r.glueJar != null) {
                    outw.println("  " + r.glueJar);
                }
            }
            return 0;
        }

        /** --json: what was generated, for scripts and build tools. */
        static String jsonSummary(Generator.Result r) {
            List<String> files = new ArrayList<>(List.of(r.dts.toString(), r.loader.toString()));
            if (r.glueJar != null) {
                files.add(r.glueJar.toString());
            }
            JsonObject out = new JsonObject();
            out.addProperty("version", Generator.VERSION);
            out.addProperty("classes", r.classes);
            out.addProperty("referencedTypes", r.referencedTypes);
            out.addProperty("stubTypes", r.stubTypes);
            out.addProperty("glued", r.glueJar != null ? r.glued : 0);
            out.addProperty("sourcesMatched", r.sourcesMatched);
            out.addProperty("millis", r.millis);
            out.add("files", array(files));
            out.add("warnings", array(r.warnings));
            out.add("unresolved", array(new ArrayList<>(new java.util.TreeSet<>(r.unresolved))));
            return new GsonBuilder().disableHtmlEscaping().create().toJson(out);
        }

        private static JsonArray array(List<String> items) {
            JsonArray a = new JsonArray();
            items.forEach(a::add);
            return a;
        }
    }
}
