import dev.napijava.*;
import java.nio.file.*;

/** Java -> JS call cost in a hosted Node (node-api-java only; peers: not yet). Run: bench/host/run.sh */
public class HostBench {
    public interface Adder { double add(double a, double b); }
    public interface Echo { String echo(String s); }

    public static void main(String[] args) throws Exception {
        NodejsPlatform platform = new NodejsPlatform();
        NodejsEnvironment env = platform.createEnvironment(Paths.get("."));
        String s10k = "x".repeat(10 * 1024);
        env.run(() -> {
            JSFunction add = env.eval("(a, b) => a + b").asFunction();
            JSFunction echo = env.eval("(s) => s").asFunction();
            Adder adder = add.as(Adder.class);
            Echo e = echo.as(Echo.class);
            for (int round = 0; round < 3; round++) {
                report("JSFunction.call((a, b) => a + b)", 1_000_000, () -> add.call(1, 2));
                report("interface proxy add(a, b) on the JS thread", 1_000_000, () -> adder.add(1, 2));
                report("JSFunction.call(10 KB string) round trip", 200_000, () -> echo.call(s10k).asString());
                report("interface proxy echo(10 KB string)", 200_000, () -> e.echo(s10k));
            }
            return null;
        });
        env.close();
    }

    static void report(String what, int n, Runnable r) {
        for (int i = 0; i < n / 10; i++) r.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) r.run();
        System.out.printf("%-48s %8.0f ns/call%n", what, (System.nanoTime() - t0) / (double) n);
    }
}
