package dev.napijava;

import dev.napijava.bridge.JsEnv;

/** A JS Set. */
public class JSSet extends JSObject {
    JSSet(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    public void add(Object value) {
        callMethod("add", value);
    }

    public boolean contains(Object value) {
        return callMethod("has", value).asBoolean();
    }

    public boolean remove(Object value) {
        return callMethod("delete", value).asBoolean();
    }

    public int size() {
        return get("size").asInt();
    }
}
