package dev.napijava.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeTest {
    @Test
    void findsNestedClassesBySourceOrBinaryName() {
        assertEquals(java.util.Map.Entry.class, Bridge.findClass("java.util.Map.Entry"));
        assertEquals(java.util.Map.Entry.class, Bridge.findClass("java.util.Map$Entry"));
        assertNull(Bridge.findClass("java.util.Nope"));
    }

    @Test
    void resolvesPackagesAndClasses() {
        assertEquals(Boolean.TRUE, Bridge.resolveName("java"));
        assertEquals(Boolean.TRUE, Bridge.resolveName("java.util"));
        assertEquals(java.util.ArrayList.class, Bridge.resolveName("java.util.ArrayList"));
        assertNull(Bridge.resolveName("java.utill"));
        // class-looking names go to classes first; nested classes by their source name
        assertEquals(java.util.Map.Entry.class, Bridge.resolveName("java.util.Map.Entry"));
        assertNull(Bridge.resolveName("java.util.NoSuchClass"));
        assertEquals(Boolean.TRUE, Bridge.resolveName("java.util.concurrent"));
    }

    @Test
    void importNamesTheMissingClass() {
        ClassNotFoundException e = assertThrows(ClassNotFoundException.class, () -> Bridge.importClass("a.b.Missing"));
        assertTrue(e.getMessage().contains("a.b.Missing") && e.getMessage().contains("jvm.load"), e.getMessage());
    }

    @Test
    void loadRejectsMissingAndCorruptJarsNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.jar");
        BridgeTypeError e1 = assertThrows(BridgeTypeError.class, () -> Bridge.load(missing.toString()));
        assertTrue(e1.getMessage().contains(missing.toString()) && e1.getMessage().contains("not found"));
        Path corrupt = Files.writeString(dir.resolve("corrupt.jar"), "this is not a zip");
        BridgeTypeError e2 = assertThrows(BridgeTypeError.class, () -> Bridge.load(corrupt.toString()));
        assertTrue(e2.getMessage().contains(corrupt.toString()) && e2.getMessage().contains("not a valid jar"),
                e2.getMessage());
    }

    @Test
    void javaStackHasOneLinePerFrameWithFileAndLine() {
        IllegalStateException real = new IllegalStateException("x");
        String stack = Bridge.javaStack(real);
        assertTrue(stack.startsWith("    at dev.napijava.bridge.BridgeTest.javaStackHasOneLinePerFrameWithFileAndLine(BridgeTest.java:"),
                stack);
        String[] lines = stack.split("\n", -1);
        assertEquals(real.getStackTrace().length, lines.length, stack);
        for (String line : lines) {
            assertTrue(line.matches("    at [\\w.$/]+\\.[\\w$<>]+\\((Native Method|Unknown Source|[\\w$.-]+\\.java(:\\d+)?)\\)"), line);
        }
        // each kind of frame, exactly
        Throwable made = new Throwable();
        made.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("a.B", "run", "B.java", 12),
            new StackTraceElement("a.B", "peek", null, -1),
            new StackTraceElement("java.lang.Thread", "sleep", null, -2), // -2: a native method
            new StackTraceElement("a.B$1", "<init>", "B.java", -1),
        });
        assertEquals(String.join("\n", "    at a.B.run(B.java:12)", "    at a.B.peek(Unknown Source)",
                "    at java.lang.Thread.sleep(Native Method)", "    at a.B$1.<init>(B.java)"), Bridge.javaStack(made));
    }
}
