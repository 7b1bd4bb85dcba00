package dev.napijava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's exit codes (0 generated, 1 bad input, 2 usage) and its messages, in-process. */
class MainTest {
    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** A jar with one public class of this module (Main, without its nested classes). */
    private Path smallJar() throws Exception {
        Path jar = dir.resolve("small.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = Main.class.getResourceAsStream("Main.class")) {
            out.putNextEntry(new JarEntry("dev/napijava/cli/Main.class"));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, run().code(), "no command");
        assertEquals(2, run("generate").code(), "no --jar");
        Run bogus = run("generate", "--jar", "x.jar", "--bogus");
        assertEquals(2, bogus.code());
        assertTrue(bogus.err().contains("--bogus"), bogus.err());
    }

    @Test
    void versionAndHelpExit0() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("napi-java "), v.out());
        Run h = run("generate", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--json") && h.out().contains("--sources"), h.out());
    }

    @Test
    void badInputExits1WithTheReason() throws Exception {
        Run missing = run("generate", "--jar", dir.resolve("nope.jar").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.jar: file not found"), missing.err());
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        Run notJar = run("generate", "--jar", text.toString());
        assertEquals(1, notJar.code());
        assertTrue(notJar.err().contains("not a .jar file"), notJar.err());
        Path corrupt = Files.writeString(dir.resolve("corrupt.jar"), "not a zip");
        Run broken = run("generate", "--jar", corrupt.toString(), "--out", dir.resolve("o1").toString());
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("corrupt"), broken.err());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run outFile = run("generate", "--jar", smallJar().toString(), "--out", file.toString());
        assertEquals(1, outFile.code());
        assertTrue(outFile.err().contains("is a file, not a folder"), outFile.err());
    }

    @Test
    void generateExits0AndJsonSaysWhatItWrote() throws Exception {
        Path out = dir.resolve("out");
        Run r = run("generate", "--jar", smallJar().toString(), "--out", out.toString(), "--no-glue", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)\\{\"version\":.*\"classes\":[1-9][0-9]*,.*"), r.out());
        // the class's own nested classes are not in the jar: named as unresolved, typed unknown
        assertTrue(r.out().contains("\"unresolved\":[\"dev.napijava.cli.Main$Generate\""), r.out());
        assertTrue(r.out().contains("small.d.ts") && r.out().contains("small.js"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("small.d.ts")) && Files.isRegularFile(out.resolve("small.js")));
    }

    @Test
    void glueOnlyWithGlue() throws Exception {
        Path plain = dir.resolve("plain");
        assertEquals(0, run("generate", "--jar", smallJar().toString(), "--out", plain.toString()).code());
        assertTrue(Files.isRegularFile(plain.resolve("small.d.ts")));
        assertFalse(Files.exists(plain.resolve("small.napi.jar")), "no glue by default");
        Path glued = dir.resolve("glued");
        Run r = run("generate", "--jar", smallJar().toString(), "--out", glued.toString(), "--glue", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(glued.resolve("small.napi.jar")), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*\"glued\":[1-9].*"), r.out());
    }
}
