package dev.napijava.bridge;

/** Raised by the bridge for a value out of the range a Java type holds; becomes a JS RangeError. */
public class BridgeRangeError extends BridgeTypeError {
    private static final long serialVersionUID = 1L;

    public BridgeRangeError(String message) {
        super(message);
    }
}
