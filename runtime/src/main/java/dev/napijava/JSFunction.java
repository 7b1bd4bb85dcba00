package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JSValueNatives;

/** A JS function: call it ({@link #call}), with a receiver ({@link #callWith}), or as a constructor. */
public class JSFunction extends JSObject {
    JSFunction(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    /** {@code this.call(thisArg, ...args)}. */
    public JSValue callWith(Object thisArg, Object... args) {
        check();
        return JSValue.of(JSValueNatives.call(env, cookie, thisArg, args));
    }

    /** This function as an implementation of a functional (single-abstract-method) interface. */
    public <T> T asInterface(Class<T> functionalInterface) {
        return as(functionalInterface);
    }
}
