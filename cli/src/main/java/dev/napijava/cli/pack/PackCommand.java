package dev.napijava.cli.pack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.napijava.emitters.Generator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code napi-java pack}: a jar built with the {@code @JSExport} processor (and the jars it needs) as
 * an npm package tarball: package.json, the processor's entry, typings and descriptor, an ES module
 * entry with the exported names, the jars under {@code java/}.
 */
@Command(name = "pack",
        description = {"Makes an npm package (<name>-<version>.tgz) of a Java library compiled with the @JSExport",
                "processor: `npm install` it, then require('<name>') or import it, with only a JDK on the machine."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:packed (the tarball's path on stdout)", "1:bad input (no module in the jar, bad name...)", "2:usage error"})
public final class PackCommand implements Callable<Integer> {
    static final String MODULE_DIR = "META-INF/napi-java/";
    /** npm's rule for package names (validate-npm-package-name, new packages). */
    private static final Pattern NPM_NAME = Pattern.compile("(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*");
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "JAR", description = "The library's jar, compiled with napi-java-processor.")
    Path jar;

    @Option(names = "--jar", paramLabel = "JAR", description = "A jar the library needs at run time (repeatable).")
    List<Path> extraJars = new ArrayList<>();

    @Option(names = "--name", description = "The npm package name (default: the jar's Maven artifactId).")
    String name;

    @Option(names = "--version", description = "The package version (default: the jar's Maven version).")
    String version;

    @Option(names = "--description", description = "package.json's description.")
    String description;

    @Option(names = {"-o", "--out"}, description = "The folder to write the tarball into (default: the current folder).")
    Path out = Path.of(".");

    @Override
    public Integer call() throws IOException {
        try {
            Path tarball = pack();
            System.out.println(tarball.toAbsolutePath().normalize());
            return 0;
        } catch (PackException e) {
            System.err.println("napi-java pack: " + e.getMessage());
            return 1;
        }
    }

    static final class PackException extends Exception {
        private static final long serialVersionUID = 1L;

        PackException(String message) {
            super(message);
        }
    }

    Path pack() throws IOException, PackException {
        Map<String, byte[]> module = readModule(jar);
        Properties pom = pomProperties(jar);
        String pkgName = name != null ? name : pom.getProperty("artifactId");
        String pkgVersion = version != null ? version : pom.getProperty("version");
        if (pkgName == null || pkgVersion == null) {
            throw new PackException(jar + " has no Maven pom.properties to take the package's name and version from:"
                    + " give --name and --version");
        }
        if (pkgName.length() > 214 || !NPM_NAME.matcher(pkgName).matches()) {
            throw new PackException("'" + pkgName + "' is not a valid npm package name (lower case letters, digits,"
                    + " - . _ ~, an optional @scope/): give another with --name");
        }
        if (!SEMVER.matcher(pkgVersion).matches()) {
            throw new PackException("'" + pkgVersion + "' is not a semantic version (such as 1.2.3): give one with --version");
        }
        List<Path> jars = new ArrayList<>();
        jars.add(jar);
        for (Path extra : extraJars) {
            if (!Files.isRegularFile(extra)) {
                throw new PackException("no such jar: " + extra);
            }
            jars.add(extra);
        }

        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        JsonObject descriptor;
        try {
            descriptor = JsonParser.parseString(new String(module.get("napi-java-module.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new PackException(jar + "'s " + MODULE_DIR + "napi-java-module.json is damaged (" + e.getMessage()
                    + "): rebuild the library");
        }
        JsonArray jarPaths = new JsonArray();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path j : jars) {
            String file = "java/" + j.getFileName();
            if (files.containsKey(file)) {
                throw new PackException("two jars are named " + j.getFileName() + ": rename one");
            }
            jarPaths.add(file);
            files.put(file, Files.readAllBytes(j));
        }
        descriptor.add("jars", jarPaths);
        List<String> names = new ArrayList<>();
        for (JsonElement e : descriptor.getAsJsonArray("exports")) {
            names.add(e.getAsJsonObject().get("js").getAsString());
        }

        JsonObject pkg = new JsonObject();
        pkg.addProperty("name", pkgName);
        pkg.addProperty("version", pkgVersion);
        pkg.addProperty("description", description != null ? description
                : "A Java library as a Node.js module (node-api-java, @JSExport)");
        pkg.addProperty("main", "index.js");
        pkg.addProperty("types", "index.d.ts");
        JsonObject dot = new JsonObject();
        dot.addProperty("types", "./index.d.ts");
        dot.addProperty("import", "./index.mjs");
        dot.addProperty("require", "./index.js");
        JsonObject exportsMap = new JsonObject();
        exportsMap.add(".", dot);
        exportsMap.addProperty("./package.json", "./package.json");
        pkg.add("exports", exportsMap);
        JsonObject deps = new JsonObject();
        deps.addProperty("node-api-java", "^" + Generator.VERSION);
        pkg.add("dependencies", deps);

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package.json", (gson.toJson(pkg) + "\n").getBytes(StandardCharsets.UTF_8));
        entries.put("index.js", module.get("index.js"));
        entries.put("index.mjs", esmEntry(names).getBytes(StandardCharsets.UTF_8));
        entries.put("index.d.ts", module.get("index.d.ts"));
        entries.put("napi-java-module.json", (gson.toJson(descriptor) + "\n").getBytes(StandardCharsets.UTF_8));
        entries.putAll(files);

        Files.createDirectories(out);
        String fileName = pkgName.replace("@", "").replace('/', '-') + "-" + pkgVersion + ".tgz";
        Path target = out.resolve(fileName);
        Path partial = Files.createTempFile(out, fileName, ".partial");
        try {
            try (NpmTarball tar = new NpmTarball(Files.newOutputStream(partial))) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    tar.add(e.getKey(), e.getValue());
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    /** An ES module over the CommonJS entry: the same object as the default export, its names as named exports. */
    static String esmEntry(List<String> names) {
        StringBuilder s = new StringBuilder("// Generated by napi-java pack: the ES module entry (the same exports as index.js).\n")
                .append("import { createRequire } from 'node:module';\n\n")
                .append("const lib = createRequire(import.meta.url)('./index.js');\nexport default lib;\n");
        if (!names.isEmpty()) {
            s.append("export const { ").append(String.join(", ", names)).append(" } = lib;\n");
        }
        return s.toString();
    }

    private static Map<String, byte[]> readModule(Path jar) throws IOException, PackException {
        if (!Files.isRegularFile(jar)) {
            throw new PackException("no such jar: " + jar);
        }
        Map<String, byte[]> module = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String file : List.of("napi-java-module.json", "index.js", "index.d.ts")) {
                ZipEntry e = zip.getEntry(MODULE_DIR + file);
                if (e == null) {
                    throw new PackException(jar + " has no " + MODULE_DIR + file + ": it was not compiled with the @JSExport"
                            + " processor, or it exports nothing. Add napi-java-processor to its build and name the processor"
                            + " (annotationProcessors: dev.napijava.processor.JSExportProcessor): from JDK 23 on, javac runs"
                            + " no processor it only finds on the class path. README \"Write a Node.js module in Java\"");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    module.put(file, in.readAllBytes());
                }
            }
        } catch (ZipException e) {
            throw new PackException(jar + " is not a jar (" + e.getMessage() + ")");
        }
        return module;
    }

    private static Properties pomProperties(Path jar) throws IOException {
        Properties p = new Properties();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                    break;
                }
            }
        }
        return p;
    }
}
