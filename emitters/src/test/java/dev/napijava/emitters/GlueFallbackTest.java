package dev.napijava.emitters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Glue javac rejects is never fatal: the classes whose sources failed lose their glue, the rest keep it. */
class GlueFallbackTest {
    private static final Path CLASSES = Path.of("target/test-classes");

    @Test
    void classesJavacRejectsLoseTheirGlueOnly() throws Exception {
        Path jspecify = Path.of(org.jspecify.annotations.Nullable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ApiModel model = ApiModel.open(CLASSES, List.of(jspecify))) {
            List<ClassInfo> classes = model.primaryClasses(List.of("gencases"), null);
            GlueEmitter glue = new GlueEmitter("test", "test-classes", "napi.glue.fallback");
            glue.generate(classes, List.of(CLASSES, jspecify));
            int before = glue.glued;
            assertTrue(before > 2, "glued " + before);
            String broken = glue.sources.keySet().stream().filter(k -> !k.endsWith("/Index.java")).findFirst().orElseThrow();
            glue.sources.put(broken, glue.sources.get(broken).replace("final class", "final klass")); // what javac cannot compile
            Path jar = Files.createTempDirectory("glue").resolve("g.napi.jar");
            List<Path> cp = List.of(CLASSES, jspecify);
            GlueEmitter.GlueCompileException failed = assertThrows(GlueEmitter.GlueCompileException.class,
                    () -> glue.compile(cp, Runtime.version().feature(), jar));
            assertEquals(Set.of(broken), failed.failedSources, failed.getMessage());
            assertTrue(glue.without(failed.failedSources, failed.messages));
            glue.compile(cp, Runtime.version().feature(), jar);
            assertEquals(before - 1, glue.glued);
            assertFalse(glue.sources.containsKey(broken));
            assertTrue(glue.warnings.stream().anyMatch(w -> w.contains("projected by reflection")), String.valueOf(glue.warnings));
            assertTrue(Files.size(jar) > 0);
            // the index failing: nothing to leave out, the caller goes without glue
            assertFalse(glue.without(Set.of("napi/glue/fallback/Index.java"), List.of("x")));
        }
    }

    /** A jar of thousands of classes (poi-ooxml-full: 6,000) has an index javac compiles: in parts. */
    @Test
    void aLargeIndexCompilesInParts() throws Exception {
        Path jspecify = Path.of(org.jspecify.annotations.Nullable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ApiModel model = ApiModel.open(CLASSES, List.of(jspecify))) {
            GlueEmitter glue = new GlueEmitter("test", "test-classes", "napi.glue.large");
            glue.generate(model.primaryClasses(List.of("gencases"), null), List.of(CLASSES, jspecify));
            java.util.Map<String, Object> any = glue.entries.get(0);
            int n = GlueEmitter.INDEX_PART * 6 + 7; // one method's 64 KB used to end at ~3,000
            while (glue.entries.size() < n) {
                java.util.Map<String, Object> e = new java.util.HashMap<>(any);
                e.put("name", "gencases.Many" + glue.entries.size());
                glue.entries.add(e);
            }
            glue.renderIndex();
            Path jar = Files.createTempDirectory("glue").resolve("large.napi.jar");
            glue.compile(List.of(CLASSES, jspecify), Runtime.version().feature(), jar);
            try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL(), CLASSES.toUri().toURL()},
                    GlueFallbackTest.class.getClassLoader())) {
                dev.napijava.bridge.glue.GlueIndex index = (dev.napijava.bridge.glue.GlueIndex)
                        loader.loadClass(glue.indexClass()).getConstructor().newInstance();
                String[] names = index.classNames();
                assertEquals(n, names.length);
                assertEquals("gencases.Many" + (n - 1), names[n - 1]);
                assertTrue(index.glueFor("gencases.Many" + (n - 1)) != null, "the last part answers");
                assertTrue(index.glueFor((String) any.get("name")) != null, "the first part answers");
                assertEquals(null, index.glueFor("gencases.Nope"));
            }
        }
    }
}
