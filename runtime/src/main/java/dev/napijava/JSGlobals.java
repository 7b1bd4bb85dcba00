package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JSValueNatives;
import java.util.Map;
import java.util.WeakHashMap;

/** Helper JS functions per environment, made once on its JS thread. */
final class JSGlobals {
    private static final Map<JsEnv, JSGlobals> BY_ENV = new WeakHashMap<>();
    final JSValue global;
    final JSValue objectKeys;
    final JSValue deleteProperty;
    final JSValue objectConstructor;
    final JSValue objectHasOwn;
    final JSValue arrayOf;
    private final JsEnv env;
    private JSValue valueHook; // the package's hook(value, kind): "toJS" is jvm.toJS (JS thread only)

    private JSGlobals(JsEnv env) {
        global = JSValue.of(JSValueNatives.global(env));
        objectKeys = global.get("Object").get("keys");
        objectConstructor = global.get("Object");
        objectHasOwn = objectConstructor.get("hasOwn");
        deleteProperty = global.get("Reflect").get("deleteProperty");
        arrayOf = global.get("Array").get("of");
        this.env = env;
    }

    JSValue valueHook() {
        if (valueHook == null) {
            valueHook = JSValue.of(JSValueNatives.valueHook(env));
        }
        return valueHook;
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
