package dev.napijava;

import dev.napijava.bridge.JsEnv;

/** A JS symbol (usable as a property key: {@code obj.get(symbol)}). */
public class JSSymbol extends JSValue {
    JSSymbol(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind, null);
    }

    public String getDescription() {
        return get("description").asString();
    }

    @Override
    public String asString() {
        return "Symbol(" + getDescription() + ")";
    }
}
