package dev.napijava;

import dev.napijava.bridge.JsEnv;
import java.time.Instant;

/** A JS Date. */
public class JSDate extends JSObject {
    JSDate(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    /** Milliseconds since the epoch (getTime()). */
    public double getTime() {
        return callMethod("getTime").asDouble();
    }

    public Instant toInstant() {
        return Instant.ofEpochMilli((long) getTime());
    }
}
