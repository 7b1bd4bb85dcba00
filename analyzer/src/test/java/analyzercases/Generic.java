package analyzercases;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Test case for the analyzer: generic signatures, bridges and synthetic members, nested classes. */
public class Generic<K extends Comparable<K>, V> extends AbstractMap<K, List<? super V>>
        implements Supplier<V>, Comparable<Generic<K, V>> {
    @SafeVarargs
    public static <T extends Number & Comparable<T>> T max(List<? extends T> xs, T... more) {
        return xs.get(0);
    }

    @Override
    public Set<Map.Entry<K, List<? super V>>> entrySet() {
        return Set.of();
    }

    /** Comparable.compareTo(T) is compareTo(Object) erased: javac adds a bridge. */
    @Override
    public int compareTo(Generic<K, V> other) {
        return 0;
    }

    @Override
    public V get() {
        Runnable r = () -> { }; // a lambda: a synthetic method of this class
        r.run();
        return null;
    }

    @Deprecated
    public int[][] grid;

    /** A member class of a generic class: its owner type carries the outer's arguments. */
    public class Inner {
        public Generic<K, V>.Inner self() {
            return this;
        }
    }

    static class Hidden {
    }
}
