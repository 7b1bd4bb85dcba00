package dev.napijava;

import dev.napijava.bridge.JsEnv;
import java.util.ArrayList;
import java.util.List;

/** A JS array. */
public class JSArray extends JSObject {
    JSArray(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    /** A new JS array of these elements (converted as by {@link JSValue#from}; null is JS null). */
    public static JSArray of(Object... elements) {
        return JSGlobals.of(JSValue.currentEnv()).arrayOf.call(elements == null ? new Object[] {null} : elements).asArray();
    }

    public int size() {
        return get("length").asInt();
    }

    /** push(value). */
    public void add(Object value) {
        callMethod("push", value);
    }

    /** The elements as JSValues. */
    public List<JSValue> toList() {
        int n = size();
        List<JSValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(get(i));
        }
        return out;
    }

    /** The elements converted to a Java type by the marshaler (String, Integer, an interface...). */
    public <T> List<T> toList(Class<T> type) {
        int n = size();
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(get(i).as(type));
        }
        return out;
    }
}
