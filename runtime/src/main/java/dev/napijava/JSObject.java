package dev.napijava;

import dev.napijava.bridge.JsEnv;
import java.util.List;

/** A JS object (and the base of every other non-primitive view). */
public class JSObject extends JSValue {
    JSObject(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind, null);
    }

    /** A new empty JS object ({@code {}}) in the environment of this JS thread. */
    public static JSObject create() {
        return JSGlobals.of(JSValue.currentEnv()).objectConstructor.construct().asObject();
    }

    /** A new JS object with these properties (values converted as by {@link JSValue#from}), in insertion order. */
    public static JSObject create(java.util.Map<String, ?> properties) {
        JSObject o = create();
        properties.forEach(o::set);
        return o;
    }

    /** Object.keys(this). */
    public List<String> keys() {
        check();
        JSValue keys = JSGlobals.objectKeys(env).call(this);
        return keys.asArray().toList(String.class);
    }

    /** delete this[key]. */
    public boolean delete(String key) {
        check();
        return JSGlobals.deleteProperty(env).call(this, key).asBoolean();
    }
}
