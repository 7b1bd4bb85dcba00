package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JSValueNatives;
import java.util.concurrent.CompletableFuture;

/**
 * A JS promise, awaitable from Java as a {@link CompletableFuture}: it completes on the JS thread
 * with the fulfilled value, or exceptionally with a {@link JSException}. Wait for it from another
 * thread (e.g. {@code nodejs.run(() -> fn.call().asPromise().toFuture()).get()}): blocking the JS
 * thread itself would stop the event loop that settles it.
 */
public class JSPromise extends JSObject {
    JSPromise(JsEnv env, long cookie, int kind) {
        super(env, cookie, kind);
    }

    public CompletableFuture<JSValue> toFuture() {
        check();
        CompletableFuture<Object> raw = new CompletableFuture<>();
        JSValueNatives.whenSettled(env, cookie, raw);
        return raw.thenApply(JSValue::of);
    }

    /** The settled value converted by the marshaler (like {@link JSValue#as}, on the JS thread). */
    public <T> CompletableFuture<T> toFuture(Class<T> type) {
        return toFuture().thenApply(v -> v.as(type));
    }
}
