package bench;

import java.util.function.IntUnaryOperator;

/**
 * The Java side of the benchmark. Every implementation calls the same methods, so the rows of the
 * table differ only in the bridge. Methods are deliberately trivial: what is measured is the cost
 * of crossing JS -> Java -> JS, not the Java work.
 */
public class BenchTarget {
    /** Calls of the JS callback per {@link #callback} call: the row divides by it. */
    public static final int CALLBACKS_PER_CALL = 100;

    /** Read and written by the field rows. */
    public static int staticValue;

    /** Read and written by the field rows. */
    public int value;

    private int count;

    public BenchTarget() {
    }

    /** static int add(int,int): the cheapest call with arguments. */
    public static int add(int a, int b) {
        return a + b;
    }

    /** String in, String out: measures string marshalling both ways. */
    public static String echo(String s) {
        return s;
    }

    /** double[] in: measures array marshalling JS -> Java (1M elements in the bench). */
    public static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** byte[] out: a fresh array of n bytes each call (first and last byte set, to check). */
    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        if (n > 0) {
            b[0] = 1;
            b[n - 1] = 2;
        }
        return b;
    }

    /** Instance method on an existing object. */
    public int increment() {
        return ++count;
    }

    /** Calls f CALLBACKS_PER_CALL times on the calling thread (the JS thread): a JS callback called by Java. */
    public static int callback(IntUnaryOperator f) {
        int s = 0;
        for (int i = 0; i < CALLBACKS_PER_CALL; i++) {
            s += f.applyAsInt(i);
        }
        return s;
    }

    /**
     * The limit's callback (bench/limit/limit.c registers the native): the same interface call from
     * {@link #callback}'s loop, into C, which calls the JS function with napi_call_function.
     */
    public static final class NativeCallback implements IntUnaryOperator {
        @Override
        public native int applyAsInt(int x);
    }
}
