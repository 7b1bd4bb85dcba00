package com.example.broken;

import dev.napijava.JSExport;

/** NAPIJ1004: a generic class (the bridge erases T). */
@JSExport
public class Box<T> {
    public T value;
}
