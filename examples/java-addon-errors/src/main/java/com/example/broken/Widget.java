package com.example.broken;

import dev.napijava.JSExport;

/** An exported class with a member clash. */
@JSExport
public class Widget {
    /** NAPIJ1003, with the field size: a method and a field under one JS name. */
    @JSExport("size")
    public int count() {
        return 0;
    }

    @JSExport
    public int size;

    /** NAPIJ1005: a member name JS classes reserve. */
    @JSExport("constructor")
    public void build() {
    }
}
