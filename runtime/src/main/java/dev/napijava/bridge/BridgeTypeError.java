package dev.napijava.bridge;

/** Raised by the bridge for misuse from JS (no overload fits, bad value); becomes a JS TypeError. */
public class BridgeTypeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BridgeTypeError(String message) {
        super(message, null, false, false);
    }
}
