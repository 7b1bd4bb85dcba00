/** Timing shared by the Java-hosts-Node benchmarks: prints "label<TAB>ns per call" (warm-up first). */
public final class Bench {
    private Bench() {
    }

    public static void report(String what, int n, Runnable r) {
        for (int i = 0; i < n / 5; i++) r.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) r.run();
        System.out.printf("%s\t%.0f%n", what, (System.nanoTime() - t0) / (double) n);
    }
}
