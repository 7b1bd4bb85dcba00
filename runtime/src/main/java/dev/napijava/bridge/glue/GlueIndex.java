package dev.napijava.bridge.glue;

/** The generated table of one {@code <jar>.napi.jar}: which classes have glue, and their adapters. */
public interface GlueIndex {
    /** Binary names ({@code a.b.Outer$Inner}) of the classes this index has adapters for. */
    String[] classNames();

    /** The adapter for one of {@link #classNames()}. */
    ClassGlue glueFor(String className);
}
