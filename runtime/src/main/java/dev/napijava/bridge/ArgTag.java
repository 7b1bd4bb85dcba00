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
    OTHER_OBJECT("object"),
    SYMBOL("symbol"),
    PROMISE("Promise");

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
