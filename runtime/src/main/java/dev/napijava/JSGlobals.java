package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JsValues;
import java.util.Map;
import java.util.WeakHashMap;

/** Helper JS functions per environment, made once on its JS thread. */
final class JSGlobals {
    private static final Map<JsEnv, JSGlobals> BY_ENV = new WeakHashMap<>();
    final JSValue global;
    final JSValue objectKeys;
    final JSValue deleteProperty;

    private JSGlobals(JsEnv env) {
        global = JSValue.of(JsValues.global(env));
        objectKeys = global.get("Object").get("keys");
        deleteProperty = global.get("Reflect").get("deleteProperty");
    }

    static synchronized JSGlobals of(JsEnv env) {
        return BY_ENV.computeIfAbsent(env, JSGlobals::new);
    }

    static JSValue objectKeys(JsEnv env) {
        return of(env).objectKeys;
    }

    static JSValue deleteProperty(JsEnv env) {
        return of(env).deleteProperty;
    }
}
