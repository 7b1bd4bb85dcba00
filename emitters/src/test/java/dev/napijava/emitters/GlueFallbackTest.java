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
}
