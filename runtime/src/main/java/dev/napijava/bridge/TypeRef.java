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

    private TypeRef(Class<?> type, TypeCode code, TypeRef element) {
        this.type = type;
        this.code = code.ordinal();
        this.element = element;
    }

    /**
     * A parameter type with its generic form: a {@code CompletableFuture<T>} carries T's class as its element,
     * so that a JS promise's value is fitted to T ({@code AsyncCalls.newPromiseFuture}). Otherwise {@link #of}.
     */
    public static TypeRef of(Class<?> type, java.lang.reflect.Type generic) {
        TypeRef plain = new TypeRef(type);
        if (plain.code != TypeCode.FUTURE.ordinal() || !(generic instanceof java.lang.reflect.ParameterizedType)) {
            return plain;
        }
        java.lang.reflect.Type arg = ((java.lang.reflect.ParameterizedType) generic).getActualTypeArguments()[0];
        if (arg instanceof java.lang.reflect.ParameterizedType) {
            arg = ((java.lang.reflect.ParameterizedType) arg).getRawType();
        }
        return arg instanceof Class<?> && arg != Object.class
                ? new TypeRef(type, TypeCode.FUTURE, new TypeRef((Class<?>) arg)) : plain;
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
