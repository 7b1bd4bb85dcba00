import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/** The Java -> JS figures of HostBench for GraalJS (polyglot API; run by bench/host/run.sh). */
public class GraalBench {
    public static void main(String[] args) throws Exception {
        String s10k = "x".repeat(10 * 1024);
        try (Context ctx = Context.create("js")) {
            Value add = ctx.eval("js", "(a, b) => a + b");
            Value echo = ctx.eval("js", "(s) => s");
            for (int round = 0; round < 5; round++) {
                Bench.report("call (a, b) => a + b", 1_000_000, n -> { long s = 0; for (int i = 0; i < n; i++) if (add.execute(1, 2) != null) s++; return s; });
                Bench.report("call (a, b) => a + b, typed result", 1_000_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += add.execute(1, 2).asInt(); return s; });
                Bench.report("10 KB string round trip", 200_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += echo.execute(s10k).asString().length(); return s; });
            }
        }
    }
}
