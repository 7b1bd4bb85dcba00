package dev.napijava.bridge;

import java.util.List;

/**
 * The TypeScript side of the {@link TypeCode} table: how each type code is spelled in the typings
 * that {@code napi-java generate} writes, in both directions (a value JS passes to Java, a value
 * Java returns to JS). The native core implements the conversions; this table states the same
 * facts for the typings, next to the codes, so typings and behaviour cannot drift apart.
 */
public final class TsTypes {
    private TsTypes() {
    }

    public enum Direction {
        /** Parameters and field writes: what the bridge accepts. */
        TO_JAVA,
        /** Returns and field reads: what the bridge produces. */
        FROM_JAVA
    }

    /** Typed arrays the bridge converts element-wise (with range checks) into numeric primitive arrays. */
    private static final String NUMERIC_TYPED_ARRAYS = "Int8Array | Uint8Array | Uint8ClampedArray | Int16Array"
            + " | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array";

    /**
     * The TS spelling of a value of the given code, or null for {@link TypeCode#OBJECT},
     * {@link TypeCode#ARRAY_OBJECT} and codes the generator types by their Java class (the
     * generator composes those from the class, its type arguments and {@link #BY_VALUE}).
     * Nullability is added by the generator (reference codes accept and may return null).
     */
    public static String of(TypeCode code, Direction direction) {
        boolean in = direction == Direction.TO_JAVA;
        switch (code.name()) {
            case "VOID": return "void";
            case "BOOLEAN": case "BOX_BOOLEAN": return "boolean";
            case "BYTE": case "SHORT": case "INT": case "FLOAT": case "DOUBLE":
            case "BOX_BYTE": case "BOX_SHORT": case "BOX_INTEGER": case "BOX_FLOAT": case "BOX_DOUBLE":
                return "number";
            case "LONG": return "number | bigint";
            case "BOX_LONG": return in ? "number | bigint" : "bigint"; // a Long object is a bigint (README Marshaling)
            case "CHAR": case "BOX_CHAR": case "STRING": return "string";
            case "ARRAY_BOOLEAN": return in ? "readonly boolean[]" : "boolean[]";
            case "ARRAY_BYTE": case "ARRAY_SHORT": case "ARRAY_INT": case "ARRAY_FLOAT": case "ARRAY_DOUBLE":
                return in ? NUMERIC_TYPED_ARRAYS + " | readonly number[]" : code.jsType;
            case "ARRAY_CHAR": return in ? "Uint16Array | readonly string[]" : code.jsType;
            case "ARRAY_LONG":
                return in ? "BigInt64Array | " + NUMERIC_TYPED_ARRAYS + " | readonly (number | bigint)[]" : code.jsType;
            default: return null;
        }
    }

    /**
     * Codes the bridge converts to a JS object of another kind: {@link TypeCode#FUTURE} (a Promise),
     * {@link TypeCode#INPUT_STREAM} / {@link TypeCode#OUTPUT_STREAM} (Node Readable / Writable). The
     * spelling uses {@code $T} for the future's type argument (converted like any value: the promise
     * settles with the value converted by its run-time class) and {@code $J} for the Java type itself,
     * which parameters still accept. Null for other codes.
     */
    public static String converted(TypeCode code, Direction direction) {
        boolean in = direction == Direction.TO_JAVA;
        switch (code.name()) {
            case "FUTURE": return in ? "Promise<$T> | $J" : "Promise<$T>"; // only a real Promise (napi_is_promise), not any thenable
            case "BIG_INTEGER": return in ? "bigint | number | string | $J" : "bigint";
            case "BIG_DECIMAL": return in ? "number | string | bigint | $J" : null;
            case "DATE": case "INSTANT": return in ? "Date | $J" : "Date";
            case "LOCAL_DATE_TIME": return in ? "Date | $J" : null;
            case "CLASS": return in ? "object | $J" : null; // a projected class (its constructor) or a Class
            case "INPUT_STREAM": return in ? NODE_READABLE + " | $J" : NODE_READABLE;
            case "OUTPUT_STREAM": return in ? NODE_WRITABLE + " | $J" : NODE_WRITABLE;
            // java.nio buffers: the same memory as a typed array (README "Shared memory"). Results are
            // typed `any`: the buffer classes' own methods return buffers too (clear(), slice()...),
            // and a typed-array result would make TypeScript reject their Java hierarchy
            // (MappedByteBuffer's clear() against ByteBuffer's); at run time they are code.jsType.
            case "BYTE_BUFFER": return in ? "ArrayBuffer | ArrayBufferView | $J" : "any";
            case "SHORT_BUFFER": case "CHAR_BUFFER": case "INT_BUFFER": case "FLOAT_BUFFER": case "DOUBLE_BUFFER":
                return in ? code.jsType + " | $J" : "any";
            case "LONG_BUFFER": return in ? "BigInt64Array | BigUint64Array | $J" : "any";
            default: return null;
        }
    }

    /** Node's stream types (typings that use them reference {@code @types/node}). */
    public static final String NODE_READABLE = "import('stream').Readable";
    public static final String NODE_WRITABLE = "import('stream').Writable";

    /**
     * The result of {@code nameAsync} (the method run on the async pool, {@code AsyncCalls.submit}):
     * a promise settled with the result converted by the method's declared type, so {@code void}
     * settles with {@code null}, and a future's promise is adopted (not nested).
     */
    public static String asyncResult(TypeCode returnCode, String result) {
        if (returnCode == TypeCode.VOID) {
            return "Promise<null>";
        }
        if (returnCode == TypeCode.FUTURE) {
            return result.endsWith(" | null") ? result.substring(0, result.length() - 7).replace("Promise<", "Promise<null | ")
                    : result;
        }
        return "Promise<" + result + ">";
    }

    /** The name the bridge gives the async variant of a method group (unless Java declares that name). */
    public static String asyncName(String name) {
        return OverloadSet.asyncName(name);
    }

    /** Whether values of this code can be null (references). */
    public static boolean isReference(TypeCode code) {
        return !code.isPrimitive() && code != TypeCode.VOID;
    }

    /**
     * A class whose instances cross the boundary by value when the declared Java type is only a
     * supertype ({@code Object}, {@code Number}, {@code CharSequence}, {@code Comparable}...): the
     * JS spelling of such a value in each direction (null: that direction never produces it).
     */
    public static final class ByValue {
        /** Binary name ({@code java.lang.String}, {@code [I}, {@code [Ljava.lang.Object;}). */
        public final String className;
        public final String toJava;
        public final String fromJava;

        ByValue(String className, String toJava, String fromJava) {
            this.className = className;
            this.toJava = toJava;
            this.fromJava = fromJava;
        }
    }

    /**
     * From JS (dynamic conversion): boolean to Boolean, integral number to Integer (Long beyond
     * int), other number to Double, bigint to Long, string to String, JS array to Object[], typed
     * array to the primitive array of its element type. To JS (by run-time class): String and the
     * boxes by value, arrays copied, anything else wrapped.
     */
    public static final List<ByValue> BY_VALUE = List.of(
            new ByValue("java.lang.String", "string", "string"),
            new ByValue("java.lang.Boolean", "boolean", "boolean"),
            new ByValue("java.lang.Integer", "number", "number"),
            new ByValue("java.lang.Long", "number | bigint", "number | bigint"),
            new ByValue("java.lang.Double", "number", "number"),
            new ByValue("java.lang.Float", null, "number"),
            new ByValue("java.lang.Short", null, "number"),
            new ByValue("java.lang.Byte", null, "number"),
            new ByValue("java.lang.Character", null, "string"),
            new ByValue("[Z", null, "boolean[]"),
            new ByValue("[B", "Int8Array | Uint8Array | Uint8ClampedArray", "Uint8Array"),
            new ByValue("[C", "Uint16Array", "Uint16Array"),
            new ByValue("[S", "Int16Array", "Int16Array"),
            new ByValue("[I", "Int32Array | Uint32Array", "Int32Array"),
            new ByValue("[J", "BigInt64Array | BigUint64Array", "BigInt64Array"),
            new ByValue("[F", "Float32Array", "Float32Array"),
            new ByValue("[D", "Float64Array", "Float64Array"),
            new ByValue("[Ljava.lang.Object;", "readonly unknown[]", "unknown[]"));

    /**
     * The type code of a JVM field descriptor ({@code I}, {@code Ljava/lang/String;}, {@code [J}),
     * through {@link TypeCode#of(Class)} itself. Only JDK bootstrap classes are loaded (the codes
     * other than OBJECT/ARRAY_OBJECT all name {@code java.*} classes or primitive arrays).
     */
    public static TypeCode codeOf(String descriptor) {
        Class<?> c = bootstrapClass(descriptor);
        if (c != null) {
            return TypeCode.of(c);
        }
        return descriptor.startsWith("[") ? TypeCode.ARRAY_OBJECT : TypeCode.OBJECT;
    }

    private static Class<?> bootstrapClass(String d) {
        switch (d) {
            case "V": return void.class;
            case "Z": return boolean.class;
            case "B": return byte.class;
            case "C": return char.class;
            case "S": return short.class;
            case "I": return int.class;
            case "J": return long.class;
            case "F": return float.class;
            case "D": return double.class;
            default: break;
        }
        String name;
        if (d.startsWith("[")) {
            if (d.length() != 2) {
                return null; // arrays of references and nested arrays: ARRAY_OBJECT
            }
            name = d;
        } else if (d.startsWith("Ljava/")) {
            name = d.substring(1, d.length() - 1).replace('/', '.');
        } else {
            return null;
        }
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
