package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JSValueNatives;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A typed array (Uint8Array, Float64Array..., Node's Buffer) or DataView. {@link #byteBuffer()}
 * views the same memory (its byte range), in native byte order, without copying.
 */
public class JSTypedArray extends JSObject {
    JSTypedArray(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    public ByteBuffer byteBuffer() {
        check();
        return JSValueNatives.buffer(env, cookie).order(ByteOrder.nativeOrder());
    }

    /** The constructor's name: Uint8Array, Float64Array, Buffer, DataView... */
    public String getTypeName() {
        return get("constructor").get("name").asString();
    }

    public int length() {
        JSValue len = get("length");
        return len.isUndefined() ? get("byteLength").asInt() : len.asInt();
    }
}
