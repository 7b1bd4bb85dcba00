/**
 * The bridge's Java half: internals, not API. Its types are public only because the native core
 * (JNI), the generated glue ({@code glue/}) and the package {@code dev.napijava} call them; they change
 * without notice. See docs/ARCHITECTURE.md for what each class decides.
 */
package dev.napijava.bridge;
