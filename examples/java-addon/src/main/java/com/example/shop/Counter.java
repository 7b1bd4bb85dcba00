package com.example.shop;

import dev.napijava.JSExport;

/** Member-level selection: only the tagged members are exported, under their JS names. */
@JSExport
public class Counter {
    /** The current value (a field, read and written from JS). */
    @JSExport
    public int value;

    @JSExport
    public Counter() {
    }

    /** Adds one and returns the new value; `next()` in JS. */
    @JSExport("next")
    public int increment() {
        return ++value;
    }

    /** Public in Java, not exported: not in the JS API. */
    public void reset() {
        value = 0;
    }
}
