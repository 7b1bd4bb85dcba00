package dev.napijava.analyzer;

/** Bad input: a missing, unreadable, corrupt or non-jar file. */
public final class AnalyzerException extends Exception {
    private static final long serialVersionUID = 1L;

    public AnalyzerException(String message) {
        super(message);
    }
}
