package dev.napijava;

import dev.napijava.bridge.JsEnv;

/** A JS Map. */
public class JSMap extends JSObject {
    JSMap(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    public JSValue getEntry(Object key) {
        return callMethod("get", key);
    }

    public void put(Object key, Object value) {
        callMethod("set", key, value);
    }

    public boolean containsKey(Object key) {
        return callMethod("has", key).asBoolean();
    }

    public boolean remove(Object key) {
        return callMethod("delete", key).asBoolean();
    }

    public int size() {
        return get("size").asInt();
    }
}
