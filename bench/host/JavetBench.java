import com.caoccao.javet.interop.NodeRuntime;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueFunction;

/** The Java -> JS figures of HostBench for Javet in Node mode (run by bench/host/run.sh). */
public class JavetBench {
    public static void main(String[] args) throws Exception {
        String s10k = "x".repeat(10 * 1024);
        try (NodeRuntime rt = V8Host.getNodeInstance().createV8Runtime();
             V8ValueFunction add = rt.getExecutor("(a, b) => a + b").execute();
             V8ValueFunction echo = rt.getExecutor("(s) => s").execute()) {
            for (int round = 0; round < 5; round++) {
                Bench.report("call (a, b) => a + b", 1_000_000, n -> {
                    long s = 0;
                    for (int i = 0; i < n; i++) {
                        try (V8Value v = add.call(null, 1, 2)) { // the generic call: a V8Value result
                            if (v != null) s++;
                        }
                    }
                    return s;
                });
                Bench.report("call (a, b) => a + b, typed result", 1_000_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += add.callInteger(null, 1, 2); return s; });
                Bench.report("10 KB string round trip", 200_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += echo.callString(null, s10k).length(); return s; });
            }
        }
    }
}
