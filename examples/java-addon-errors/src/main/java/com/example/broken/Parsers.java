package com.example.broken;

import dev.napijava.JSExport;
import java.util.List;

/** Module-level functions with errors. */
public final class Parsers {
    private Parsers() {
    }

    /** NAPIJ1003, with parseDouble: two different Java methods under one JS name. */
    @JSExport("parse")
    public static int parseInt(String s) {
        return Integer.parseInt(s);
    }

    @JSExport("parse")
    public static double parseDouble(String s) {
        return Double.parseDouble(s);
    }

    /** NAPIJ1004: a type parameter. */
    @JSExport
    public static <T> T first(List<T> items) {
        return items.get(0);
    }

    /** NAPIJ1005: a word JS reserves. */
    @JSExport("delete")
    public static void remove() {
    }

    /** NAPIJ1005: not an identifier. */
    @JSExport("to-upper")
    public static String toUpper(String s) {
        return s.toUpperCase();
    }

    /** NAPIJ1001: not public. */
    @JSExport
    static void secret() {
    }

    /** NAPIJ1002: a type JS cannot be given. */
    @JSExport
    public static Object unwrap(Internal value) {
        return value;
    }

    /** NAPIJ2001 (a warning): a public type that is not exported. */
    @JSExport
    public static Plain plain() {
        return new Plain();
    }
}

/** Package-private: not in any exported signature. */
class Internal {
}
