package dev.napijava;

import dev.napijava.bridge.JSValueNatives;

/**
 * Keeps a JS value beyond the scope it was obtained in: store it in fields, hand it to other
 * threads, and {@link #get()} it again on the JS thread (e.g. inside a later {@code run}).
 *
 * <p>A strong reference ({@link JSValue#reference()}) keeps the value alive until {@link #close()}
 * or until this reference is garbage collected. A weak one ({@link JSValue#weakReference()}) does
 * not keep it alive: {@link #get()} returns null once JS collected the value (a cache that does not
 * pin JS objects). Primitives, bigints and symbols are always held strongly.
 */
public final class JSReference implements AutoCloseable {
    private volatile JSValue value;  // strong: the value; weak: null
    private final dev.napijava.bridge.JsEnv env; // weak only
    private final long weak;         // weak only: the native weak reference
    private volatile boolean closed;

    public JSReference(JSValue value) {
        this(value, false);
    }

    /** Weak references of objects must be made on the value's JS thread. */
    public JSReference(JSValue value, boolean weak) {
        boolean isWeak = weak && value.cookie != 0 && value.kind != JSValue.SYMBOL && value.kind != JSValue.BIGINT;
        if (isWeak) {
            value.check();
            this.env = value.env;
            this.weak = JSValueNatives.weakRef(env, value.cookie, this);
            this.value = null;
        } else {
            this.env = null;
            this.weak = 0;
            this.value = value;
        }
    }

    /**
     * The value; on the JS thread only (a JSInvalidThreadAccessException elsewhere). A weak
     * reference gives null once JS collected the value.
     */
    public JSValue get() {
        if (closed) {
            throw new IllegalStateException("The JSReference was closed");
        }
        if (weak != 0) {
            if (!env.onJsThread()) {
                throw JSValue.wrongThread();
            }
            Object v = JSValueNatives.weakGet(env, weak);
            return v == null ? null : JSValue.of(v);
        }
        JSValue v = value;
        if (v.env != null && !v.env.onJsThread()) {
            throw JSValue.wrongThread();
        }
        return v;
    }

    public boolean isWeak() {
        return weak != 0;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Lets the JS value be collected (once no other handle refers to it). Any thread. */
    @Override
    public void close() {
        closed = true;
        value = null;
    }
}
