package com.example.broken;

import dev.napijava.JSExport;

/** Not exported itself. */
public class Service {
    /** NAPIJ1006: an instance method of a type that is not exported. */
    @JSExport
    public void run() {
    }
}
