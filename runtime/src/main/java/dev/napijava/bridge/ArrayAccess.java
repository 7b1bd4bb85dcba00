package dev.napijava.bridge;

import java.lang.reflect.Array;

/**
 * A Java array held by reference in JS (jvm.newArray, an Object field or result that is an array
 * kept as Java): array.length, array[i] read and write, and its inspect text (lib/collections.js).
 * Arrays passed or returned as their declared array types cross by value instead (typed arrays,
 * JS arrays): see README "Marshaling".
 */
public final class ArrayAccess {
    /** Elements shown by inspect before "...". */
    static final int SHOWN = 100;

    private ArrayAccess() {
    }

    public static int length(Object array) {
        return Array.getLength(array);
    }

    /** The element at i; a RangeError beyond the end (JS reads undefined there: the caller decides). */
    public static Object get(Object array, int i) {
        check(array, i);
        return Array.get(array, i);
    }

    /** Stores value (converted as for Object) at i, into the array's element type with range checks. */
    public static void set(Object array, int i, Object value) {
        check(array, i);
        Class<?> element = array.getClass().getComponentType();
        Object converted = Values.coerce(value, element, "element " + i + " of a Java " + element.getTypeName() + "[]");
        if (!element.isPrimitive() && converted != null && !element.isInstance(converted)) {
            throw new BridgeTypeError("element " + i + " of a Java " + element.getTypeName() + "[] cannot hold a "
                    + converted.getClass().getName());
        }
        Array.set(array, i, converted);
    }

    /** "int[3] [1, 2, 3]": the type, the length and the first elements. */
    public static String describe(Object array) {
        int n = Array.getLength(array);
        String type = array.getClass().getComponentType().getTypeName();
        StringBuilder out = new StringBuilder(type).append('[').append(n).append("] [");
        for (int i = 0; i < Math.min(n, SHOWN); i++) {
            Object e = Array.get(array, i);
            out.append(i == 0 ? "" : ", ").append(e != null && e.getClass().isArray() ? describe(e) : String.valueOf(e));
        }
        return out.append(n > SHOWN ? ", ... " + (n - SHOWN) + " more]" : "]").toString();
    }

    private static void check(Object array, int i) {
        int n = Array.getLength(array);
        if (i < 0 || i >= n) {
            throw new BridgeRangeError("index " + i + " is outside this Java array (length " + n
                    + "): a Java array's length is fixed");
        }
    }
}
