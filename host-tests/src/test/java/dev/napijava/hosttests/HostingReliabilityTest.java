package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java hosts Node, reliability (README "Reliability"): each case of HostingReliabilityMain runs in
 * a JVM of its own with a time limit, so an abort fails the case instead of the test run.
 */
class HostingReliabilityTest {
    /** The case's "key=value" lines, after asserting it ended normally. */
    static Map<String, String> runCase(String name) throws Exception {
        Path libnode = Libnode.path();
        Path app = Paths.get(System.getProperty("napi.java.testApp", "target/app")).toAbsolutePath();
        NodeHostingTest.installPackages(app);
        ChildJvm.Result r = ChildJvm.run(HostingReliabilityMain.class, List.of(name, app.toString()),
                Map.of("NAPI_JAVA_LIBNODE", libnode.toString(), "NAPI_JAVA_PACKAGE", System.getProperty("napi.java.package")), app);
        String out = r.output();
        assertEquals(0, r.exitCode(), "exit code (134 = SIGABRT, 139 = SIGSEGV): " + out);
        Map<String, String> values = new LinkedHashMap<>();
        out.lines().filter(l -> l.matches("\\w+=.*")).forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertEquals("ok", values.get("end"), out);
        return values;
    }

    /** CI once lost a run to a fork that died after its tests passed: exit() must never crash. */
    @Test
    void theJvmExitsCleanlyWhileEnvironmentsRunJs() throws Exception {
        for (int run = 0; run < 3; run++) {
            assertEquals("ok", runCase("exit-while-running").get("end"));
        }
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
    void terminateExecutionStopsRunawayJsAndTheEnvironmentGoesOn() throws Exception {
        Map<String, String> v = runCase("terminate");
        for (int i = 0; i < 3; i++) {
            assertEquals("true", v.get("terminated" + i), "runaway " + i);
            assertEquals("JSExecutionTerminatedException", v.get("call" + i), "runaway " + i);
            assertEquals("2,4,6", v.get("after" + i), "runaway " + i);
        }
        assertEquals("false", v.get("timer"), "a timer's callback is not a Java call: never terminated");
        assertEquals("true", v.get("timerDone"));
        assertEquals("still usable", v.get("afterIdle"));
        assertEquals("5", v.get("promise"));
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
