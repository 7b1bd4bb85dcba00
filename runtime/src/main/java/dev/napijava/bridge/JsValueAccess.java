package dev.napijava.bridge;

import dev.napijava.JSValue;

/**
 * The bridge's way into JSValue's internals: making the handle of a JS value the native core hands
 * to Java, reading a handle's native cookie. dev.napijava keeps them package-private, so they are
 * no public API; JSValue installs the one implementation (dev.napijava.BridgeAccess) while it is
 * initialized, and {@link #get} initializes JSValue first.
 */
public abstract class JsValueAccess {
    private static JsValueAccess installed;

    protected JsValueAccess() {
    }

    /** Called once, by JSValue's static initializer. */
    public static synchronized void install(JsValueAccess access) {
        if (installed != null) {
            throw new IllegalStateException("JSValue's bridge access is installed already");
        }
        installed = access;
    }

    /** The implementation JSValue installed. */
    static JsValueAccess get() {
        return Holder.ACCESS;
    }

    /** A constant the JIT can fold, set once JSValue (and so the access) is initialized. */
    private static final class Holder {
        static final JsValueAccess ACCESS = load();

        private static JsValueAccess load() {
            JSValue initialized = JSValue.UNDEFINED; // runs JSValue's static initializer (install)
            synchronized (JsValueAccess.class) {
                if (initialized == null || installed == null) {
                    throw new IllegalStateException("JSValue did not install its bridge access");
                }
                return installed;
            }
        }
    }

    /** A handle of the kind (JSValue's kind constants) on the native reference cookie. */
    protected abstract JSValue handle(JsEnv env, long cookie, int kind);

    /** The native cookie of an object, function, symbol or bigint handle (0 for primitives). */
    protected abstract long cookieOf(JSValue value);

    /** A native result (a JSValue handle, box, String, JSValueNatives.UNDEFINED, null or a Java object) as a JSValue. */
    protected abstract JSValue fromNative(Object result);

    /** A fast call's primitive result (JSValueNatives.R_* tag and its bits) as a JSValue. */
    protected abstract JSValue primitive(long tag, long bits);

    /** The kind of a value for an error message ("number", "object (JSArray)"). */
    protected abstract String describeKind(JSValue value);
}
