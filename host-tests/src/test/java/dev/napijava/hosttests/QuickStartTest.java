package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.NodejsPlatform;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Java hosts Node with nothing but the runtime jar: no napi.java.package and no
 * node_modules/node-api-java; the jar's bundled package is extracted to a cache folder.
 */
class QuickStartTest {
    /** Exit code and output (stdout and stderr) of one QuickStartMain run. */
    record Run(int exitCode, String output) {
        boolean rendered() {
            return output.lines().toList().contains("<h1>Hi <em>there</em></h1>");
        }
    }

    /**
     * Runs QuickStartMain in a JVM with only the runtime jar and the test classes on its class
     * path, with the given package cache folder (NAPI_JAVA_CACHE_DIR), at most 120 s.
     */
    static Run runQuickStart(Path cache) throws Exception {
        Path libnode = Paths.get(System.getProperty("napi.java.libnode", ""));
        Assumptions.assumeTrue(Files.isRegularFile(libnode), "no libnode: run scripts/setup-libnode.sh");
        Path app = Paths.get(System.getProperty("napi.java.testApp", "target/app")).toAbsolutePath();
        NodeHostingTest.installPackages(app); // marked from npm
        assertTrue(!Files.exists(app.resolve("node_modules/node-api-java")), "the app must not have the npm package");
        Path runtime = Paths.get(NodejsPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Paths.get(QuickStartMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", runtime + File.pathSeparator + testClasses, QuickStartMain.class.getName(), app.toString());
        pb.environment().put("NAPI_JAVA_LIBNODE", libnode.toString());
        pb.environment().put("NAPI_JAVA_CACHE_DIR", cache.toString());
        pb.environment().remove("NAPI_JAVA_PACKAGE");
        pb.directory(app.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "the quick start finished in time: " + out);
        return new Run(p.exitValue(), out);
    }

    @Test
    void runtimeJarAloneHostsNode() throws Exception {
        Path cache = Paths.get("target", "quickstart-cache").toAbsolutePath();
        for (int run = 0; run < 2; run++) { // extracts, then reuses the extracted folder
            Run r = runQuickStart(cache);
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.rendered(), r.output());
            assertTrue(r.output().contains("package: " + cache.resolve("napi-java")), r.output());
        }
    }
}
