package dev.napijava.emitters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import dev.napijava.bridge.Bridge;
import dev.napijava.bridge.Overload;
import dev.napijava.bridge.ClassDescriptor;
import dev.napijava.bridge.OverloadSet;
import dev.napijava.bridge.TsTypes;
import dev.napijava.bridge.TypeCode;
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
 * Update (or create) the golden files with {@code mvn -pl emitters test -Dgolden.update=true}; without it a
 * missing golden file fails its test.
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
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        // a missing golden file is a failure, never a silent first write (that would pass anything)
        assertTrue(Files.exists(file), "golden file " + file + " is missing (run with -Dgolden.update=true to create it)");
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
        // the golden file is JDK 17's: JDK 21 added SequencedCollection's methods to java.util.List,
        // which a List class of the test classes inherits (the glue lists them on such a JDK)
        String glue = all.toString().replaceAll(
                " {16}java\\.util\\.List\\.class\\.getDeclaredMethod\\(\"(addFirst|addLast|getFirst|getLast|removeFirst|removeLast|reversed)\"[^\n]*\n", "");
        golden("test-classes.glue.java.txt", glue);
        assertTrue(Files.size(result.glueJar) > 0);
    }

    /**
     * The typings with each package namespace's import aliases ({@code import $0 = jvm.java.lang;},
     * {@code $0.Integer}) written out ({@code jvm.java.lang.Integer}): the table's rows read the same
     * whatever alias a namespace gave a package.
     */
    static String withoutAliases(String dts) {
        StringBuilder out = new StringBuilder();
        Map<String, String> aliases = new java.util.HashMap<>();
        java.util.regex.Pattern decl = java.util.regex.Pattern.compile("^    import (\\$\\d+) = (jvm(?:\\.[\\w$]+)+);$");
        java.util.regex.Pattern use = java.util.regex.Pattern.compile("(?<![\\w$.])(\\$\\d+)\\.");
        for (String line : dts.split("\n", -1)) {
            if (line.startsWith("  namespace ")) {
                aliases.clear();
            }
            java.util.regex.Matcher d = decl.matcher(line);
            if (d.matches()) {
                aliases.put(d.group(1), d.group(2));
                continue;
            }
            java.util.regex.Matcher u = use.matcher(line);
            StringBuilder l = new StringBuilder();
            while (u.find()) {
                String target = aliases.get(u.group(1));
                u.appendReplacement(l, java.util.regex.Matcher.quoteReplacement(target == null ? u.group() : target + "."));
            }
            u.appendTail(l);
            out.append(l).append('\n');
        }
        return out.toString();
    }

    @Test
    void typingsSpeakTheRuntimeTable() throws Exception {
        String dts = withoutAliases(Files.readString(result.dts));
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/expected-typings.tsv"))) {
            String[] row = line.split("\t", 2);
            if (!line.startsWith("#") && !line.isBlank() && (row.length != 2 || !dts.contains(row[1]))) {
                missing.add(line);
            }
        }
        assertEquals(List.of(), missing, "expected-typings.tsv rows the typings do not contain");
        // a List class: iteration, length and index; a Java length() of its own is hidden by the package's
        String row = dts.substring(dts.indexOf("interface Data$Row extends jvm.java.util.AbstractList<string> {"),
                dts.indexOf("const Data$Row:"));
        assertTrue(row.contains("[Symbol.iterator](): $Iterator<string>;\n      readonly length: number;\n      [index: number]: string;"), row);
        assertTrue(!row.contains("      length(): number;") && row.contains("'length()'(): number;"), row);
    }

    /** Every TS global the runtime's spellings name is one the typings protect from Java names (DtsEmitter.TS_GLOBALS). */
    @Test
    void docsAreAsciiForTsc() throws Exception {
        // one non-Latin-1 character makes V8 hold the whole typings text as a two-byte string
        assertEquals("x &#8712; S, caf&#233; &#128512; ok", DtsEmitter.asciiOnly("x \u2208 S, caf\u00e9 \ud83d\ude00 ok"));
        assertEquals("plain", DtsEmitter.asciiOnly("plain"));
        // on a real jar's Javadoc (commons-lang3's has a few): tests/generator, "typings are ASCII"
    }

    @Test
    void tsGlobalsOfTheTableAreKnown() {
        List<String> spellings = new ArrayList<>(List.of(TsTypes.PROJECTED_CLASS, TsTypes.STRING_KEYED, TsTypes.ENUM_COMPONENT,
                TsTypes.NODE_READABLE, TsTypes.NODE_WRITABLE));
        for (TypeCode code : TypeCode.values()) {
            for (TsTypes.Direction d : TsTypes.Direction.values()) {
                spellings.add(String.valueOf(TsTypes.of(code, d)));
                spellings.add(String.valueOf(TsTypes.converted(code, d)));
            }
            spellings.add(String.valueOf(TsTypes.component(code, "java.util.List")));
            spellings.add(String.valueOf(TsTypes.component(code, "java.util.Date")));
        }
        for (TsTypes.ByValue v : TsTypes.BY_VALUE) {
            spellings.add(v.toJava + " " + v.fromJava);
        }
        for (TsTypes.Trait t : TsTypes.TRAITS) {
            spellings.addAll(t.members);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w.$'])[A-Z][A-Za-z0-9]*").matcher(String.join(" ", spellings));
        TreeSet<String> unknown = new TreeSet<>();
        while (m.find()) {
            if (!DtsEmitter.TS_GLOBALS.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        assertEquals(new TreeSet<>(), unknown, "TS globals in TsTypes that DtsEmitter.TS_GLOBALS does not list");
    }

    /** java.awt is split over java.desktop and java.datatransfer: its classes are found in both. */
    @Test
    void jdkClassesOfSplitPackagesAreFound() throws Exception {
        try (ApiModel model = ApiModel.open(CLASSES, List.of(jspecify()))) {
            for (String name : List.of("java/awt/Color", "java/awt/Point", "java/awt/datatransfer/Clipboard")) {
                assertTrue(model.get(name) != null, name);
            }
        }
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
                for (Overload c : s.candidates) {
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
