package gencases;

/** A generic interface with a bounded parameter and a default method. */
public interface Box<T extends Comparable<T>> extends Comparable<Box<T>> {
    T get();

    default boolean isEmpty() { return get() == null; }

    static <U extends Comparable<U>> Box<U> of(U value) { return new IntBox((Integer) value).cast(); }
}
