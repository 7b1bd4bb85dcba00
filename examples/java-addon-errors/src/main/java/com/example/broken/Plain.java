package com.example.broken;

/** Public but not exported. */
public class Plain {
}
