package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JsValueAccess;

/** JSValue's internals for the bridge (see {@link JsValueAccess}); installed by JSValue. */
final class BridgeAccess extends JsValueAccess {
    @Override
    protected JSValue handle(JsEnv env, long cookie, int kind) {
        return JSValue.handle(env, cookie, kind);
    }

    @Override
    protected long cookieOf(JSValue value) {
        return value.cookie;
    }

    @Override
    protected JSValue fromNative(Object result) {
        return JSValue.of(result);
    }

    @Override
    protected JSValue primitive(long tag, long bits) {
        return JSValue.primitiveResult(tag, bits);
    }

    @Override
    protected String describeKind(JSValue value) {
        return value.describeKind();
    }
}
