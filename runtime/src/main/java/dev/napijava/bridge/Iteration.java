package dev.napijava.bridge;

import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.BaseStream;

/**
 * JS iteration over Java iterables (lib/collections.js): {@code for (const x of list)},
 * {@code [...set]}, {@code for (const [k, v] of map)}. Elements cross in chunks (one bridge call
 * for up to {@link #CHUNK} of them) rather than two calls (hasNext, next) per element. A chunk
 * never reads ahead of the caller by more than it already consumed, so lazy sources (streams,
 * iterators over I/O) are not drained by a loop that breaks early.
 */
public final class Iteration {
    static final int CHUNK = 256;

    private Iteration() {
    }

    /** The iterator behind an Iterable, Iterator, Enumeration, BaseStream, array or Map (its entries). */
    public static Iterator<?> iteratorOf(Object source) {
        if (source instanceof Map) {
            return ((Map<?, ?>) source).entrySet().iterator();
        }
        if (source instanceof Iterable) {
            return ((Iterable<?>) source).iterator();
        }
        if (source instanceof Iterator) {
            return (Iterator<?>) source;
        }
        if (source instanceof Enumeration) {
            return ((Enumeration<?>) source).asIterator();
        }
        if (source instanceof BaseStream) {
            return ((BaseStream<?, ?>) source).iterator();
        }
        if (source != null && source.getClass().isArray()) {
            Object array = source;
            return new Iterator<Object>() {
                private int at;

                @Override
                public boolean hasNext() {
                    return at < java.lang.reflect.Array.getLength(array);
                }

                @Override
                public Object next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    return java.lang.reflect.Array.get(array, at++);
                }
            };
        }
        throw new BridgeTypeError(source.getClass().getName() + " is not iterable");
    }

    /**
     * The next elements, at most {@code max} (capped at CHUNK); fewer only at the end. For a map's
     * entry iterator, {@code entries} gives key and value pairs flattened: [k0, v0, k1, v1, ...].
     */
    public static Object[] next(Iterator<?> it, int max, boolean entries) {
        int limit = Math.max(1, Math.min(max, CHUNK));
        Object[] out = new Object[entries ? 2 * limit : limit];
        int n = 0;
        while (n < out.length && it.hasNext()) {
            Object x = it.next();
            if (entries) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) x;
                out[n++] = e.getKey();
                out[n++] = e.getValue();
            } else {
                out[n++] = x;
            }
        }
        if (n == out.length) {
            return out;
        }
        Object[] rest = new Object[n];
        System.arraycopy(out, 0, rest, 0, n);
        return rest;
    }
}
