package testcases.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Hostile situations for the bridge: deep mixed recursion, a full heap, cyclic and huge values. */
public final class Faults {
    private Faults() {
    }

    /** Java -> JS -> Java ... : calls the JS function, which is expected to call back here. */
    public static int callBack(IntUnaryOperator fn, int depth) {
        return fn.applyAsInt(depth) + 1;
    }

    private static final List<Object> HOLD = new ArrayList<>();

    /** Fills the heap until OutOfMemoryError and keeps it full; returns the megabytes held. */
    public static int fillHeap() {
        int mb = 0;
        try {
            while (true) {
                HOLD.add(new byte[1 << 20]);
                mb++;
            }
        } catch (OutOfMemoryError full) {
            // then fill the last gaps with small objects
            try {
                while (true) {
                    HOLD.add(new long[16]);
                }
            } catch (OutOfMemoryError alsoFull) {
                return mb;
            }
        }
    }

    public static void releaseHeap() {
        HOLD.clear();
        System.gc();
    }

    public static int heldChunks() {
        return HOLD.size();
    }

    /** An Object[] that contains itself. */
    public static Object[] cyclicArray() {
        Object[] a = new Object[2];
        Object[] b = new Object[] {a};
        a[0] = "first";
        a[1] = b;
        return a;
    }

    /** Object[] nested depth levels deep. */
    public static Object[] nested(int depth) {
        Object[] inner = new Object[] {"leaf"};
        for (int i = 1; i < depth; i++) {
            inner = new Object[] {inner};
        }
        return inner;
    }

    /** Nesting depth of a Java value built from a JS array (arrays of arrays). */
    public static int depthOf(Object value) {
        int depth = 0;
        while (value instanceof Object[]) {
            Object[] a = (Object[]) value;
            depth++;
            value = a.length > 0 ? a[0] : null;
        }
        return depth;
    }

    public static int length(Object[] values) {
        return values.length;
    }

    public static int intsLength(int[] values) {
        return values.length;
    }

    /** A string of n chars (Latin-1), e.g. beyond V8's maximum string length. */
    public static String longString(int n) {
        return "x".repeat(n);
    }

    public static int stringLength(String s) {
        return s.length();
    }

    public static byte[] bytes(int n) {
        return new byte[n];
    }

    private static volatile IntUnaryOperator kept;

    /** Keeps a JS function in Java beyond the call that passed it (as listeners and caches do). */
    public static void keep(IntUnaryOperator fn) {
        kept = fn;
    }

    public static IntUnaryOperator kept() {
        return kept;
    }

    /** Calls the kept function on the calling thread. */
    public static int callKept(int n) {
        return kept.applyAsInt(n);
    }

    /** Calls the kept function from a new Java thread and waits: the result, or the exception's class and message. */
    public static String callKeptFromThread(int n) throws InterruptedException {
        String[] out = new String[1];
        Thread t = new Thread(() -> {
            try {
                out[0] = String.valueOf(kept.applyAsInt(n));
            } catch (Throwable e) {
                out[0] = e.getClass().getName() + ": " + e.getMessage();
            }
        });
        t.start();
        t.join(10_000);
        return t.isAlive() ? "still waiting after 10 s" : out[0];
    }

    private static final java.util.concurrent.atomic.AtomicLong HAMMERED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong HAMMER_FAILED = new java.util.concurrent.atomic.AtomicLong();

    /** Java threads calling the JS function in a loop, without end (daemon threads, the script ends them). */
    public static void hammer(IntUnaryOperator fn, int threads) {
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    try {
                        fn.applyAsInt(1);
                        HAMMERED.incrementAndGet();
                    } catch (Throwable e) {
                        HAMMER_FAILED.incrementAndGet();
                    }
                }
            }, "hammer-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    public static long hammered() {
        return HAMMERED.get();
    }

    private static volatile boolean hookRan;

    /** A shutdown hook that prints its line (to Java's System.out) when it runs. */
    public static void addPrintingHook(String line) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hookRan = true;
            System.out.println(line);
            System.out.flush();
        }, "printing-hook"));
    }

    public static boolean hookRan() {
        return hookRan;
    }

    /** A shutdown hook that never ends (the exit must not wait for it longer than its timeout). */
    public static void addHangingHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hanging-hook"));
    }

    /** Sleeps, then returns the argument (for async calls still running when their worker ends). */
    public static Object[] slowArray(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return new Object[] {"late", millis};
    }
}
