package bench.exported;

import dev.napijava.JSExport;

/** The benchmark's module-level functions: the same bodies as bench.BenchTarget's (the limit's). */
public final class BenchModule {
    private BenchModule() {
    }

    @JSExport
    public static int add(int a, int b) {
        return a + b;
    }

    @JSExport
    public static int max(int a, int b) {
        return Math.max(a, b);
    }

    @JSExport
    public static String echo(String s) {
        return s;
    }
}
