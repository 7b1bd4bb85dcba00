package testcases;

/** Strings: UTF-16 exactness in both directions. */
public final class Strings {
    private Strings() {}

    public static String echo(String s) { return s; }
    public static int length(String s) { return s.length(); }
    public static boolean isNull(String s) { return s == null; }

    /** The UTF-16 code units Java received. */
    public static int[] codeUnits(String s) {
        int[] out = new int[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = s.charAt(i);
        return out;
    }

    /** Builds a string in Java from code units (so Java-to-JS is tested on its own). */
    public static String fromCodeUnits(int[] units) {
        char[] cs = new char[units.length];
        for (int i = 0; i < cs.length; i++) cs[i] = (char) units[i];
        return new String(cs);
    }

    /**
     * Whether s equals the string Java itself builds from these code units. String.equals compares
     * the internal encoding (Latin-1 or UTF-16) before the bytes, so this also fails when the bridge
     * stored Latin-1 text as UTF-16 or the other way round.
     */
    public static boolean sameAsJavaBuilt(String s, int[] units) {
        String built = fromCodeUnits(units);
        return s.equals(built) && built.equals(s) && s.hashCode() == built.hashCode()
                && s.compareTo(built) == 0 && s.indexOf(built) == 0;
    }

    /** Java-made strings with the hard cases. */
    public static String emoji() { return "\uD83C\uDF0D"; }            // 🌍
    public static String cjk() { return "\u65E5\u672C\u8A9E"; }         // 日本語
    public static String loneHigh() { return "a\uD800b"; }
    public static String loneLow() { return "\uDC00"; }
    public static String withNul() { return "a\0b\0"; }
    public static String empty() { return ""; }
    public static String repeat(String s, int n) { return s.repeat(n); }

    public static String concat(String a, String b) { return a + b; }
    public static String upper(String s) { return s.toUpperCase(); }
}
