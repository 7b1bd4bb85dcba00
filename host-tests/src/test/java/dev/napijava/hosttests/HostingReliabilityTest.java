package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.NodejsPlatform;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Java hosts Node, reliability (README "Reliability"): each case of HostingReliabilityMain runs in
 * a JVM of its own with a time limit, so an abort fails the case instead of the test run.
 */
class HostingReliabilityTest {
    /** The case's "key=value" lines, after asserting it ended normally. */
    static Map<String, String> runCase(String name) throws Exception {
        Path libnode = Paths.get(System.getProperty("napi.java.libnode", ""));
        Assumptions.assumeTrue(Files.isRegularFile(libnode), "no libnode: run scripts/setup-libnode.sh");
        Path app = Paths.get(System.getProperty("napi.java.testApp", "target/app")).toAbsolutePath();
        NodeHostingTest.installPackages(app);
        Path runtime = Paths.get(NodejsPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Paths.get(HostingReliabilityMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", runtime + File.pathSeparator + testClasses, HostingReliabilityMain.class.getName(), name,
                app.toString());
        pb.environment().put("NAPI_JAVA_LIBNODE", libnode.toString());
        pb.environment().put("NAPI_JAVA_PACKAGE", System.getProperty("napi.java.package"));
        pb.directory(app.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "the case finished in time: " + out);
        assertEquals(0, p.exitValue(), "exit code (134 = SIGABRT, 139 = SIGSEGV): " + out);
        Map<String, String> values = new LinkedHashMap<>();
        out.lines().filter(l -> l.matches("\\w+=.*")).forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertEquals("ok", values.get("end"), out);
        return values;
    }

    @Test
    void twoEnvironmentsRunSideBySideAndRefuseEachOthersValues() throws Exception {
        Map<String, String> v = runCase("two-environments");
        assertEquals("2", v.get("a"));
        assertEquals("4", v.get("b"));
        assertTrue(v.get("crossObject").startsWith("IllegalArgumentException: This JSValue belongs to another Node.js environment"),
                v.get("crossObject"));
        assertEquals("text of a", v.get("crossString"), "primitives carry no environment");
        assertEquals("IllegalArgumentException", v.get("crossProperty"));
        assertEquals("JSInvalidThreadAccessException", v.get("wrongEnvironment"));
        assertEquals("still a", v.get("afterA"));
        assertEquals("still b", v.get("afterB"));
    }

    @Test
    void runAsyncFuturesQueuedWhenTheEnvironmentClosesAllComplete() throws Exception {
        Map<String, String> v = runCase("run-async-at-close");
        assertEquals("500", v.get("total"));
        assertEquals("0", v.get("pending"));
        assertEquals("0", v.get("other"));
        assertEquals("JSEnvironmentClosedException", v.get("afterClose"));
    }

    @Test
    void aPromiseAwaitedFromJavaFailsWhenItsEnvironmentEnds() throws Exception {
        Map<String, String> v = runCase("promise-at-exit");
        assertEquals("true", v.get("exited"));
        assertEquals("3", v.get("exitCode"));
        assertEquals("JSEnvironmentClosedException", v.get("exitPromise"));
        assertEquals("JSEnvironmentClosedException", v.get("closePromise"));
    }
}
