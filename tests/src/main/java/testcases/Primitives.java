package testcases;

/** Every primitive and every box, in and out. */
public final class Primitives {
    private Primitives() {}

    public static byte echoByte(byte v) { return v; }
    public static short echoShort(short v) { return v; }
    public static int echoInt(int v) { return v; }
    public static long echoLong(long v) { return v; }
    public static float echoFloat(float v) { return v; }
    public static double echoDouble(double v) { return v; }
    public static boolean echoBoolean(boolean v) { return v; }
    public static char echoChar(char v) { return v; }

    public static Byte echoByteBox(Byte v) { return v; }
    public static Short echoShortBox(Short v) { return v; }
    public static Integer echoIntegerBox(Integer v) { return v; }
    public static Long echoLongBox(Long v) { return v; }
    public static Float echoFloatBox(Float v) { return v; }
    public static Double echoDoubleBox(Double v) { return v; }
    public static Boolean echoBooleanBox(Boolean v) { return v; }
    public static Character echoCharacterBox(Character v) { return v; }

    public static byte maxByte() { return Byte.MAX_VALUE; }
    public static byte minByte() { return Byte.MIN_VALUE; }
    public static short maxShort() { return Short.MAX_VALUE; }
    public static short minShort() { return Short.MIN_VALUE; }
    public static int maxInt() { return Integer.MAX_VALUE; }
    public static int minInt() { return Integer.MIN_VALUE; }
    public static float maxFloat() { return Float.MAX_VALUE; }
    public static float tenthAsFloat() { return 0.1f; }
    public static double maxDouble() { return Double.MAX_VALUE; }
    public static double minDouble() { return Double.MIN_VALUE; }
    public static double nan() { return Double.NaN; }
    public static double negativeZero() { return -0.0; }
    public static char maxChar() { return Character.MAX_VALUE; }
    public static char nulChar() { return '\0'; }
    public static boolean yes() { return true; }

    /** Boxes typed as their box class. */
    public static Integer boxedInt() { return 7; }
    public static Long boxedLong() { return 8L; }
    public static Long boxedBigLong() { return Long.MAX_VALUE; }
    public static Double boxedDouble() { return 2.5; }
    public static Boolean boxedBoolean() { return Boolean.FALSE; }
    public static Character boxedChar() { return 'z'; }
    public static Integer boxedNull() { return null; }

    /** Boxes typed as Object: still plain JS values. */
    public static Object boxAsObject(String kind) {
        switch (kind) {
            case "byte": return (byte) -5;
            case "short": return (short) 300;
            case "int": return 123456;
            case "long": return 5L;
            case "bigLong": return Long.MIN_VALUE;
            case "float": return 1.5f;
            case "double": return 0.25;
            case "boolean": return true;
            case "char": return 'q';
            case "string": return "text";
            default: return null;
        }
    }

    /** What Java received, written by Java: the exact value, independent of the return path. */
    public static String showByte(byte v) { return "byte " + v; }
    public static String showShort(short v) { return "short " + v; }
    public static String showInt(int v) { return "int " + v; }
    public static String showFloat(float v) { return "float " + v; }
    public static String showDouble(double v) { return "double " + v; }
    public static String showChar(char v) { return "char " + (int) v; }
    public static String showBoolean(boolean v) { return "boolean " + v; }

    /** Object-typed round trip. */
    public static Object identity(Object o) { return o; }
    public static String className(Object o) { return o == null ? "null" : o.getClass().getName(); }
    public static boolean isNull(Object o) { return o == null; }
    public static Object nothing() { return null; }
    public static void doNothing() {}
}
