package dev.napijava.cli.deps;

/** A failure the user can fix (bad coordinates, network, checksum, conflict): its message says what and how. */
public final class DependencyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DependencyException(String message) {
        super(message);
    }
}
