package testcases;

/** Varargs methods. */
public class Varargs {
    public static String join(String sep, String... parts) { return String.join(sep, parts); }

    public static int sum(int... xs) {
        int s = 0;
        for (int x : xs) s += x;
        return s;
    }

    public static int count(Object... xs) { return xs == null ? -1 : xs.length; }

    public static String format(String fmt, Object... args) { return String.format(fmt, args); }
}
