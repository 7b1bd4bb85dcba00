package bench;

/**
 * The Java side of the benchmark. Every implementation calls the same methods, so the rows of the
 * table differ only in the bridge. Methods are deliberately trivial: what is measured is the cost
 * of crossing JS -> Java -> JS, not the Java work.
 */
public class BenchTarget {
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
}
