package dev.napijava.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor on real sources: its diagnostics on examples/java-addon-errors (exports that cannot
 * work in JS: each one's code, place and text, nothing generated), the typings of examples/java-addon,
 * the module-wide bean-properties option. The module at run time: tests/js/java-addon.test.js.
 */
class JSExportProcessorTest {
    static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

    /** "File.java:line: KIND: message" for every diagnostic of compiling the folder with the processor. */
    static List<String> compile(Path sources, Path out, String... options) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile).collect(Collectors.toList());
        }
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> args = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-s", out.toString(), "-proc:only", "--release", "17"));
            args.addAll(List.of(options));
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, args, null, fm.getJavaFileObjectsFromFiles(files));
            task.setProcessors(List.of(new JSExportProcessor()));
            task.call();
        }
        List<String> lines = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String file = d.getSource() == null ? "-" : Path.of(d.getSource().toUri()).getFileName().toString();
            lines.add(file + ":" + d.getLineNumber() + ": " + d.getKind() + ": " + d.getMessage(Locale.ROOT));
        }
        return lines;
    }

    @Test
    void everyUnsupportedExportIsACompileErrorNamingTheMemberTheReasonAndTheFix(@TempDir Path out) throws IOException {
        List<String> got = compile(EXAMPLES.resolve("java-addon-errors/src/main/java"), out);
        List<String> expected = List.of(
                "Box.java:7: ERROR: NAPIJ1004: com.example.broken.Box has type parameters (T): exported signatures must"
                        + " name concrete types (the bridge erases generics). Use a concrete type or Object, or export a"
                        + " non-generic subclass.",
                "Hidden.java:7: ERROR: NAPIJ1001: com.example.broken.Hidden is not public: JS cannot reach it. Make it"
                        + " public, or remove @JSExport.",
                "Parsers.java:24: ERROR: NAPIJ1004: Parsers.first(java.util.List<T>) has type parameters (T): exported"
                        + " signatures must name concrete types (the bridge erases generics). Use a concrete type or Object,"
                        + " or export a non-generic subclass.",
                "Parsers.java:30: ERROR: NAPIJ1005: 'delete' (on Parsers.remove()) is not a usable JS name: JS reserves it."
                        + " Choose another with @JSExport(\"...\").",
                "Parsers.java:35: ERROR: NAPIJ1005: 'to-upper' (on Parsers.toUpper(java.lang.String)) is not a usable JS"
                        + " name: not an identifier. Choose another with @JSExport(\"...\").",
                "Parsers.java:41: ERROR: NAPIJ1001: Parsers.secret() is not public: JS cannot reach it. Make it public,"
                        + " or remove @JSExport.",
                "Service.java:9: ERROR: NAPIJ1006: @JSExport on Service.run() has no effect: its type Service is not"
                        + " exported (add @JSExport to Service; only static methods are exported alone, as module-level"
                        + " functions).",
                "Widget.java:19: ERROR: NAPIJ1005: 'constructor' (on Widget.build()) is not a usable JS name: JS reserves"
                        + " it. Choose another with @JSExport(\"...\").",
                "Widget.java:15: ERROR: NAPIJ1003: the JS name 'size' is taken twice, by Widget.count() and by"
                        + " Widget.size. Give one of them another name with @JSExport(\"...\").",
                "Parsers.java:18: ERROR: NAPIJ1003: the JS name 'parse' is taken twice, by Parsers.parseInt(java.lang.String)"
                        + " and by Parsers.parseDouble(java.lang.String). Give one of them another name with @JSExport(\"...\").",
                "Parsers.java:46: ERROR: NAPIJ1002: Parsers.unwrap(com.example.broken.Internal) uses"
                        + " com.example.broken.Internal, which is not public: JS could not be given or pass such a value."
                        + " Make Internal public, or do not export this member.",
                "Parsers.java:52: WARNING: NAPIJ2001: Parsers.plain() uses com.example.broken.Plain, which is not"
                        + " exported: it crosses as an opaque Java object (typed JavaObject). Add @JSExport to it for"
                        + " typings and an exact API.");
        assertEquals(String.join("\n", expected.stream().sorted().collect(Collectors.toList())),
                String.join("\n", got.stream().sorted().collect(Collectors.toList())));
        assertFalse(Files.exists(out.resolve("META-INF/napi-java")), "nothing is generated when an export is wrong");
    }

    @Test
    void beanPropertiesForTheWholeModuleByTheProcessorOption(@TempDir Path work) throws IOException {
        Path src = work.resolve("src/p");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Person.java"), String.join("\n", "package p;", "@dev.napijava.JSExport",
                "public class Person {", "  public String getName() { return \"n\"; }", "  public void setName(String n) { }",
                "  public boolean isAdult() { return true; }", "  public String getTitle(int i) { return \"\"; }",
                "  public void setAge(long a) { }", "}"));
        Path out = work.resolve("out");
        Files.createDirectories(out);
        assertEquals(List.of(), compile(work.resolve("src"), out, "-Anapijava.beanProperties=true"));
        String dts = Files.readString(out.resolve("META-INF/napi-java/index.d.ts"));
        for (String line : List.of("  name: string;", "  readonly adult: boolean;", "  getTitle(i: number): string;",
                "  setAge(a: number | bigint): void;")) {
            assertEquals(true, dts.contains(line), line + " in\n" + dts);
        }
        assertFalse(dts.contains("getName"), dts);
        String module = Files.readString(out.resolve("META-INF/napi-java/napi-java-module.json"));
        assertEquals(true, module.contains("{ \"js\": \"name\", \"get\": \"getName\", \"set\": \"setName\" }"), module);
        // without the option: methods
        Path plain = work.resolve("plain");
        Files.createDirectories(plain);
        assertEquals(List.of(), compile(work.resolve("src"), plain));
        assertEquals(true, Files.readString(plain.resolve("META-INF/napi-java/index.d.ts")).contains("  getName(): string;"));
    }

    @Test
    void theGoodExampleCompilesCleanlyIntoTheModuleFiles(@TempDir Path out) throws IOException {
        List<String> got = compile(EXAMPLES.resolve("java-addon/src/main/java"), out);
        assertEquals(List.of(), got);
        for (String f : List.of("index.js", "index.d.ts", "napi-java-module.json")) {
            assertNotNull(Files.readString(out.resolve("META-INF/napi-java/" + f)));
        }
        String dts = Files.readString(out.resolve("META-INF/napi-java/index.d.ts"));
        // a few spellings the runtime's tables decide (TypeCode + TsTypes)
        for (String line : List.of("export declare function total(cents: BigInt64Array | ", "export declare function factorial(n: number): bigint;",
                "export declare function at(epochMillis: number | bigint): Date;",
                "export declare function withTax(price: Promise<number>, rate: number): Promise<number>;",
                "export declare function brighter(c: Color | 'RED' | 'GREEN' | 'BLUE'): Color;",
                "onPrice(listener: PriceListener | ((item: string, price: number) => void)): void;",
                "  readonly count: number;", "static of(name: string, ...items: string[]): Inventory;",
                " * are JS properties: `inventory.name`, `inventory.count`.")) {
            assertEquals(true, dts.contains(line), line + " in\n" + dts);
        }
        String glue = Files.readString(out.resolve("com/example/shop/JSExportGlue.java"));
        assertFalse(glue.contains("getMethods()") || glue.contains("getDeclaredMethods()"), "exact look-ups only");
    }
}
