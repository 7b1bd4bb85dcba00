package com.example.shop;

import dev.napijava.JSExport;

/** A place in the shop, by value: a plain `{ x, y }` object in JS. */
@JSExport
public record Point(double x, double y) {
}
