package com.example.shop;

import dev.napijava.JSExport;

/** Told of every item added to an inventory; JS passes a function or an object with onPrice. */
@JSExport
@FunctionalInterface
public interface PriceListener {
    /**
     * An item was added.
     *
     * @param item its name
     * @param price its unit price
     */
    void onPrice(String item, double price);
}
