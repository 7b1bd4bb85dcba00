package dev.napijava.bridge;

/** A parameter, return or field type as the native core reads it: code, class, array element. */
public final class TypeRef {
    public final int code;
    public final Class<?> type;
    /** For arrays: the component type; otherwise null. */
    public final TypeRef element;

    private TypeRef(Class<?> type) {
        this.type = type;
        this.code = TypeCode.of(type).ordinal();
        this.element = type.isArray() ? new TypeRef(type.getComponentType()) : null;
    }

    public static TypeRef of(Class<?> type) {
        return new TypeRef(type);
    }

    public TypeCode typeCode() {
        return TypeCode.values()[code];
    }
}
