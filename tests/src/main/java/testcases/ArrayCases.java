package testcases;

import java.nio.charset.StandardCharsets;

/** Arrays of every primitive, String[] and int[][], in and out. */
public final class ArrayCases {
    private ArrayCases() {}

    public static byte[] bytes() { return new byte[] {-128, -1, 0, 1, 127}; }
    public static short[] shorts() { return new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}; }
    public static char[] chars() { return new char[] {'h', 'i', '\uD83C', '\uDF0D', '\0', '\uFFFF'}; }
    public static int[] ints() { return new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}; }
    public static long[] longs() { return new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}; }
    public static float[] floats() { return new float[] {-1.5f, 0f, 0.1f, Float.MAX_VALUE}; }
    public static double[] doubles() { return new double[] {-1.5, 0, 0.1, Double.MAX_VALUE, Double.NaN}; }
    public static boolean[] booleans() { return new boolean[] {true, false, true}; }
    public static String[] strings() { return new String[] {"a", "\u03B2", "\uD83C\uDF0D", "", null}; }
    public static int[][] grid() { return new int[][] {{1, 2, 3}, {}, {4}}; }
    public static int[] emptyInts() { return new int[0]; }
    public static int[] nullInts() { return null; }

    public static int sumBytes(byte[] a) {
        int s = 0;
        for (byte b : a) s += b;
        return s;
    }

    public static int sumShorts(short[] a) {
        int s = 0;
        for (short b : a) s += b;
        return s;
    }

    public static String charsToString(char[] a) { return new String(a); }

    public static int sumInts(int[] a) {
        int s = 0;
        for (int b : a) s += b;
        return s;
    }

    public static long sumLongs(long[] a) {
        long s = 0;
        for (long b : a) s += b;
        return s;
    }

    public static String showLongs(long[] a) { return java.util.Arrays.toString(a); }

    public static double sumFloats(float[] a) {
        double s = 0;
        for (float b : a) s += b;
        return s;
    }

    public static double sumDoubles(double[] a) {
        double s = 0;
        for (double b : a) s += b;
        return s;
    }

    public static int countTrue(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            if (b) n++;
        }
        return n;
    }

    public static String joinStrings(String[] a) { return String.join("|", a); }

    public static int sumGrid(int[][] g) {
        int s = 0;
        for (int[] row : g) {
            for (int v : row) s += v;
        }
        return s;
    }

    public static String utf8(byte[] a) { return new String(a, StandardCharsets.UTF_8); }

    public static int length(int[] a) { return a == null ? -1 : a.length; }

    public static int[] reversed(int[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[a.length - 1 - i];
        return out;
    }
}
