package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.NodejsPlatform;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A main class of these tests in a JVM of its own, with only the runtime jar and the test classes
 * on its class path: a case that aborts or hangs fails its test, not the test run.
 */
final class ChildJvm {
    /** Exit code and output (stdout and stderr). */
    record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /** Runs main with args in dir, with env added (a null value removes a variable), at most 120 s. */
    static Result run(Class<?> main, List<String> args, Map<String, String> env, Path dir) throws Exception {
        return run(main, List.of(), runtimeJar(), args, env, dir);
    }

    /** The runtime jar (or class folder) these tests run with. */
    static Path runtimeJar() throws Exception {
        return Paths.get(NodejsPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** As above, with JVM options before the main class. */
    static Result run(Class<?> main, List<String> jvmOptions, List<String> args, Map<String, String> env, Path dir) throws Exception {
        return run(main, jvmOptions, runtimeJar(), args, env, dir);
    }

    /** The same with another runtime jar in place of the one these tests use. */
    static Result run(Class<?> main, Path runtime, List<String> args, Map<String, String> env, Path dir) throws Exception {
        return run(main, List.of(), runtime, args, env, dir);
    }

    /** JVM options, the runtime jar, the main class and its arguments. */
    static Result run(Class<?> main, List<String> jvmOptions, Path runtime, List<String> args, Map<String, String> env, Path dir)
            throws Exception {
        Path testClasses = Paths.get(main.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", runtime + File.pathSeparator + testClasses, main.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        pb.directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, main.getSimpleName() + " finished in time: " + out);
        return new Result(p.exitValue(), out);
    }
}
