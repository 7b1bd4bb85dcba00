/**
 * The public Java API of node-api-java: Java hosts Node.js in its own process.
 * {@link dev.napijava.NodejsPlatform} loads libnode, {@link dev.napijava.NodejsEnvironment} runs one
 * Node environment on its own JS thread ({@code run}, {@code runAsync}, {@code post},
 * {@code importModule}), and {@link dev.napijava.JSValue} with its views ({@code JSObject},
 * {@code JSFunction}, {@code JSArray}, {@code JSMap}...) are JS values held from Java. Everything here
 * is API; no type of {@code dev.napijava.bridge} appears in its public signatures.
 */
package dev.napijava;
