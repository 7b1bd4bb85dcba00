package dev.napijava.bridge;

import dev.napijava.JSValue;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The natives behind {@link JSValue} (Java hosts Node), registered by the native core
 * (native/src/jsvalue.c). Values cross with the shared marshaler. Results are undefined ->
 * {@link #UNDEFINED}, null -> null, boolean/number/string -> Boolean/Double/String, a Java object
 * that JS holds -> that object, anything else -> a {@link JSValue} handle. All are JS-thread only:
 * from any other thread they throw JSInvalidThreadAccessException.
 */
public final class JsValues {
    /** JS undefined as a native result. */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private static final ClassValue<TypeRef> TYPES = new ClassValue<TypeRef>() {
        @Override
        protected TypeRef computeValue(Class<?> type) {
            return TypeRef.of(type);
        }
    };

    private JsValues() {
    }

    /** Called by the native core: a handle on a JS value kept alive until the handle is collected. */
    static Object wrap(JsEnv env, long cookie, int kind) {
        JSValue value = JSValue.handle(env, cookie, kind);
        JsRef.create(env, cookie, value);
        return value;
    }

    static native Object global(long ctx);

    static native Object get(long ctx, long handle, Object key);

    static native void set(long ctx, long handle, Object key, Object value);

    static native boolean has(long ctx, long handle, Object key);

    static native Object call(long ctx, long handle, Object thisArg, Object[] args);

    static native Object callMethod(long ctx, long handle, String name, Object[] args);

    static native Object construct(long ctx, long handle, Object[] args);

    static native Object convert(long ctx, long handle, Object value, TypeRef type);

    static native Object fromJava(long ctx, Object value);

    static native Object proxy(long ctx, long handle, Class<?> iface, boolean isFunction);

    static native String toString(long ctx, long handle);

    static native ByteBuffer buffer(long ctx, long handle);

    static native void whenSettled(long ctx, long handle, CompletableFuture<Object> future);

    // ---- public entry points for dev.napijava (the env's context is package-private) ----

    public static Object global(JsEnv env) {
        return global(env.nativeCtx);
    }

    public static Object get(JsEnv env, long handle, Object key) {
        return get(env.nativeCtx, handle, key);
    }

    public static void set(JsEnv env, long handle, Object key, Object value) {
        set(env.nativeCtx, handle, key, value);
    }

    public static boolean has(JsEnv env, long handle, Object key) {
        return has(env.nativeCtx, handle, key);
    }

    public static Object call(JsEnv env, long handle, Object thisArg, Object[] args) {
        return call(env.nativeCtx, handle, thisArg, args);
    }

    public static Object callMethod(JsEnv env, long handle, String name, Object[] args) {
        return callMethod(env.nativeCtx, handle, name, args);
    }

    public static Object construct(JsEnv env, long handle, Object[] args) {
        return construct(env.nativeCtx, handle, args);
    }

    /** The JS value (handle, or value when handle is 0) as a Java value of the given type. */
    public static Object convert(JsEnv env, long handle, Object value, Class<?> type) {
        return convert(env.nativeCtx, handle, value, TYPES.get(type));
    }

    /** A JS function (kind FUNCTION, functional interface) or object as a Java interface proxy. */
    public static Object proxy(JsEnv env, long handle, Class<?> iface, boolean valueIsFunction) {
        return proxy(env.nativeCtx, handle, iface, valueIsFunction && JsProxies.isFunctional(iface));
    }

    public static Object fromJava(JsEnv env, Object value) {
        return fromJava(env.nativeCtx, value);
    }

    public static String toString(JsEnv env, long handle) {
        return toString(env.nativeCtx, handle);
    }

    public static ByteBuffer buffer(JsEnv env, long handle) {
        return buffer(env.nativeCtx, handle);
    }

    public static void whenSettled(JsEnv env, long handle, CompletableFuture<Object> future) {
        whenSettled(env.nativeCtx, handle, future);
    }
}
