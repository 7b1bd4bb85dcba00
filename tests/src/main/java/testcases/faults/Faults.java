package testcases.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Hostile situations for the bridge: deep mixed recursion, a full heap, cyclic and huge values. */
public final class Faults {
    private Faults() {
    }

    /** Java -> JS -> Java ... : calls the JS function, which is expected to call back here. */
    public static int callBack(IntUnaryOperator fn, int depth) {
        return fn.applyAsInt(depth) + 1;
    }

    private static final List<Object> HOLD = new ArrayList<>();

    /** Fills the heap until OutOfMemoryError and keeps it full; returns the megabytes held. */
    public static int fillHeap() {
        int mb = 0;
        try {
            while (true) {
                HOLD.add(new byte[1 << 20]);
                mb++;
            }
        } catch (OutOfMemoryError full) {
            // then fill the last gaps with small objects
            try {
                while (true) {
                    HOLD.add(new long[16]);
                }
            } catch (OutOfMemoryError alsoFull) {
                return mb;
            }
        }
    }

    public static void releaseHeap() {
        HOLD.clear();
        System.gc();
    }

    public static int heldChunks() {
        return HOLD.size();
    }

    /** An Object[] that contains itself. */
    public static Object[] cyclicArray() {
        Object[] a = new Object[2];
        Object[] b = new Object[] {a};
        a[0] = "first";
        a[1] = b;
        return a;
    }

    /** Object[] nested depth levels deep. */
    public static Object[] nested(int depth) {
        Object[] inner = new Object[] {"leaf"};
        for (int i = 1; i < depth; i++) {
            inner = new Object[] {inner};
        }
        return inner;
    }

    /** Nesting depth of a Java value built from a JS array (arrays of arrays). */
    public static int depthOf(Object value) {
        int depth = 0;
        while (value instanceof Object[]) {
            Object[] a = (Object[]) value;
            depth++;
            value = a.length > 0 ? a[0] : null;
        }
        return depth;
    }

    public static int length(Object[] values) {
        return values.length;
    }

    public static int intsLength(int[] values) {
        return values.length;
    }

    /** A string of n chars (Latin-1), e.g. beyond V8's maximum string length. */
    public static String longString(int n) {
        return "x".repeat(n);
    }

    public static int stringLength(String s) {
        return s.length();
    }

    public static byte[] bytes(int n) {
        return new byte[n];
    }
}
