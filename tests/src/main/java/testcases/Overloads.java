package testcases;

/**
 * Overload resolution cases. Every overload returns a distinct string so a test can see which
 * one the bridge picked.
 */
public class Overloads {
    /** Which constructor ran. */
    public final String how;

    public Overloads() { how = "()"; }
    public Overloads(int x) { how = "(int)"; }
    public Overloads(long x) { how = "(long)"; }
    public Overloads(double x) { how = "(double)"; }
    public Overloads(String s) { how = "(String)"; }
    public Overloads(int x, String s) { how = "(int,String)"; }

    public String describe(int x) { return "int"; }
    public String describe(long x) { return "long"; }
    public String describe(double x) { return "double"; }
    public String describe(boolean x) { return "boolean"; }
    public String describe(char x) { return "char"; }
    public String describe(String x) { return "String"; }
    public String describe(CharSequence x) { return "CharSequence"; }
    public String describe(Integer x) { return "Integer"; }
    public String describe(int[] x) { return "int[]"; }
    public String describe(Object x) { return "Object"; }

    public static String sdescribe(int x) { return "static int"; }
    public static String sdescribe(long x) { return "static long"; }
    public static String sdescribe(double x) { return "static double"; }
    public static String sdescribe(String x) { return "static String"; }

    /** No int overload: an int-valued number must fall to long before double. */
    public static String widen(long x) { return "long"; }
    public static String widen(double x) { return "double"; }

    /** Only double: an int-valued number is accepted as double. */
    public static String onlyDouble(double x) { return "double:" + x; }

    /** float and double: a fractional number prefers double. */
    public static String floatOrDouble(float x) { return "float"; }
    public static String floatOrDouble(double x) { return "double"; }

    /** Only char: a 1-char string is accepted as char. */
    public static String onlyChar(char c) { return "char:" + c; }

    /** String vs char: a 1-char string prefers String. */
    public static String charOrString(char c) { return "char"; }
    public static String charOrString(String s) { return "String"; }

    /** Two incomparable reference types: null is ambiguous. */
    public static String pick(String s) { return "String"; }
    public static String pick(Integer i) { return "Integer"; }

    /** A chain of reference types: null picks the most specific (String). */
    public static String spec(Object o) { return "Object"; }
    public static String spec(CharSequence s) { return "CharSequence"; }
    public static String spec(String s) { return "String"; }

    /** For "no applicable overload" errors. */
    public static int needsInt(int a) { return a; }
    public static int needsInt(int a, int b) { return a + b; }

    /** Java source order (phase 1/2 before varargs): fixed arity wins over varargs. */
    public static String fixedOrVarargs(int x) { return "fixed"; }
    public static String fixedOrVarargs(int... xs) { return "varargs:" + xs.length; }
}
