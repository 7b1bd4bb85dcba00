package com.example.broken;

import dev.napijava.JSExport;

/** NAPIJ1001: a class JS cannot reach. */
@JSExport
class Hidden {
}
