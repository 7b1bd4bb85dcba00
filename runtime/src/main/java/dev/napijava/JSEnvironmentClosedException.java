package dev.napijava;

/**
 * The Node.js environment a JS value, proxy, promise or queued call belongs to has ended (a worker
 * exited or was terminated, the process is exiting, or a hosted environment was closed): the work
 * that needed it was dropped instead of waiting forever.
 */
public class JSEnvironmentClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public JSEnvironmentClosedException(String message) {
        super(message);
    }
}
