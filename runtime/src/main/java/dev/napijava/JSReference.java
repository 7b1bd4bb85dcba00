package dev.napijava;

/**
 * Keeps a JS value beyond the scope it was obtained in: store it in fields, hand it to other
 * threads, and {@link #get()} it again on the JS thread (e.g. inside a later {@code run}). The
 * value stays alive until {@link #close()} or until this reference is garbage collected.
 */
public final class JSReference implements AutoCloseable {
    private volatile JSValue value;

    public JSReference(JSValue value) {
        this.value = value;
    }

    /** The value; on the JS thread only (a JSInvalidThreadAccessException elsewhere). */
    public JSValue get() {
        JSValue v = value;
        if (v == null) {
            throw new IllegalStateException("The JSReference was closed");
        }
        if (v.env != null && !v.env.onJsThread()) {
            throw JSValue.wrongThread();
        }
        return v;
    }

    public boolean isClosed() {
        return value == null;
    }

    /** Lets the JS value be collected (once no other handle refers to it). Any thread. */
    @Override
    public void close() {
        value = null;
    }
}
