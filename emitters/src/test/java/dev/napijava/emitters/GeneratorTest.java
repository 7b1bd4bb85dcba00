package dev.napijava.emitters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import dev.napijava.bridge.Bridge;
import dev.napijava.bridge.Callable;
import dev.napijava.bridge.ClassDescriptor;
import dev.napijava.bridge.OverloadSet;
import dev.napijava.bridge.glue.GlueIndex;
import dev.napijava.bridge.glue.GlueRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden files per emitter (typings, loader, glue sources) on the gencases test classes, and the
 * checks that keep the generator and the runtime in step: the ASM projection names the same
 * members as the runtime's reflective ClassDescriptor, and glue-built descriptors equal reflective ones.
 * Update the golden files with {@code mvn -pl emitters test -Dgolden.update=true}.
 */
class GeneratorTest {
    private static final Path CLASSES = Path.of("target/test-classes");
    private static final Path OUT = Path.of("target/golden-out");
    private static final Path GOLDEN = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));
    private static Generator.Result result;

    @BeforeAll
    static void generate() throws Exception {
        Generator.Options o = new Generator.Options();
        o.jar = CLASSES;
        o.classpath = List.of(jspecify());
        o.out = OUT;
        o.includes = List.of("gencases");
        result = Generator.generate(o);
    }

    private static Path jspecify() throws Exception {
        return Path.of(org.jspecify.annotations.Nullable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void golden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                name + " differs from its golden file (run with -Dgolden.update=true if the change is intended)");
    }

    @Test
    void typingsGolden() throws Exception {
        // Only the jar's own namespace: the referenced JDK types come from the running JDK (17, 25...).
        String dts = Files.readString(result.dts);
        int start = dts.indexOf("\n  namespace gencases {");
        golden("test-classes.d.ts", dts.substring(start, dts.indexOf("\n  }\n", start) + 5));
    }

    @Test
    void loaderGolden() throws Exception {
        // The classpath jar's relative path depends on where the checkout and ~/.m2 are: not golden.
        golden("test-classes.js", Files.readString(result.loader)
                .replaceAll("'[^']*/jspecify-[^'/]*\\.jar'", "'<maven repository>/jspecify.jar'"));
    }

    @Test
    void glueGolden() throws Exception {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String> e : result.glueSources.entrySet()) {
            all.append("//// ").append(e.getKey()).append('\n').append(e.getValue());
        }
        golden("test-classes.glue.java.txt", all.toString());
        assertTrue(Files.size(result.glueJar) > 0);
    }

    @Test
    void typingsSpeakTheRuntimeTable() throws Exception {
        String dts = Files.readString(result.dts);
        assertTrue(dts.contains("area(side: number): number;"), "int/double overloads");
        assertTrue(dts.contains("area(a: number | bigint, b: number | bigint): number | bigint;"), "long");
        assertTrue(dts.contains("'area(long,long)'(a: number | bigint, b: number | bigint): number | bigint;"), "selector");
        assertTrue(dts.contains("readonly data: Uint8Array;"), "byte[] field");
        assertTrue(dts.contains("find(key: string, fallback: string | null): string | null;"), "JSpecify nullable");
        assertTrue(dts.contains("describe(o: $In.java.lang.Object): string;"), "Object params accept JS values");
        assertTrue(dts.contains("sum(...values: number[]): number;"), "varargs");
        assertTrue(dts.contains("readonly Corner: typeof jvm.gencases.Shapes$Corner;"), "nested classes");
        assertTrue(dts.contains("areaAsync(a: number | bigint, b: number | bigint): Promise<number | bigint>;"), "async variant");
        assertTrue(dts.contains("touchAsync(): Promise<null>;"), "void async settles with null");
        assertTrue(dts.contains("later(s: string): Promise<string>;"), "future result");
        assertTrue(dts.contains("laterAsync(s: string): Promise<string>;"), "async of a future: adopted, not nested");
        assertTrue(dts.contains("lengthOf(s: Promise<string> | jvm.java.util.concurrent.CompletableFuture<string>): Promise<number>;"),
                "future parameter");
        assertTrue(dts.contains("apply(f: $Js.java.util.function$.Function<string, number>, s: string): number;"), "callback");
        assertTrue(dts.contains("type Function<T extends $Out.java.lang.Object, R extends $Out.java.lang.Object> = { call(arg0: T): R }['call']"),
                "functional interface: a JS function");
        assertTrue(dts.contains("type Callbacks$Greeter = { greet(arg0: string): string; punctuation?(): string; times(): number; };"),
                "JS object: default methods optional");
        assertTrue(dts.contains("open(data: Int8Array") && dts.contains("): import('stream').Readable;"), "InputStream result");
        assertTrue(dts.contains("copy(in_: import('stream').Readable | jvm.java.io.InputStream, out: import('stream').Writable"
                + " | jvm.java.io.OutputStream): number | bigint;"), "stream parameters");
        assertTrue(dts.contains("/// <reference types=\"node\" />"), "streams need @types/node");
    }

    @Test
    void asmProjectionMatchesTheRuntime() throws Exception {
        List<String> names = List.of("gencases.Shapes", "gencases.IntBox", "gencases.Box", "gencases.Shapes$Side",
                "java.util.ArrayList", "java.lang.StringBuilder", "java.util.HashMap", "java.lang.String",
                "java.util.concurrent.ConcurrentHashMap", "java.lang.Thread");
        try (ApiModel model = ApiModel.open(CLASSES, List.of(jspecify()))) {
            Projection p = new Projection(model);
            for (String n : names) {
                ClassInfo c = model.get(n.replace('.', '/'));
                Projection.View v = p.view(c);
                ClassDescriptor d = Bridge.describe(Class.forName(n));
                assertEquals(setNames(d.instanceMethods, true), groupNames(v.instances), n + " instance members");
                assertEquals(setNames(d.staticMethods, true), groupNames(v.statics), n + " static members");
                List<String> fields = new ArrayList<>();
                Arrays.stream(d.instanceFields).forEach(f -> fields.add(f.name));
                List<String> vf = new ArrayList<>();
                v.instanceFields.forEach(f -> vf.add(f.field.name));
                assertEquals(fields, vf, n + " fields");
                assertEquals(Arrays.asList(d.nestedNames), new ArrayList<>(v.nested.keySet()), n + " nested");
            }
        }
    }

    private static List<String> setNames(OverloadSet[] sets, boolean withAsync) {
        List<String> out = new ArrayList<>();
        for (OverloadSet s : sets) {
            if (!s.name.endsWith("Async") || withAsync) {
                out.add(s.name + "/" + s.candidates.length);
            }
        }
        return out;
    }

    private static List<String> groupNames(List<Projection.Group> groups) {
        List<String> out = new ArrayList<>();
        for (Projection.Group g : groups) {
            out.add(g.name + "/" + g.members.size());
        }
        return out;
    }

    @Test
    void glueBuildsTheSameDescriptorsAsReflection() throws Exception {
        try (URLClassLoader glue = new URLClassLoader(new URL[] {result.glueJar.toUri().toURL()},
                GeneratorTest.class.getClassLoader())) {
            GlueIndex index = (GlueIndex) glue.loadClass("napi.glue.test_classes.Index").getDeclaredConstructor().newInstance();
            GlueRegistry.register(index);
            int hits = GlueRegistry.stats()[1];
            for (String n : index.classNames()) {
                Class<?> type = Class.forName(n);
                GlueRegistry.setEnabled(false);
                ClassDescriptor reflective = Bridge.describe(type);
                GlueRegistry.setEnabled(true);
                ClassDescriptor glued = Bridge.describe(type);
                assertEquals(shape(reflective), shape(glued), n);
            }
            assertEquals(index.classNames().length, GlueRegistry.stats()[1] - hits, "every class served by its glue");
        }
    }

    private static String shape(ClassDescriptor d) {
        StringBuilder sb = new StringBuilder();
        for (OverloadSet[] sets : List.of(new OverloadSet[] {d.constructors}, d.staticMethods, d.instanceMethods)) {
            for (OverloadSet s : sets) {
                sb.append(s.name).append('[');
                for (Callable c : s.candidates) {
                    sb.append(c.executable).append(';');
                }
                sb.append("]\n");
            }
        }
        TreeSet<String> fields = new TreeSet<>();
        Arrays.stream(d.staticFields).forEach(f -> fields.add("static " + f.field));
        Arrays.stream(d.instanceFields).forEach(f -> fields.add(f.field.toString()));
        return sb + fields.toString() + Arrays.toString(d.nestedNames) + Arrays.toString(d.nestedClasses);
    }
}
