package testcases;

/** long across the boundary: safe integers, 2^53 edges, the full 64-bit range. */
public final class Longs {
    private Longs() {}

    public static final long MAX_SAFE = (1L << 53) - 1;

    public static long echo(long v) { return v; }
    public static long add(long a, long b) { return a + b; }
    public static String str(long v) { return Long.toString(v); }
    public static long parse(String s) { return Long.parseLong(s); }

    public static long maxSafe() { return MAX_SAFE; }
    public static long minSafe() { return -MAX_SAFE; }
    public static long beyondSafe() { return MAX_SAFE + 2; }      // 2^53 + 1
    public static long belowSafe() { return -MAX_SAFE - 2; }      // -(2^53 + 1)
    public static long max() { return Long.MAX_VALUE; }
    public static long min() { return Long.MIN_VALUE; }
    public static long zero() { return 0L; }
}
