package dev.napijava;

/**
 * The JS a Java call ran was stopped by {@link NodejsEnvironment#terminateExecution()}; the
 * environment is usable again.
 */
public class JSExecutionTerminatedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public JSExecutionTerminatedException(Throwable cause) {
        super("The JS this call ran was stopped by NodejsEnvironment.terminateExecution()", cause);
    }
}
