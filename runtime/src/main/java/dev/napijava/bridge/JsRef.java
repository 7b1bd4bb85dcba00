package dev.napijava.bridge;

/**
 * A Java-side handle on a JS value (function, object, error, promise callbacks): the cookie of a
 * native strong reference, released on the JS thread once the Java owner is garbage collected.
 */
public final class JsRef {
    final JsEnv env;
    final long cookie;

    private JsRef(JsEnv env, long cookie) {
        this.env = env;
        this.cookie = cookie;
    }

    /** Ties the native reference's life to owner: when owner is collected, the JS value is released. */
    static JsRef create(JsEnv env, long cookie, Object owner) {
        JsRef ref = new JsRef(env, cookie);
        env.heldJsValues.incrementAndGet();
        JsEnv.Cleaners.CLEANER.register(owner, new Release(env, cookie));
        return ref;
    }

    /** Must not capture the owner, or it would never become unreachable. */
    private static final class Release implements Runnable {
        private final JsEnv env;
        private final long cookie;

        Release(JsEnv env, long cookie) {
            this.env = env;
            this.cookie = cookie;
        }

        @Override
        public void run() {
            env.post(new Runnable() {
                @Override
                public void run() {
                    env.heldJsValues.decrementAndGet();
                    JsEnv.releaseRef(env.nativeCtx, cookie);
                }
            });
        }
    }
}
