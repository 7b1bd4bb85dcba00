package dev.napijava;

import dev.napijava.bridge.JsEnv;

/** A JS Map. */
public class JSMap extends JSObject {
    JSMap(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    /** The value the map holds for key ({@code map.get(key)}): {@link JSValue#UNDEFINED} when it has none. */
    public JSValue getValue(Object key) {
        return callMethod("get", key);
    }

    /**
     * The value for key, not an entry: {@link #getValue}.
     *
     * @deprecated the name says entry, the result is the value: use {@link #getValue}
     */
    @Deprecated
    public JSValue getEntry(Object key) {
        return getValue(key);
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
