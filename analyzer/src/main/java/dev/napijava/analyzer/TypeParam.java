package dev.napijava.analyzer;

import java.util.ArrayList;
import java.util.List;

/** A formal type parameter with its bounds ({@code T extends Comparable<? super T>}). */
public final class TypeParam {
    public final String name;
    public final List<JType> bounds = new ArrayList<>();

    public TypeParam(String name) {
        this.name = name;
    }

    /** True when the only bound is Object (or there is none). */
    public boolean unbounded() {
        return bounds.isEmpty() || bounds.size() == 1 && bounds.get(0) instanceof JType.ClassRef
                && ((JType.ClassRef) bounds.get(0)).name.equals("java/lang/Object");
    }

    @Override
    public String toString() {
        return name + (bounds.isEmpty() ? "" : " extends " + bounds);
    }
}
