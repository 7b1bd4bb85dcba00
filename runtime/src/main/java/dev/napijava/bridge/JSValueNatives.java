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
public final class JSValueNatives {
    /** JS undefined as a native result. */
    public static final Object UNDEFINED = new Undefined();

    /** The class of {@link #UNDEFINED} (TypeCode.of names it without initializing JSValueNatives). */
    static final class Undefined {
        @Override
        public String toString() {
            return "undefined";
        }
    }

    private static final ClassValue<TypeRef> TYPES = new ClassValue<TypeRef>() {
        @Override
        protected TypeRef computeValue(Class<?> type) {
            return TypeRef.ofJsResult(type);
        }
    };

    private JSValueNatives() {
    }

    /** A native result (a JSValue handle, box, String, UNDEFINED, null or a Java object) as a JSValue. */
    static JSValue asValue(Object result) {
        return JsValueAccess.get().fromNative(result);
    }

    /**
     * Called by the native core for a JS argument of a {@code JSValue} parameter (type code JS_VALUE):
     * any JS value as itself (undefined as {@code JSValue.UNDEFINED}, null as {@code JSValue.NULL});
     * a view parameter ({@code JSObject}, {@code JSArray}, {@code JSFunction}...) takes its kind only.
     */
    static Object parameter(Object nativeValue, Class<?> declared) {
        JSValue value = JsValueAccess.get().fromNative(nativeValue);
        if (!declared.isInstance(value)) {
            throw new BridgeTypeError("expected a JS value of the kind " + declared.getSimpleName() + " stands for, got "
                    + (nativeValue == null ? "null" : nativeValue == UNDEFINED ? "undefined" : JsValueAccess.get().describeKind(value)));
        }
        return value;
    }

    /** Called by the native core: a handle on a JS value kept alive until the handle is collected. */
    static Object wrap(JsEnv env, long cookie, int kind) {
        JSValue value = JsValueAccess.get().handle(env, cookie, kind);
        JsRef.create(env, cookie, value);
        return value;
    }

    static native Object global(long ctx);

    static native Object get(long ctx, long handle, Object key);

    static native void set(long ctx, long handle, Object key, Object value);

    static native boolean has(long ctx, long handle, Object key);

    static native Object call(long ctx, long handle, Object thisArg, Object[] args);

    /**
     * The fast call: argc arguments as (tag, bits) pairs in frame {@code frame} of the environment's
     * registered slots ({@link CallSlots}), strings/objects at their index in objects (null when there
     * are none); calls the function (name null) or the object's method of that name. type null: returns
     * the result object, or null with a primitive result written over the frame's first pair (R_*, bits).
     * type given (its code: {@code type.code}): the result converted to it, a primitive as R_VALUE and its
     * bits, a reference returned; {@link JsProxies#NO_MEMBER} when the object has no function of that name.
     */
    static native Object callFast(long ctx, long handle, String name, int argc, int frame, Object[] objects, int code, TypeRef type);

    /** Hands the environment's fast-call memory to C, once (JsEnv.callSlots): C keeps its address and a global reference. */
    static native void registerSlots(long ctx, java.nio.LongBuffer slots);

    static native Object callMethod(long ctx, long handle, String name, Object[] args);

    static native Object construct(long ctx, long handle, Object[] args);

    static native Object convert(long ctx, long handle, Object value, TypeRef type);

    static native Object fromJava(long ctx, Object value);

    static native Object proxy(long ctx, long handle, Class<?> iface, boolean isFunction);

    static native String toString(long ctx, long handle);

    static native ByteBuffer buffer(long ctx, long handle);

    static native void whenSettled(long ctx, long handle, CompletableFuture<Object> future);

    static native long weakRef(long ctx, long handle);

    /** The JS array's length (a live view: JsCollections.JsArrayList). */
    static native int arrayLength(long ctx, long handle);

    /** Element index as a Java value (converted as for a parameter of type Object). */
    static native Object arrayGet(long ctx, long handle, int index);

    /** array.splice(start, deleteCount, ...insert), the Java values converted for JS. */
    static native void arraySplice(long ctx, long handle, int start, int deleteCount, Object[] insert);

    /** The native handle of a JSValue of an object (its cookie). */
    static long handleOf(JSValue value) {
        return JsValueAccess.get().cookieOf(value);
    }

    static native Object weakGet(long ctx, long weak);

    // ---- public entry points for dev.napijava (the env's context is package-private) ----

    public static Object global(JsEnv env) {
        return global(env.nativeCtx);
    }

    static native Object valueHook(long ctx);

    /** The package's conversion hook, hook(value, kind): kind "toJS" is jvm.toJS (JSValue.copyOf). */
    public static Object valueHook(JsEnv env) {
        return valueHook(env.nativeCtx);
    }

    /** JS values Java holds in this environment now (JSValue handles, proxies, callbacks not yet collected). */
    public static long heldJsValues(JsEnv env) {
        return env.heldJsValues.get();
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

    /**
     * The arguments of a call through a Java interface into a JS function (member null) or method:
     * trailing Java nulls beyond the parameters the function declares before its first default
     * (its {@code length}) are left out, so its defaults apply: luxon's {@code fromISO(text, opts = {})}
     * called as {@code fromISO(iso, null)} is {@code fromISO(iso)}. A null the function declares
     * stays JS null ({@code (key, value) => ...} sees null values). README "Java hosts Node".
     * On the JS thread.
     */
    static Object[] nullsAsDefaults(long ctx, long handle, String member, Object[] args) {
        if (args == null || args.length == 0 || args[args.length - 1] != null) {
            return args;
        }
        long fn = handle;
        if (member != null) {
            Object m = get(ctx, handle, member);
            if (!(m instanceof JSValue) || handleOf((JSValue) m) == 0) {
                return args; // not a function: the call reports it
            }
            fn = handleOf((JSValue) m);
        }
        Object length = get(ctx, fn, "length");
        int declared = length instanceof Double ? (int) Math.max(0, Math.min(args.length, (Double) length)) : args.length;
        int n = args.length;
        while (n > declared && args[n - 1] == null) {
            n--;
        }
        return n == args.length ? args : java.util.Arrays.copyOf(args, n);
    }

    /** Result tags of a fast call's primitive result (type_codes.h: R_*); R_VALUE: converted to the declared primitive type. */
    public static final int R_UNDEFINED = 0, R_NULL = 1, R_BOOLEAN = 2, R_NUMBER = 3, R_VALUE = 4;
    /** fastCall's answer when the fast path does not apply here (the caller takes the general one). */
    private static final Object NOT_FAST = new Object();
    private static final Object[] NO_ARGS = new Object[0];

    /**
     * {@code fn(...args)} with {@code this} undefined (name null) or {@code obj.name(...args)}, the same conversions as
     * {@link #call} but numbers, booleans and strings classified here ({@link Values#slot}: no per-argument JNI class
     * checks) into the environment's direct memory ({@link CallSlots}), and a primitive result read back from it (no
     * box crosses JNI). The general path when not on the JS thread (it throws there), with more than
     * {@link CallSlots#MAX_ARGS} arguments or nested deeper than {@link CallSlots#DEPTH}.
     */
    public static JSValue callFast(JsEnv env, long handle, String name, Object[] args) {
        Object r = fastCall(env, handle, name, args, null);
        if (r == NOT_FAST) {
            return asValue(name == null ? call(env.nativeCtx, handle, null, args) : callMethod(env.nativeCtx, handle, name, args));
        }
        if (r != null) {
            return asValue(r);
        }
        CallSlots cs = env.callSlots();
        int base = cs.depth * CallSlots.FRAME; // the frame the call used, free again
        return JsValueAccess.get().primitive(cs.slots.get(base), cs.slots.get(base + 1));
    }

    /**
     * An interface proxy's call into its JS function (member null) or object's function, on the JS thread:
     * the result converted to the method's declared type (primitives boxed here, from the bits C wrote),
     * {@link JsProxies#NO_MEMBER} when the object has no function of that name. Through the fast call when it
     * applies, else {@link JsEnv#invokeJs}.
     */
    static Object callTyped(JsEnv env, long handle, String member, Object[] args, TypeRef type) {
        Object[] a = args == null ? NO_ARGS : args;
        Object r = fastCall(env, handle, member, a, type);
        if (r == NOT_FAST) {
            return JsEnv.invokeJs(env.nativeCtx, handle, member, a, type);
        }
        if (r != null) {
            return r;
        }
        CallSlots cs = env.callSlots();
        int base = cs.depth * CallSlots.FRAME; // the frame the call used, free again
        return cs.slots.get(base) == R_VALUE ? boxed(type.type, cs.slots.get(base + 1)) : null;
    }

    /** A primitive result's bits (widened to a long by jsvalue.c: primitive_bits) as its box. */
    private static Object boxed(Class<?> type, long bits) {
        if (type == int.class) {
            return (int) bits;
        }
        if (type == double.class) {
            return Double.longBitsToDouble(bits);
        }
        if (type == boolean.class) {
            return bits != 0;
        }
        if (type == long.class) {
            return bits;
        }
        if (type == float.class) {
            return Float.intBitsToFloat((int) bits);
        }
        if (type == short.class) {
            return (short) bits;
        }
        if (type == byte.class) {
            return (byte) bits;
        }
        return (char) bits;
    }

    /**
     * The fast call in the next frame of the environment's {@link CallSlots}: the native result (null: the
     * primitive result is in that frame, free again when this returns), or NOT_FAST off the JS thread, with
     * more than MAX_ARGS arguments or nested deeper than DEPTH.
     */
    private static Object fastCall(JsEnv env, long handle, String name, Object[] args, TypeRef type) {
        int argc = args.length;
        if (argc > CallSlots.MAX_ARGS || !env.onJsThread()) {
            return NOT_FAST;
        }
        CallSlots cs = env.callSlots();
        int frame = cs.depth;
        if (frame >= CallSlots.DEPTH) {
            return NOT_FAST;
        }
        java.nio.LongBuffer s = cs.slots;
        int base = frame * CallSlots.FRAME;
        Object[] o = null;
        s.position(base); // Values.slot puts each (tag, bits) pair after the previous one
        for (int i = 0; i < argc; i++) {
            Object a = args[i]; // read once: what C converts is what was classified
            if (Values.slot(a, s)) {
                if (o == null) {
                    o = cs.objects(frame);
                }
                o[i] = a;
            }
        }
        cs.depth = frame + 1;
        try {
            return callFast(env.nativeCtx, handle, name, argc, frame, o, type == null ? 0 : type.code, type);
        } finally {
            cs.depth = frame;
            if (o != null) {
                java.util.Arrays.fill(o, 0, argc, null);
            }
        }
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

    /** A weak native reference to the handle's value, deleted (on the JS thread) once owner is collected. */
    public static long weakRef(JsEnv env, long handle, Object owner) {
        long weak = weakRef(env.nativeCtx, handle);
        JsRef.create(env, weak, owner);
        return weak;
    }

    /** The weakly referenced value as a native result (see the class comment), or null once JS collected it. */
    public static Object weakGet(JsEnv env, long weak) {
        return weakGet(env.nativeCtx, weak);
    }

    public static void whenSettled(JsEnv env, long handle, CompletableFuture<Object> future) {
        whenSettled(env.nativeCtx, handle, future);
    }

    // Last in the class: the natives read UNDEFINED when they register.
    static {
        Bridge.onJsValuesLoaded();
    }
}
