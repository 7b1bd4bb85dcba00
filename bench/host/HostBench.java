import dev.napijava.*;
import java.nio.file.*;

/** Java -> JS call cost in a hosted Node with node-api-java (run by bench/host/run.sh with the peers). */
public class HostBench {
    public interface Adder { int add(int a, int b); }
    public interface Echo { String echo(String s); }

    public static void main(String[] args) throws Exception {
        NodejsPlatform platform = new NodejsPlatform();
        NodejsEnvironment env = platform.createEnvironment(Paths.get("."));
        String s10k = "x".repeat(10 * 1024);
        String limit = System.getProperty("bench.hostLimit");
        if (limit != null) { // the hand-written limit: same JS functions, same labels
            env.run(() -> {
                env.importModule(limit).callMethod("setFunctions", env.eval("(a, b) => a + b"), env.eval("(s) => s"));
                System.load(limit);
                // One native per JS function: every row calling (a, b) => a + b has HostLimit.add as its
                // limit (the untyped call's JSValue and the proxy's interface dispatch are what the
                // bridge adds), every 10 KB row HostLimit.echo. The loops call a static native: the
                // call site is monomorphic whichever row runs it.
                Bench.Loop add = n -> { long s = 0; for (int i = 0; i < n; i++) s += HostLimit.add(1, 2); return s; };
                Bench.Loop echo = n -> { long s = 0; for (int i = 0; i < n; i++) s += HostLimit.echo(s10k).length(); return s; };
                for (int round = 0; round < 5; round++) {
                    for (String row : new String[] {"call (a, b) => a + b", "call (a, b) => a + b, typed result", "interface proxy add(a, b)"}) {
                        Bench.report(row, 1_000_000, add);
                    }
                    for (String row : new String[] {"10 KB string round trip", "10 KB string, interface proxy"}) {
                        Bench.report(row, 200_000, echo);
                    }
                }
                return null;
            });
            env.close();
            return;
        }
        env.run(() -> {
            JSFunction add = env.eval("(a, b) => a + b").asFunction();
            JSFunction echo = env.eval("(s) => s").asFunction();
            Adder adder = add.as(Adder.class);
            Echo e = echo.as(Echo.class);
            for (int round = 0; round < 5; round++) {
                Bench.report("call (a, b) => a + b", 1_000_000, n -> { long s = 0; for (int i = 0; i < n; i++) if (add.call(1, 2) != null) s++; return s; });
                Bench.report("call (a, b) => a + b, typed result", 1_000_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += add.call(1, 2).asInt(); return s; });
                Bench.report("interface proxy add(a, b)", 1_000_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += adder.add(1, 2); return s; });
                Bench.report("10 KB string round trip", 200_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += echo.call(s10k).asString().length(); return s; });
                Bench.report("10 KB string, interface proxy", 200_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += e.echo(s10k).length(); return s; });
            }
            return null;
        });
        env.close();
    }
}

/** The natives of bench/host/limit/host_limit.c. */
final class HostLimit {
    static native int add(int a, int b);

    /** a + b in C, no JS: the Java -> C transition alone (HostFfmBench). */
    static native int sum(int a, int b);

    static native String echo(String s);
}
