/**
 * Timing shared by the Java-hosts-Node benchmarks: prints "label<TAB>ns per call" (warm-up first).
 * Each benchmark runs its own loop (Loop.run(n): n calls, returning a value computed from their
 * results, so no call can be optimized away): the measured call site is then the benchmark's own
 * and monomorphic for every implementation, where one Runnable.run per call from a loop here cost
 * an interface dispatch per call in processes with more than two benchmarks (node-api-java, Javet,
 * GraalJS) but not in the limit's (two).
 */
public final class Bench {
    /** n calls of the benchmarked operation; the result only feeds a sink. */
    public interface Loop {
        long run(int n) throws Exception;
    }

    private static volatile long sink;

    private Bench() {
    }

    public static void report(String what, int n, Loop loop) {
        try {
            sink += loop.run(n / 5);
            long t0 = System.nanoTime();
            sink += loop.run(n);
            System.out.printf("%s\t%.0f%n", what, (System.nanoTime() - t0) / (double) n);
        } catch (Exception e) {
            throw new IllegalStateException(what, e);
        }
    }
}
