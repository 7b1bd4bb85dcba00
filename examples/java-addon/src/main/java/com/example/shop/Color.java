package com.example.shop;

import dev.napijava.JSExport;

/** The colours an item comes in. */
@JSExport
public enum Color {
    RED("#ff0000"), GREEN("#00ff00"), BLUE("#0000ff");

    private final String hex;

    Color(String hex) {
        this.hex = hex;
    }

    /** The colour as a CSS hex string. */
    public String hex() {
        return hex;
    }
}
