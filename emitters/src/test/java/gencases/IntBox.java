package gencases;

/** Implements a generic interface (bridge methods), overrides with a covariant return, clashes a field with a method. */
public class IntBox implements Box<Integer> {
    public int value;
    public String size = "field loses to the method";

    public IntBox(int value) { this.value = value; }

    @Override
    public Integer get() { return value; }

    @Override
    public int compareTo(Box<Integer> o) { return Integer.compare(value, o.get()); }

    public int size() { return 1; }

    @SuppressWarnings("unchecked")
    <U extends Comparable<U>> Box<U> cast() { return (Box<U>) (Box<?>) this; }

    @Override
    public IntBox clone() { return new IntBox(value); }
}
