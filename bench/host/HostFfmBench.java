import dev.napijava.NodejsEnvironment;
import dev.napijava.NodejsPlatform;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Issue 18's moonshot, measured before anything adopts it (bench/host/run.sh, JDK 22+): the hosting
 * limit's Java -> C step as an FFM downcall against the JNI native, with the same C work behind both
 * (host_limit_add in limit/host_limit.c: one napi_call_function of (a, b) => a + b). A "critical"
 * downcall is measured too, for the record: a bridge cannot use one, since the JS it calls may call
 * Java back, which a critical downcall forbids.
 */
public class HostFfmBench {
    /** Looked up once the hosted Node has loaded the library (a static final handle: the JIT inlines it). */
    static final class Handles {
        static final MethodHandle ADD;
        static final MethodHandle ADD_CRITICAL;
        static final MethodHandle SUM;

        static {
            Linker linker = Linker.nativeLinker();
            SymbolLookup library = SymbolLookup.libraryLookup(Path.of(System.getProperty("bench.hostLimit")), Arena.global());
            FunctionDescriptor intInt = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
            ADD = linker.downcallHandle(library.find("host_limit_add").orElseThrow(), intInt);
            ADD_CRITICAL = linker.downcallHandle(library.find("host_limit_add").orElseThrow(), intInt, Linker.Option.critical(false));
            SUM = linker.downcallHandle(library.find("host_limit_sum").orElseThrow(), intInt);
        }
    }

    public static void main(String[] args) throws Exception {
        NodejsPlatform platform = new NodejsPlatform();
        NodejsEnvironment env = platform.createEnvironment(Paths.get("."));
        String limit = System.getProperty("bench.hostLimit");
        env.run(() -> {
            env.importModule(limit).callMethod("setFunctions", env.eval("(a, b) => a + b"), env.eval("(s) => s"));
            System.load(limit);
            for (int round = 0; round < 5; round++) {
                Bench.report("JNI native method", 1_000_000, n -> { long s = 0; for (int i = 0; i < n; i++) s += HostLimit.add(1, 2); return s; });
                Bench.report("FFM downcall", 1_000_000, n -> {
                    try {
                        long s = 0;
                        for (int i = 0; i < n; i++) s += (int) Handles.ADD.invokeExact(1, 2);
                        return s;
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                });
                Bench.report("FFM downcall, critical (not usable by a bridge)", 1_000_000, n -> {
                    try {
                        long s = 0;
                        for (int i = 0; i < n; i++) s += (int) Handles.ADD_CRITICAL.invokeExact(1, 2);
                        return s;
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                });
                Bench.report("transition alone (a + b in C, no JS): JNI native method", 10_000_000,
                        n -> { long s = 0; for (int i = 0; i < n; i++) s += HostLimit.sum(i, 2); return s; });
                Bench.report("transition alone (a + b in C, no JS): FFM downcall", 10_000_000, n -> {
                    try {
                        long s = 0;
                        for (int i = 0; i < n; i++) s += (int) Handles.SUM.invokeExact(i, 2);
                        return s;
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                });
            }
            return null;
        });
        env.close();
    }
}
