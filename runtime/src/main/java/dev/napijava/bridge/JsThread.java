package dev.napijava.bridge;

/**
 * The thread of a hosted Node.js environment. It carries the scratch arrays of the fast call
 * path ({@link JsValues#callFast}): arguments are classified in Java and handed to C as
 * tag/bits pairs (numbers, booleans and strings then need no JNI look-ups), and primitive results
 * come back in the same array instead of as boxed objects. Only this thread touches them; a
 * re-entrant call (JS calling Java calling JS) reuses them only after the native side has read
 * its arguments and before it writes its result.
 */
public final class JsThread extends Thread {
    static final int MAX_ARGS = 16; // FAST_ARGS in native/src/bridge.h (SharedConstantsTest)
    final long[] slots = new long[2 * MAX_ARGS];
    final Object[] objects = new Object[MAX_ARGS];

    public JsThread(Runnable body, String name, long stackBytes) {
        super(null, body, name, stackBytes);
    }
}
