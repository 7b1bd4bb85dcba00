package dev.napijava.bridge;

import java.util.Map;

/**
 * How a Java type crosses the boundary: one code per conversion, chosen for a Java type by
 * {@link #of}. The native core implements one conversion per code (native/src/marshal.c switches
 * on it: {@link TypeRef} carries it to C for every parameter, return and field); the typings
 * generator spells each code through {@link TsTypes} (which starts from {@link #jsType}), so
 * behaviour and typings cannot disagree. The ordinals are the values of {@code enum type_code} in
 * native/src/type_codes.h (TypeCodeHeaderTest fails when they drift).
 */
public enum TypeCode {
    VOID("undefined"),
    BOOLEAN("boolean"),
    BYTE("number"),
    CHAR("string"),
    SHORT("number"),
    INT("number"),
    LONG("number | bigint"),
    FLOAT("number"),
    DOUBLE("number"),
    STRING("string"),
    /** Any other reference: Java objects by reference; strings and boxes by value. */
    OBJECT("object"),
    BOX_BOOLEAN("boolean"),
    BOX_BYTE("number"),
    BOX_CHAR("string"),
    BOX_SHORT("number"),
    BOX_INTEGER("number"),
    BOX_LONG("bigint"), // a Long object is always a bigint in JS (README Marshaling)
    BOX_FLOAT("number"),
    BOX_DOUBLE("number"),
    ARRAY_BOOLEAN("boolean[]"),
    ARRAY_BYTE("Uint8Array"), // a Node Buffer (typed as its Uint8Array base: no @types/node needed)
    ARRAY_CHAR("Uint16Array"),
    ARRAY_SHORT("Int16Array"),
    ARRAY_INT("Int32Array"),
    ARRAY_LONG("BigInt64Array"),
    ARRAY_FLOAT("Float32Array"),
    ARRAY_DOUBLE("Float64Array"),
    /** Arrays of references (and nested arrays): copied to and from JS arrays. */
    ARRAY_OBJECT("Array"),
    /** CompletableFuture, CompletionStage, Future: a JS Promise both ways. */
    FUTURE("Promise"),
    /** java.io.InputStream: a Node Readable both ways. */
    INPUT_STREAM("Readable"),
    /** java.io.OutputStream: a Node Writable both ways. */
    OUTPUT_STREAM("Writable"),
    /** java.math.BigInteger: a JS bigint both ways (a number or a string also in). */
    BIG_INTEGER("bigint"),
    /** java.math.BigDecimal: in from a number, string or bigint; out as the Java object (exact). */
    BIG_DECIMAL("number | string | bigint"),
    /** java.util.Date and its java.sql subclasses: a JS Date both ways. */
    DATE("Date"),
    /** java.time.Instant: a JS Date both ways. */
    INSTANT("Date"),
    /** LocalDateTime, LocalDate, OffsetDateTime, ZonedDateTime: in from a JS Date (JVM default zone). */
    LOCAL_DATE_TIME("Date"),
    /** List, Collection, Iterable: in from a JS array (a live view) or Set (a copy). */
    LIST("Array"),
    /** java.util.Set: in from a JS Set or array (a copy). */
    SET("Set"),
    /** java.util.Map: in from a JS Map or plain object (a copy). */
    MAP("Map"),
    /** A record class: in from a plain JS object (its components by name). */
    RECORD("object"),
    /** java.lang.Class: in from a projected class (its constructor). */
    CLASS("Function"),
    /** java.nio.ByteBuffer: a Buffer over the same memory (direct buffers), in from any ArrayBuffer/typed array. */
    BYTE_BUFFER("Uint8Array"),
    /** java.nio.ShortBuffer: an Int16Array. */
    SHORT_BUFFER("Int16Array"),
    /** java.nio.CharBuffer: a Uint16Array. */
    CHAR_BUFFER("Uint16Array"),
    /** java.nio.IntBuffer: an Int32Array. */
    INT_BUFFER("Int32Array"),
    /** java.nio.LongBuffer: a BigInt64Array. */
    LONG_BUFFER("BigInt64Array"),
    /** java.nio.FloatBuffer: a Float32Array. */
    FLOAT_BUFFER("Float32Array"),
    /** java.nio.DoubleBuffer: a Float64Array. */
    DOUBLE_BUFFER("Float64Array"),
    /** dev.napijava.JSValue and its views (Java hosts Node): the JS value itself, any kind. */
    JS_VALUE("unknown");

    /** The JS type a value of this code becomes (TypeScript spelling). */
    public final String jsType;

    TypeCode(String jsType) {
        this.jsType = jsType;
    }

    private static final Map<Class<?>, TypeCode> EXACT = Map.ofEntries(
            Map.entry(void.class, VOID),
            Map.entry(boolean.class, BOOLEAN),
            Map.entry(byte.class, BYTE),
            Map.entry(char.class, CHAR),
            Map.entry(short.class, SHORT),
            Map.entry(int.class, INT),
            Map.entry(long.class, LONG),
            Map.entry(float.class, FLOAT),
            Map.entry(double.class, DOUBLE),
            Map.entry(String.class, STRING),
            Map.entry(Boolean.class, BOX_BOOLEAN),
            Map.entry(Byte.class, BOX_BYTE),
            Map.entry(Character.class, BOX_CHAR),
            Map.entry(Short.class, BOX_SHORT),
            Map.entry(Integer.class, BOX_INTEGER),
            Map.entry(Long.class, BOX_LONG),
            Map.entry(Float.class, BOX_FLOAT),
            Map.entry(Double.class, BOX_DOUBLE),
            Map.entry(boolean[].class, ARRAY_BOOLEAN),
            Map.entry(byte[].class, ARRAY_BYTE),
            Map.entry(char[].class, ARRAY_CHAR),
            Map.entry(short[].class, ARRAY_SHORT),
            Map.entry(int[].class, ARRAY_INT),
            Map.entry(long[].class, ARRAY_LONG),
            Map.entry(float[].class, ARRAY_FLOAT),
            Map.entry(double[].class, ARRAY_DOUBLE),
            Map.entry(java.util.concurrent.CompletableFuture.class, FUTURE),
            Map.entry(java.util.concurrent.CompletionStage.class, FUTURE),
            Map.entry(java.util.concurrent.Future.class, FUTURE),
            Map.entry(java.io.InputStream.class, INPUT_STREAM),
            Map.entry(java.io.OutputStream.class, OUTPUT_STREAM),
            Map.entry(java.math.BigInteger.class, BIG_INTEGER),
            Map.entry(java.math.BigDecimal.class, BIG_DECIMAL),
            Map.entry(java.time.Instant.class, INSTANT),
            Map.entry(java.time.LocalDateTime.class, LOCAL_DATE_TIME),
            Map.entry(java.time.LocalDate.class, LOCAL_DATE_TIME),
            Map.entry(java.time.OffsetDateTime.class, LOCAL_DATE_TIME),
            Map.entry(java.time.ZonedDateTime.class, LOCAL_DATE_TIME),
            Map.entry(java.util.List.class, LIST),
            Map.entry(java.util.Collection.class, LIST),
            Map.entry(Iterable.class, LIST),
            Map.entry(java.util.Set.class, SET),
            Map.entry(java.util.Map.class, MAP),
            Map.entry(Class.class, CLASS));

    public static TypeCode of(Class<?> type) {
        TypeCode code = EXACT.get(type);
        if (code != null) {
            return code;
        }
        if (type.isArray()) {
            return ARRAY_OBJECT;
        }
        if (java.util.Date.class.isAssignableFrom(type)) {
            return DATE; // Date itself, java.sql.Timestamp, java.sql.Date, java.sql.Time
        }
        if (java.util.concurrent.Future.class.isAssignableFrom(type)
                || java.util.concurrent.CompletionStage.class.isAssignableFrom(type)) {
            return FUTURE; // ScheduledFuture, FutureTask, CompletableFuture subclasses...
        }
        if (dev.napijava.JSValue.class.isAssignableFrom(type) || type == JSValueNatives.Undefined.class) {
            return JS_VALUE;
        }
        TypeCode buffer = Buffers.codeOf(type);
        if (buffer != null) {
            return buffer;
        }
        return type.isRecord() ? RECORD : OBJECT;
    }

    public boolean isPrimitive() {
        return ordinal() >= BOOLEAN.ordinal() && ordinal() <= DOUBLE.ordinal();
    }

    public boolean isBox() {
        return ordinal() >= BOX_BOOLEAN.ordinal() && ordinal() <= BOX_DOUBLE.ordinal();
    }

    /** A java.nio buffer (BYTE_BUFFER..DOUBLE_BUFFER): shared memory with JS. */
    public boolean isBuffer() {
        return ordinal() >= BYTE_BUFFER.ordinal() && ordinal() <= DOUBLE_BUFFER.ordinal();
    }

    public boolean isPrimitiveArray() {
        return ordinal() >= ARRAY_BOOLEAN.ordinal() && ordinal() <= ARRAY_DOUBLE.ordinal();
    }
}
