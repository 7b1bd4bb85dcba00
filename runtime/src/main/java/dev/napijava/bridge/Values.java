package dev.napijava.bridge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.LongBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * The Java half of the value conversions the native core makes by type code (marshal.c): one JNI
 * call each, so the C side stays mechanism only. README "Marshaling" is the table.
 */
public final class Values {
    private Values() {
    }

    // ---- what an object is, for conversions that go by its run-time class ----

    private static final ClassValue<Integer> DYNAMIC = new ClassValue<Integer>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            TypeCode code = TypeCode.of(type);
            if (code == TypeCode.STRING || code.isBox() || code.isPrimitiveArray() || code == TypeCode.ARRAY_OBJECT
                    || code == TypeCode.BIG_INTEGER || code == TypeCode.DATE || code == TypeCode.INSTANT
                    || code.isBuffer() // java.nio buffers: shared memory, as when declared
                    || code == TypeCode.JS_VALUE) { // a JSValue: the JS value it holds
                return code.ordinal();
            }
            return TypeCode.OBJECT.ordinal(); // a wrapper (by reference)
        }
    };

    /**
     * The type code by which a value of unknown declared type goes to JS: strings, boxes, arrays,
     * big integers and dates by value, java.nio buffers as shared memory, anything else (OBJECT)
     * by reference.
     */
    public static int dynamicCode(Object value) {
        return DYNAMIC.get(value.getClass());
    }

    // ---- values classified in bulk: (tag, bits) slots, so numbers, booleans and strings need no JNI call each ----

    /** Slot tags (native/src/type_codes.h: A_*, TypeCodeHeaderTest keeps them equal). */
    static final int A_OBJECT = 0, A_INT = 1, A_DOUBLE = 2, A_BOOLEAN = 3, A_NULL = 4, A_STRING = 5, A_BIGINT = 6;

    /**
     * Puts value's slot at s's position: the tag, then the bits (0 where a tag has none): what the
     * marshaler would make of it by its run-time class (a Long is a bigint, a Float a number...). True
     * when the native side needs the object itself (A_STRING, A_OBJECT: Characters, arrays, any other
     * object). The slots are a heap array's ({@link #slots}) or the direct memory of a fast call
     * ({@link CallSlots}). Relative puts: a loop of absolute ones gets the JIT's range-check loop
     * copies, which made the compiled fast call too big to inline into its callers.
     */
    static boolean slot(Object value, LongBuffer s) {
        if (value instanceof Integer) {
            s.put(A_INT).put((Integer) value);
        } else if (value instanceof Double) {
            s.put(A_DOUBLE).put(Double.doubleToRawLongBits((Double) value));
        } else if (value instanceof String) {
            s.put(A_STRING).put(0);
            return true;
        } else if (value instanceof Boolean) {
            s.put(A_BOOLEAN).put((Boolean) value ? 1 : 0);
        } else if (value == null) {
            s.put(A_NULL).put(0);
        } else if (value instanceof Long) {
            s.put(A_BIGINT).put((Long) value);
        } else if (value instanceof Short || value instanceof Byte) {
            s.put(A_INT).put(((Number) value).intValue());
        } else if (value instanceof Float) {
            s.put(A_DOUBLE).put(Double.doubleToRawLongBits((Float) value));
        } else {
            s.put(A_OBJECT).put(0);
            return true;
        }
        return false;
    }

    /** The slots of an Object[]'s elements, [tag0, bits0, tag1, bits1...]: one JNI call for a whole array. */
    public static long[] slots(Object[] values) {
        long[] s = new long[2 * values.length];
        LongBuffer b = LongBuffer.wrap(s);
        for (int i = 0; i < values.length; i++) {
            slot(values[i], b);
        }
        return s;
    }

    // ---- dates: a JS Date is milliseconds since the epoch (UTC) ----

    /** A JS Date (epoch milliseconds) as the date type Java expects; local types in the JVM's default zone. */
    public static Object date(double millis, Class<?> type) {
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
            throw new BridgeRangeError("an Invalid Date cannot be passed as a Java " + type.getName());
        }
        long ms = (long) millis;
        if (type == Date.class || type == Object.class) {
            return new Date(ms);
        }
        if (type == Instant.class) {
            return Instant.ofEpochMilli(ms);
        }
        if (type == java.sql.Timestamp.class) {
            return new java.sql.Timestamp(ms);
        }
        if (type == java.sql.Date.class) {
            return new java.sql.Date(ms);
        }
        if (type == java.sql.Time.class) {
            return new java.sql.Time(ms);
        }
        Instant instant = Instant.ofEpochMilli(ms);
        ZoneId zone = ZoneId.systemDefault();
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        if (type == LocalDate.class) {
            return LocalDate.ofInstant(instant, zone);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(instant, zone);
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.ofInstant(instant, zone);
        }
        return new Date(ms); // java.util.Date, and Object
    }

    /** A java.util.Date (Timestamp, java.sql.Date...) or Instant as epoch milliseconds for a JS Date. */
    public static double millis(Object date) {
        if (date instanceof Instant) {
            Instant i = (Instant) date;
            // Instant's range is wider than a long of milliseconds: clamp to what JS Dates hold (±8.64e15)
            if (i.getEpochSecond() > 8_640_000_000_000L || i.getEpochSecond() < -8_640_000_000_000L) {
                return Double.NaN;
            }
            return (double) i.toEpochMilli();
        }
        return (double) ((Date) date).getTime();
    }

    // ---- records: a plain JS object where a record is expected ----

    /**
     * The record of that class whose components are the object's properties of the same names
     * (flattened: [name0, value0, ...], values converted as for Object); missing components are
     * null (a TypeError for primitives), unknown properties are an error naming them.
     */
    public static Object record(Class<?> type, Object[] flat) throws ReflectiveOperationException {
        Records.Shape shape = Records.shape(type);
        Object[] args = new Object[shape.names.length];
        int matched = 0;
        for (int i = 0; i < shape.names.length; i++) {
            String name = shape.names[i];
            int at = -1;
            for (int j = 0; j + 1 < flat.length; j += 2) {
                if (name.equals(flat[j])) {
                    at = j;
                    break;
                }
            }
            if (at < 0 && shape.types[i].isPrimitive()) {
                throw new BridgeTypeError("the object passed as a " + type.getName() + " has no property '" + name
                        + "' (its " + shape.types[i].getName() + " component)");
            }
            if (at >= 0) {
                matched++;
            }
            args[i] = coerce(at < 0 ? null : flat[at + 1], shape.types[i],
                    "property '" + name + "' of the object passed as a " + type.getName());
        }
        if (matched * 2 < flat.length - 1) {
            java.util.List<Object> unknown = new java.util.ArrayList<>();
            for (int j = 0; j + 1 < flat.length; j += 2) {
                if (!java.util.Arrays.asList(shape.names).contains(String.valueOf(flat[j]))) {
                    unknown.add(flat[j]);
                }
            }
            throw new BridgeTypeError("the object passed as a " + type.getName() + " has properties that are not "
                    + "components of it: " + unknown);
        }
        try {
            return shape.canonical.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause(); // the record's own validation (a compact constructor)
            }
            throw e;
        }
    }

    /**
     * A value converted as for Object (Integer, Double, String, Map...) into type t: a record
     * component, an element stored into a Java array. {@code where} names the place for the error.
     */
    static Object coerce(Object value, Class<?> t, String where) {
        if (value == null && t.isPrimitive()) {
            throw new BridgeTypeError(where + " takes a Java " + t.getName() + ": it cannot be null");
        }
        if (value == null || t.isInstance(value)) {
            return value;
        }
        Class<?> boxed = t.isPrimitive() ? java.lang.invoke.MethodType.methodType(t).wrap().returnType() : t;
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number) {
            Number n = (Number) value;
            double d = n.doubleValue();
            boolean integral = d == Math.rint(d);
            if (boxed == Long.class && integral && Math.abs(d) <= 9007199254740991.0) return n.longValue();
            if (boxed == Integer.class && integral && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return n.intValue();
            if (boxed == Short.class && integral && d >= Short.MIN_VALUE && d <= Short.MAX_VALUE) return n.shortValue();
            if (boxed == Byte.class && integral && d >= Byte.MIN_VALUE && d <= Byte.MAX_VALUE) return n.byteValue();
            if (boxed == Double.class) return d;
            if (boxed == Float.class) return (float) d;
            if (boxed == BigInteger.class) return toBigInteger(value);
            if (boxed == BigDecimal.class) return toBigDecimal(value);
            if (boxed == Long.class || boxed == Integer.class || boxed == Short.class || boxed == Byte.class) {
                throw new BridgeRangeError(where + " takes a Java " + t.getName() + ": " + value + " is out of its range");
            }
        }
        if (value instanceof String && ((String) value).length() == 1 && boxed == Character.class) {
            return ((String) value).charAt(0);
        }
        if (value instanceof java.util.Map && t.isRecord()) {
            java.util.Map<?, ?> m = (java.util.Map<?, ?>) value;
            Object[] flat = new Object[2 * m.size()];
            int i = 0;
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                flat[i++] = e.getKey();
                flat[i++] = e.getValue();
            }
            try {
                return record(t, flat);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof Object[] && java.util.List.class.isAssignableFrom(t)) {
            return new java.util.ArrayList<>(java.util.Arrays.asList((Object[]) value));
        }
        if (t.isEnum() && value instanceof String) {
            for (Object constant : t.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value)) {
                    return constant;
                }
            }
        }
        throw new BridgeTypeError(where + " takes a Java " + t.getName() + ", not " + asJsSees(value));
    }

    /** A converted JS value as JS named it (for errors: a JS caller passed a string, not a java.lang.String). */
    private static String asJsSees(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Integer || value instanceof Double) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof java.util.Map) {
            return "an object";
        }
        if (value instanceof Object[]) {
            return "an array";
        }
        return "a " + value.getClass().getName();
    }

    /**
     * A JS string passed where Java declares a class other than String (C: dynamic_to_java): an enum takes
     * the constant of that name; for other classes the string itself (which the caller then refuses).
     */
    public static Object fromString(Class<?> type, String value) {
        if (!type.isEnum()) {
            return value;
        }
        StringBuilder names = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            if (name.equals(value)) {
                return constant;
            }
            names.append(names.length() == 0 ? "" : ", ").append(name);
        }
        throw new BridgeTypeError("'" + value + "' is no constant of the Java enum " + type.getName() + " (" + names + ")");
    }

    // ---- big numbers: a JS bigint is a sign and 64-bit words, least significant first ----

    public static BigInteger bigInteger(boolean negative, long[] words) {
        byte[] magnitude = new byte[words.length * 8];
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            for (int b = 0; b < 8; b++) {
                magnitude[magnitude.length - 1 - (w * 8 + b)] = (byte) (word >>> (8 * b));
            }
        }
        return new BigInteger(negative ? -1 : 1, magnitude);
    }

    /** The words of |value|, least significant first, after a first element 1 (negative) or 0. */
    public static long[] words(BigInteger value) {
        BigInteger magnitude = value.abs();
        int count = Math.max(1, (magnitude.bitLength() + 63) / 64);
        long[] out = new long[count + 1];
        out[0] = value.signum() < 0 ? 1 : 0;
        for (int w = 0; w < count; w++) {
            out[w + 1] = magnitude.shiftRight(64 * w).longValue();
        }
        return out;
    }

    /** A JS number, string or bigint (as Double/Integer/Long/String/BigInteger) for a BigInteger. */
    public static BigInteger toBigInteger(Object value) {
        if (value instanceof BigInteger) {
            return (BigInteger) value;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new BridgeRangeError(d + " is not an integer: it cannot be passed as a java.math.BigInteger");
            }
            return new BigDecimal(d).toBigIntegerExact();
        }
        if (value instanceof String) {
            try {
                return new BigInteger(((String) value).trim());
            } catch (NumberFormatException e) {
                throw new BridgeTypeError("'" + value + "' is not an integer: it cannot be passed as a java.math.BigInteger");
            }
        }
        throw new BridgeTypeError("a " + value.getClass().getName() + " cannot be passed as a java.math.BigInteger");
    }

    /** A JS number (as its shortest decimal), string or bigint for a BigDecimal. */
    public static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new BridgeRangeError(d + " cannot be passed as a java.math.BigDecimal");
            }
            return BigDecimal.valueOf(d); // "0.1" for 0.1, as JS prints it
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof String) {
            try {
                return new BigDecimal(((String) value).trim());
            } catch (NumberFormatException e) {
                throw new BridgeTypeError("'" + value + "' is not a decimal number: it cannot be passed as a java.math.BigDecimal");
            }
        }
        throw new BridgeTypeError("a " + value.getClass().getName() + " cannot be passed as a java.math.BigDecimal");
    }
}
