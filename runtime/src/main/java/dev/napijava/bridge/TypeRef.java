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

    private TypeRef(Class<?> type, TypeCode code) {
        this.type = type;
        this.code = code.ordinal();
        this.element = null;
    }

    public static TypeRef of(Class<?> type) {
        return new TypeRef(type);
    }

    /**
     * The type of a result of a JS call Java makes (interface proxies, JSValue.as): as {@link #of},
     * except that {@code Object} takes what has no Java form (a class instance, a function, a
     * symbol...) as the JSValue itself instead of failing (the native core's TC_JS_VALUE with class Object).
     */
    public static TypeRef ofJsResult(Class<?> type) {
        return type == Object.class ? new TypeRef(type, TypeCode.JS_VALUE) : new TypeRef(type);
    }

    public TypeCode typeCode() {
        return TypeCode.values()[code];
    }
}
