package dev.napijava;

/** A JS value or callback was used from a thread that is not its JS thread, in a way that cannot be queued. */
public class JSInvalidThreadAccessException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public JSInvalidThreadAccessException(String message) {
        super(message);
    }
}
