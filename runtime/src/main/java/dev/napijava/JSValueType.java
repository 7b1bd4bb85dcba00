package dev.napijava;

/** typeof of a {@link JSValue} (EXTERNAL: a Java object held by JS, handed back as itself). */
public enum JSValueType {
    UNDEFINED, NULL, BOOLEAN, NUMBER, STRING, SYMBOL, BIGINT, OBJECT, FUNCTION, EXTERNAL
}
