package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JsValueAccess;
import dev.napijava.bridge.JSValueNatives;
import java.util.Objects;

/**
 * A JS value seen from Java (Java hosts Node). Primitives (undefined, null, boolean, number,
 * string) are held by value; objects, functions, symbols and bigints are small handles on a
 * native reference that keeps the JS value alive until the handle is garbage collected (no
 * manual close). Typed views: {@link JSObject}, {@link JSFunction}, {@link JSArray},
 * {@link JSPromise}, {@link JSMap}, {@link JSSet}, {@link JSDate}, {@link JSError},
 * {@link JSArrayBuffer}, {@link JSTypedArray}, {@link JSBigInt}, {@link JSSymbol}.
 *
 * <p>JS values belong to their environment's JS thread: every operation on a handle from another
 * thread throws {@link JSInvalidThreadAccessException}; use {@code NodejsEnvironment.run/post}.
 * Arguments are converted by the bridge's marshaler: JSValues as themselves, String/boxes/arrays
 * by value, other Java objects as the same JS wrappers JS code sees when it calls Java.
 */
public class JSValue {
    /** The kinds, as native/src/jsvalue.c numbers them (K_*; SharedConstantsTest keeps them equal). */
    static final int UNDEFINED_KIND = 0, NULL_KIND = 1, BOOLEAN = 2, NUMBER = 3, STRING = 4, SYMBOL = 5,
            BIGINT = 6, OBJECT = 7, FUNCTION = 8, ARRAY = 9, PROMISE = 10, MAP = 11, SET = 12, DATE = 13,
            ERROR = 14, ARRAYBUFFER = 15, TYPEDARRAY = 16;

    public static final JSValue UNDEFINED = new JSValue(null, 0, UNDEFINED_KIND, null);
    public static final JSValue NULL = new JSValue(null, 0, NULL_KIND, null);
    private static final JSValue TRUE = new JSValue(null, 0, BOOLEAN, Boolean.TRUE);
    private static final JSValue FALSE = new JSValue(null, 0, BOOLEAN, Boolean.FALSE);
    private static final Object[] NO_ARGS = new Object[0];

    static {
        JsValueAccess.install(new BridgeAccess()); // the bridge's way to the package-private members below
    }

    final JsEnv env;     // null for primitives
    final long cookie;   // native reference; 0 for primitives (read by the native core)
    final int kind;      // read by the native core
    /** Held in Java, not in JS: a BOOLEAN's Boolean, a STRING's String, a JSObjectRef's Java object;
     *  null for numbers (in number) and JS-held values (read by the native core). */
    final Object javaValue;
    final double number; // a NUMBER's value (read by the native core)

    JSValue(JsEnv env, long cookie, int kind, Object javaValue) {
        this.env = env;
        this.cookie = cookie;
        this.kind = kind;
        this.javaValue = javaValue;
        this.number = 0;
    }

    /** A JS number. */
    JSValue(double number) {
        this.env = null;
        this.cookie = 0;
        this.kind = NUMBER;
        this.javaValue = null;
        this.number = number;
    }

    /** The primitive's Java value: a Boolean, Double or String (null for undefined and null). */
    private Object primitive() {
        return kind == NUMBER ? (Object) number : javaValue;
    }

    /** For the bridge (JsValueAccess): each JS object/function/symbol/bigint it hands to Java. */
    static JSValue handle(JsEnv env, long cookie, int kind) {
        switch (kind) {
            case FUNCTION: return new JSFunction(env, cookie, kind);
            case ARRAY: return new JSArray(env, cookie, kind);
            case PROMISE: return new JSPromise(env, cookie, kind);
            case MAP: return new JSMap(env, cookie, kind);
            case SET: return new JSSet(env, cookie, kind);
            case DATE: return new JSDate(env, cookie, kind);
            case ERROR: return new JSError(env, cookie, kind);
            case ARRAYBUFFER: return new JSArrayBuffer(env, cookie, kind);
            case TYPEDARRAY: return new JSTypedArray(env, cookie, kind);
            case SYMBOL: return new JSSymbol(env, cookie, kind);
            case BIGINT: return new JSBigInt(env, cookie, kind);
            default: return new JSObject(env, cookie, kind);
        }
    }

    /** A native result (see JSValueNatives) as a JSValue. */
    static JSValue of(Object result) {
        if (result instanceof JSValue) {
            return (JSValue) result;
        }
        if (result == null) {
            return NULL;
        }
        if (result == JSValueNatives.UNDEFINED) {
            return UNDEFINED;
        }
        if (result instanceof Boolean) {
            return (Boolean) result ? TRUE : FALSE;
        }
        if (result instanceof Double) {
            return new JSValue((Double) result);
        }
        if (result instanceof String) {
            return new JSValue(null, 0, STRING, result);
        }
        return new JSObjectRef(result); // a Java object held by JS comes back as itself
    }

    /**
     * A Java value as JS sees it when Java hands it over (README "Marshaling", the one table): strings,
     * numbers, booleans, arrays and dates by value, a {@code Map}/{@code List}/record/any other object
     * by reference (the live Java object, iterable, {@code map.get(k)}...), a JSValue as itself.
     * JS data for JS code that wants plain objects (schemas, options): {@link #copyOf}. On the JS thread.
     */
    public static JSValue from(Object value) {
        return of(JSValueNatives.fromJava(currentEnv(), value));
    }

    /**
     * A Java value as plain JS data, deeply (what {@code jvm.toJS} gives in JS): a {@code Map} with
     * String keys a plain object (other keys: a JS Map), a {@code Collection} or array a JS array, a
     * {@code Set} an array, a record an object of its components; strings, numbers, dates, big
     * numbers as in {@link #from}. For ajv schemas, TypeScript options... built in Java. On the JS thread.
     */
    public static JSValue copyOf(Object value) {
        return JSGlobals.of(currentEnv()).valueHook().call(value, "toJS");
    }

    /** The environment whose JS thread this is, else JSInvalidThreadAccessException. */
    static JsEnv currentEnv() {
        JsEnv env = JsEnv.current();
        if (env == null || env.isClosed()) {
            throw wrongThread();
        }
        return env;
    }

    /** A Java value as a JS primitive value, without touching JS (any thread). */
    public static JSValue of(String s) {
        return s == null ? NULL : new JSValue(null, 0, STRING, s);
    }

    public static JSValue of(double d) {
        return new JSValue(d);
    }

    public static JSValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    // ---- kind ----

    public JSValueType type() {
        switch (kind) {
            case UNDEFINED_KIND: return JSValueType.UNDEFINED;
            case NULL_KIND: return JSValueType.NULL;
            case BOOLEAN: return JSValueType.BOOLEAN;
            case NUMBER: return JSValueType.NUMBER;
            case STRING: return JSValueType.STRING;
            case SYMBOL: return JSValueType.SYMBOL;
            case BIGINT: return JSValueType.BIGINT;
            case FUNCTION: return JSValueType.FUNCTION;
            default: return javaValue != null ? JSValueType.EXTERNAL : JSValueType.OBJECT;
        }
    }

    public boolean isUndefined() {
        return kind == UNDEFINED_KIND;
    }

    public boolean isNull() {
        return kind == NULL_KIND;
    }

    public boolean isNullish() {
        return kind <= NULL_KIND;
    }

    public boolean isString() {
        return kind == STRING;
    }

    public boolean isNumber() {
        return kind == NUMBER;
    }

    public boolean isBoolean() {
        return kind == BOOLEAN;
    }

    public boolean isFunction() {
        return kind == FUNCTION;
    }

    public boolean isObject() {
        return kind >= OBJECT;
    }

    public boolean isArray() {
        return kind == ARRAY;
    }

    public boolean isPromise() {
        return kind == PROMISE;
    }

    // ---- primitives ----

    /** The string value; for non-strings, String(value) as JS computes it. */
    public String asString() {
        if (kind == STRING) {
            return (String) javaValue;
        }
        if (cookie == 0) {
            return kind == UNDEFINED_KIND ? "undefined" : kind == NULL_KIND ? "null" : jsNumberString();
        }
        check();
        return JSValueNatives.toString(env, cookie);
    }

    private String jsNumberString() {
        return kind == NUMBER ? jsNumberString(number) : String.valueOf(javaValue);
    }

    private static String jsNumberString(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21 ? Long.toString((long) d)
                : Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
    }

    public double asDouble() {
        if (kind == NUMBER) {
            return number;
        }
        return ((Number) as(double.class)).doubleValue();
    }

    public int asInt() {
        return (int) asDouble();
    }

    /**
     * The value as a Java long: a bigint in long's range, or an integral number (a safe integer:
     * beyond 2^53 a number is already rounded). Else an ArithmeticException saying what to use.
     */
    public long asLong() {
        if (kind == BIGINT) {
            java.math.BigInteger big = ((JSBigInt) this).toBigInteger();
            if (big.bitLength() > 63) {
                throw new ArithmeticException("The JS bigint " + big + " is outside Java's long range (-2^63..2^63-1): "
                        + "read it with asBigInt().toBigInteger() or as(BigInteger.class)"
                        + (big.signum() > 0 && big.bitLength() == 64 ? " (an unsigned 64-bit value: big.longValue() gives its bits)" : ""));
            }
            return big.longValue();
        }
        double d = asDouble();
        if (d != Math.rint(d) || Math.abs(d) > 9007199254740991.0) {
            throw new ArithmeticException("The JS number " + jsNumberString(d) + " is not a safe integer, so not exactly a Java long: "
                    + (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) ? "use asDouble()" : "have JS pass a bigint"));
        }
        return (long) d;
    }

    public boolean asBoolean() {
        if (kind == BOOLEAN) {
            return (Boolean) javaValue;
        }
        return kind > NULL_KIND && !(kind == NUMBER && (number == 0 || Double.isNaN(number)))
                && !(kind == STRING && ((String) javaValue).isEmpty());
    }

    /**
     * This value as a Java value of the given type, by the bridge's marshaler: {@code String},
     * primitives and boxes, arrays, {@code List}/collections where the marshaler supports them,
     * and any interface (a proxy whose calls go to this JS function or object, usable from any
     * thread: calls are routed to the JS thread).
     */
    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) {
        if (type == Object.class && !(this instanceof JSObjectRef)) {
            // the marshaler's Object (an integral number an Integer, a bigint a Long or BigInteger,
            // a plain object a Map...), the JSValue itself where nothing converts
            return (T) convertTo(envForPrimitive(), type);
        }
        Object p = cookie == 0 ? primitive() : null;
        if (p != null && type.isInstance(p)) {
            return (T) p;
        }
        if (type.isInstance(this)) {
            return (T) this;
        }
        if (type.isInterface() && cookie != 0 && kind >= OBJECT) {
            check();
            return (T) JSValueNatives.proxy(env, cookie, type, kind == FUNCTION && !hasMethodsOf(type));
        }
        JsEnv e = envForPrimitive();
        return (T) convertTo(e, type);
    }

    /**
     * A JS function that has a function property named as the interface's method (a JS class with
     * static methods, such as luxon's DateTime; a module exported as a function with methods)
     * implements the interface by those, not by being called.
     */
    private boolean hasMethodsOf(Class<?> type) {
        for (java.lang.reflect.Method m : type.getMethods()) {
            // own properties only: every function inherits call/apply/bind from Function.prototype
            if (java.lang.reflect.Modifier.isAbstract(m.getModifiers())
                    && JSGlobals.of(env).objectHasOwn.call(this, m.getName()).asBoolean() && get(m.getName()).isFunction()) {
                return true;
            }
        }
        return false;
    }

    /** The marshaler's conversion; a bigint or symbol goes as itself (its handle holds its Object wrapper). */
    private Object convertTo(JsEnv e, Class<?> type) {
        boolean byValue = cookie == 0 || kind == BIGINT || kind == SYMBOL;
        return JSValueNatives.convert(e, byValue ? 0 : cookie, byValue ? this : null, type);
    }

    private JsEnv envForPrimitive() {
        if (env != null) {
            check();
            return env;
        }
        return currentEnv();
    }

    // ---- object access (handles only) ----

    public JSValue get(String key) {
        check();
        return of(JSValueNatives.get(env, cookie, key));
    }

    public JSValue get(int index) {
        check();
        return of(JSValueNatives.get(env, cookie, index));
    }

    public JSValue get(JSValue key) {
        check();
        return of(JSValueNatives.get(env, cookie, key));
    }

    public void set(String key, Object value) {
        check();
        JSValueNatives.set(env, cookie, key, value);
    }

    public void set(int index, Object value) {
        check();
        JSValueNatives.set(env, cookie, index, value);
    }

    public boolean has(String key) {
        check();
        return JSValueNatives.has(env, cookie, key);
    }

    /** Calls this function with {@code this} undefined. */
    public JSValue call(Object... args) {
        check();
        return JSValueNatives.callFast(env, cookie, null, args == null ? NO_ARGS : args);
    }

    /** A primitive result of JSValueNatives.callFast (tag R_*, bits; no boxed object crossed JNI). */
    static JSValue primitiveResult(long tag, long bits) {
        switch ((int) tag) {
            case JSValueNatives.R_UNDEFINED: return UNDEFINED;
            case JSValueNatives.R_BOOLEAN: return bits != 0 ? TRUE : FALSE;
            case JSValueNatives.R_NUMBER: return new JSValue(Double.longBitsToDouble(bits));
            default: return NULL;
        }
    }

    /** Calls the named method of this object ({@code obj.name(...args)}). */
    public JSValue callMethod(String name, Object... args) {
        check();
        return JSValueNatives.callFast(env, cookie, Objects.requireNonNull(name, "name"), args == null ? NO_ARGS : args);
    }

    /** {@code new this(...args)}. */
    public JSValue construct(Object... args) {
        check();
        return of(JSValueNatives.construct(env, cookie, args == null ? NO_ARGS : args));
    }

    // ---- views ----

    public JSObject asObject() {
        return view(JSObject.class, "an object");
    }

    public JSFunction asFunction() {
        return view(JSFunction.class, "a function");
    }

    public JSArray asArray() {
        return view(JSArray.class, "an array");
    }

    public JSPromise asPromise() {
        return view(JSPromise.class, "a promise");
    }

    public JSMap asMap() {
        return view(JSMap.class, "a Map");
    }

    public JSSet asSet() {
        return view(JSSet.class, "a Set");
    }

    public JSDate asDate() {
        return view(JSDate.class, "a Date");
    }

    public JSError asError() {
        return view(JSError.class, "an Error");
    }

    public JSArrayBuffer asArrayBuffer() {
        return view(JSArrayBuffer.class, "an ArrayBuffer");
    }

    public JSTypedArray asTypedArray() {
        return view(JSTypedArray.class, "a typed array, Buffer or DataView");
    }

    public JSBigInt asBigInt() {
        return view(JSBigInt.class, "a bigint");
    }

    public JSSymbol asSymbol() {
        return view(JSSymbol.class, "a symbol");
    }

    private <T extends JSValue> T view(Class<T> type, String what) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new ClassCastException("The JS value is " + describeKind() + ", not " + what);
    }

    String describeKind() {
        return type().name().toLowerCase(java.util.Locale.ROOT) + (cookie != 0 ? " (" + getClass().getSimpleName() + ")" : "");
    }

    /** A reference that keeps this value beyond the current scope (and can be handed to other threads). */
    public JSReference reference() {
        return new JSReference(this);
    }

    /** A reference that does not keep this value alive: its get() is null once JS collected it (JS thread). */
    public JSReference weakReference() {
        return new JSReference(this, true);
    }

    /** The environment's JS thread is the calling thread, else JSInvalidThreadAccessException. */
    final void check() {
        if (env == null) {
            throw new UnsupportedOperationException("The JS value is " + describeKind() + ": it has no properties");
        }
        if (!env.onJsThread()) {
            throw wrongThread();
        }
        if (env.isClosed()) {
            throw new IllegalStateException("The Node.js environment of this JS value is closed");
        }
    }

    static JSInvalidThreadAccessException wrongThread() {
        return new JSInvalidThreadAccessException("A JS value was used from thread '" + Thread.currentThread().getName()
                + "', which is not its Node.js environment's JS thread: use NodejsEnvironment.run(...), "
                + "runAsync(...) or post(...) to work with JS values");
    }

    /** String(value) on the JS thread; elsewhere a description that does not touch JS. */
    @Override
    public String toString() {
        if (cookie == 0) {
            return asString();
        }
        if (!env.onJsThread() || env.isClosed()) {
            return "[JS " + describeKind() + "]";
        }
        return asString();
    }

    /** Primitives by value; handles by identity of the handle. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JSValue) || cookie != 0) {
            return false;
        }
        JSValue v = (JSValue) o;
        return v.cookie == 0 && kind == v.kind && Objects.equals(primitive(), v.primitive());
    }

    @Override
    public int hashCode() {
        return cookie != 0 ? System.identityHashCode(this) : Objects.hash(kind, primitive());
    }

    /** A Java object that JS held, handed back to Java as itself (wrapped only for the JSValue API). */
    static final class JSObjectRef extends JSValue {
        JSObjectRef(Object javaObject) {
            super(null, 0, OBJECT, javaObject);
        }

        /** The Java object. */
        public Object javaObject() {
            return javaValue;
        }

        @Override
        public String toString() {
            return String.valueOf(javaValue);
        }
    }
}
