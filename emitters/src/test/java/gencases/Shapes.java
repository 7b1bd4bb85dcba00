package gencases;

import java.util.List;
import java.util.Map;

/**
 * Test case for the generator: overloads, fields, nested classes, selectors.
 *
 * @deprecated only to check that deprecation reaches the typings
 */
@Deprecated
public class Shapes {
    /** The number of sides of a triangle. */
    public static final int TRIANGLE = 3;
    public static String label = "shapes";
    public long id;
    public final byte[] data = new byte[0];

    public Shapes() { }

    public Shapes(long id) { this.id = id; }

    /**
     * Area of a square.
     *
     * @param side the side
     * @return the area
     */
    public static double area(double side) { return side * side; }

    public static int area(int side) { return side * side; }

    public static long area(long a, long b) { return a * b; }

    public String describe(Object o) { return String.valueOf(o); }

    public String describe(char c, Character boxed) { return c + "" + boxed; }

    public Integer maybe(Integer i) { return i; }

    /** Two parameter classes of one simple name: the typings spell these selectors qualified only. */
    public static String when(java.util.Date d) { return "util"; }

    public static String when(java.sql.Date d) { return "sql"; }

    public int sum(int... values) { int t = 0; for (int v : values) t += v; return t; }

    public List<String> names(Map<String, ? extends Number> m) { return List.copyOf(m.keySet()); }

    public <T extends Comparable<? super T>> T max(List<? extends T> items) { return items.get(0); }

    public int[][] grid() { return new int[0][]; }

    /** A static nested class. */
    public static class Corner {
        public final int index;

        public Corner(int index) { this.index = index; }
    }

    /** An inner class. */
    public class Side {
        public int length() { return 1; }
    }

    public enum Kind { ROUND, SQUARE }
}
