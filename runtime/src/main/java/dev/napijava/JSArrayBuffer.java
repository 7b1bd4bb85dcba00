package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JSValueNatives;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A JS ArrayBuffer. {@link #byteBuffer()} is a direct ByteBuffer over the SAME memory (no copy):
 * writes on either side are seen by the other. Keep this JSArrayBuffer reachable while using the
 * ByteBuffer (the handle keeps the JS memory alive).
 */
public class JSArrayBuffer extends JSObject {
    JSArrayBuffer(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    public ByteBuffer byteBuffer() {
        check();
        return JSValueNatives.buffer(env, cookie).order(ByteOrder.nativeOrder());
    }

    public int byteLength() {
        return get("byteLength").asInt();
    }
}
