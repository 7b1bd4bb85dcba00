package dev.napijava.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverloadSetTest {
    /** Overloads to resolve against; each method name is one scenario. */
    @SuppressWarnings("unused")
    public static class Target {
        public static String num(int x) { return "int"; }
        public static String num(long x) { return "long"; }
        public static String num(double x) { return "double"; }
        public static String num(float x) { return "float"; }
        public static String num(byte x) { return "byte"; }

        public static String text(String s) { return "String"; }
        public static String text(char c) { return "char"; }
        public static String text(Object o) { return "Object"; }

        public static String pick(String s) { return "String"; }
        public static String pick(Integer i) { return "Integer"; }

        public static String specific(Object o) { return "Object"; }
        public static String specific(CharSequence s) { return "CharSequence"; }
        public static String specific(List<?> l) { return "List"; }

        public static String chain(Object o) { return "Object"; }
        public static String chain(CharSequence s) { return "CharSequence"; }
        public static String chain(String s) { return "String"; }

        public static String join(String sep, String... parts) { return "varargs"; }
        public static String join(String sep, String a) { return "fixed"; }

        public static String arrays(int[] a) { return "int[]"; }
        public static String arrays(double[] a) { return "double[]"; }
        public static String arrays(Serializable s) { return "Serializable"; }
    }

    private static OverloadSet set(String name) {
        ClassDescriptor d = new ClassDescriptor(Target.class, 0);
        for (OverloadSet s : d.staticMethods) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no set " + name);
    }

    private static String chosen(String name, ArgTag... tags) {
        return chosen(name, new Class<?>[tags.length], tags);
    }

    private static String chosen(String name, Class<?>[] classes, ArgTag... tags) {
        OverloadSet s = set(name);
        byte[] t = new byte[tags.length];
        for (int i = 0; i < tags.length; i++) {
            t[i] = (byte) tags[i].ordinal();
        }
        int r = s.resolve(t, classes);
        return s.candidates[r >> 1].display() + ((r & 1) == 1 ? " expanded" : "");
    }

    @Test
    void integralNumbersPreferIntThenLongThenDouble() {
        assertEquals("num(int)", chosen("num", ArgTag.INT8));
        assertEquals("num(int)", chosen("num", ArgTag.INT32));
        assertEquals("num(long)", chosen("num", ArgTag.SAFE_INTEGER));
        assertEquals("num(long)", chosen("num", ArgTag.BIGINT));
        assertEquals("num(double)", chosen("num", ArgTag.DOUBLE));
    }

    @Test
    void oneCharStringPrefersStringThenChar() {
        assertEquals("text(String)", chosen("text", ArgTag.CHAR_STRING));
        assertEquals("text(String)", chosen("text", ArgTag.STRING));
        assertEquals("text(Object)", chosen("text", ArgTag.INT32));
    }

    @Test
    void nullBetweenIncomparableTypesIsAmbiguousAndNamesTheSelector() {
        BridgeTypeError e = assertThrows(BridgeTypeError.class, () -> chosen("pick", ArgTag.NULL));
        assertTrue(e.getMessage().contains("Ambiguous"), e.getMessage());
        assertTrue(e.getMessage().contains("['pick(Integer)']") || e.getMessage().contains("['pick(String)']"),
                e.getMessage());
    }

    @Test
    void nullPicksTheMostSpecificWhenOneExists() {
        // String < CharSequence < Object: null resolves, to the most specific (as in Java)
        assertEquals("chain(String)", chosen("chain", ArgTag.NULL));
        assertEquals("chain(String)", chosen("chain", ArgTag.STRING));
        // CharSequence and List are incomparable, so null is ambiguous here...
        assertThrows(BridgeTypeError.class, () -> chosen("specific", ArgTag.NULL));
        // ...but an ArrayList argument picks List by distance.
        assertEquals("specific(List)", chosen("specific", new Class<?>[] {ArrayList.class}, ArgTag.JAVA_OBJECT));
        assertEquals("specific(CharSequence)", chosen("specific", ArgTag.STRING));
    }

    @Test
    void fixedArityBeatsVarargsAndVarargsExpandOtherwise() {
        assertEquals("join(String, String)", chosen("join", ArgTag.STRING, ArgTag.STRING));
        assertEquals("join(String, String...) expanded", chosen("join", ArgTag.STRING, ArgTag.STRING, ArgTag.STRING));
        assertEquals("join(String, String...) expanded", chosen("join", ArgTag.STRING));
        assertEquals("join(String, String...)", chosen("join", ArgTag.STRING, ArgTag.ARRAY));
    }

    @Test
    void typedArraysPickTheirExactPrimitiveArray() {
        assertEquals("arrays(double[])", chosen("arrays", ArgTag.FLOAT64_ARRAY));
        assertEquals("arrays(int[])", chosen("arrays", ArgTag.INT32_ARRAY));
    }

    @Test
    void noMatchListsCandidates() {
        BridgeTypeError e = assertThrows(BridgeTypeError.class, () -> chosen("num", ArgTag.STRING));
        assertTrue(e.getMessage().startsWith("No overload of " + Target.class.getName() + ".num accepts (string)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  num(int)"), e.getMessage());
        assertThrows(BridgeTypeError.class, () -> chosen("num", ArgTag.INT32, ArgTag.INT32));
        assertThrows(BridgeTypeError.class, () -> chosen("num", ArgTag.FUNCTION));
    }

    @Test
    void byteOnlyForByteRangeValues() {
        // int always beats byte, but byte is reachable through the selector with an INT8 value only
        OverloadSet exact = set("num(byte)");
        assertEquals(0, exact.resolve(new byte[] {(byte) ArgTag.INT8.ordinal()}, new Class<?>[1]));
        assertThrows(BridgeTypeError.class,
                () -> exact.resolve(new byte[] {(byte) ArgTag.INT16.ordinal()}, new Class<?>[1]));
    }
}
