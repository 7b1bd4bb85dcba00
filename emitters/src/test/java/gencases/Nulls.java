package gencases;

import org.jspecify.annotations.Nullable;

/** Nullability annotations: only annotated types become `T | null`. */
public final class Nulls {
    private Nulls() { }

    public static @Nullable String find(String key, @Nullable String fallback) { return fallback; }

    public static String @Nullable [] maybeArray() { return null; }
}
