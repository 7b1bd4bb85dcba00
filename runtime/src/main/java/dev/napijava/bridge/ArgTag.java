package dev.napijava.bridge;

/**
 * What kind of JS value an argument is, as far as overload resolution cares. The native core
 * computes a tag per argument; the ordinals are {@code enum arg_tag} in native/src/type_codes.h.
 */
public enum ArgTag {
    NULL("null"),
    BOOLEAN("boolean"),
    INT8("number"),
    INT16("number"),
    INT32("number"),
    SAFE_INTEGER("number"),
    DOUBLE("number"),
    CHAR_STRING("string"),
    STRING("string"),
    BIGINT("bigint"),
    JAVA_OBJECT("Java object"),
    ARRAY("Array"),
    INT8_ARRAY("Int8Array/Uint8Array"),
    INT16_ARRAY("Int16Array"),
    UINT16_ARRAY("Uint16Array"),
    INT32_ARRAY("Int32Array"),
    FLOAT32_ARRAY("Float32Array"),
    FLOAT64_ARRAY("Float64Array"),
    BIGINT64_ARRAY("BigInt64Array"),
    FUNCTION("function"),
    OTHER_OBJECT("object that is not plain (a class instance)"),
    SYMBOL("symbol"),
    PROMISE("Promise"),
    /** A JS Date. */
    DATE("Date"),
    /** A JS Map. */
    MAP("Map"),
    /** A JS Set. */
    SET("Set"),
    /** A JS array whose elements (the first 64 looked at) are integral numbers in int range. */
    ARRAY_OF_INTS("number[]"),
    /** ... numbers (some not int). */
    ARRAY_OF_NUMBERS("number[]"),
    /** ... strings. */
    ARRAY_OF_STRINGS("string[]"),
    /** ... booleans. */
    ARRAY_OF_BOOLEANS("boolean[]"),
    /** An ArrayBuffer (a ByteBuffer over the same memory). */
    ARRAY_BUFFER("ArrayBuffer"),
    /** A plain JS object (prototype Object.prototype or null): data, a Map, a record, or an interface. */
    PLAIN_OBJECT("object"),
    /** Another built-in JS object (RegExp, Error, DataView, WeakMap...): nothing in Java stands for it. */
    BUILTIN("built-in object"),
    /** A JS array whose elements (the first looked at) are one-character strings. */
    ARRAY_OF_CHARS("string[]");

    final String jsName;

    ArgTag(String jsName) {
        this.jsName = jsName;
    }

    private static final ArgTag[] VALUES = values();

    static ArgTag of(int ordinal) {
        return VALUES[ordinal];
    }

    boolean isNumber() {
        return this == INT8 || this == INT16 || this == INT32 || this == SAFE_INTEGER || this == DOUBLE;
    }

    boolean isTypedArray() {
        return ordinal() >= INT8_ARRAY.ordinal() && ordinal() <= BIGINT64_ARRAY.ordinal();
    }
}
