package dev.napijava;

import dev.napijava.bridge.JsEnv;

/** A JS Error object (not thrown: a value, e.g. a promise's rejection reason or a caught error). */
public class JSError extends JSObject {
    JSError(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    public String getName() {
        return get("name").asString();
    }

    public String getMessage() {
        return get("message").asString();
    }

    public String getStack() {
        return get("stack").asString();
    }

    /** This error as the Java exception a throw of it would raise. */
    public JSException toException() {
        return new JSException(getName(), getMessage(), getStack());
    }
}
