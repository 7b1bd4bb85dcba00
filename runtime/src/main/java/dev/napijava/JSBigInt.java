package dev.napijava;

import dev.napijava.bridge.JsEnv;
import java.math.BigInteger;

/** A JS bigint. */
public class JSBigInt extends JSValue {
    JSBigInt(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind, null);
    }

    public BigInteger toBigInteger() {
        return new BigInteger(asString());
    }
}
