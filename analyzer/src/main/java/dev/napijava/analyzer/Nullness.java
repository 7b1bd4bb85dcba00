package dev.napijava.analyzer;

import java.util.Set;

/** What nullability annotations say about one type use. */
public enum Nullness {
    UNKNOWN, NULLABLE, NONNULL;

    /** JSpecify, JetBrains, javax.annotation (JSR 305), Checker Framework, Android, FindBugs, Eclipse. */
    static final Set<String> NULLABLE_ANNOTATIONS = Set.of(
            "Lorg/jspecify/annotations/Nullable;",
            "Lorg/jetbrains/annotations/Nullable;",
            "Ljavax/annotation/Nullable;",
            "Ljavax/annotation/CheckForNull;",
            "Lorg/checkerframework/checker/nullness/qual/Nullable;",
            "Lorg/checkerframework/checker/nullness/compatqual/NullableDecl;",
            "Lorg/checkerframework/checker/nullness/compatqual/NullableType;",
            "Landroidx/annotation/Nullable;",
            "Landroid/annotation/Nullable;",
            "Ledu/umd/cs/findbugs/annotations/Nullable;",
            "Ledu/umd/cs/findbugs/annotations/CheckForNull;",
            "Lorg/eclipse/jdt/annotation/Nullable;");

    static final Set<String> NONNULL_ANNOTATIONS = Set.of(
            "Lorg/jspecify/annotations/NonNull;",
            "Lorg/jetbrains/annotations/NotNull;",
            "Ljavax/annotation/Nonnull;",
            "Lorg/checkerframework/checker/nullness/qual/NonNull;",
            "Lorg/checkerframework/checker/nullness/compatqual/NonNullDecl;",
            "Lorg/checkerframework/checker/nullness/compatqual/NonNullType;",
            "Landroidx/annotation/NonNull;",
            "Landroid/annotation/NonNull;",
            "Ledu/umd/cs/findbugs/annotations/NonNull;",
            "Llombok/NonNull;",
            "Lorg/eclipse/jdt/annotation/NonNull;");

    /** Scope annotations: unannotated types inside are non-null (JSpecify @NullMarked and JSR-305 style defaults). */
    static final Set<String> NULL_MARKED = Set.of(
            "Lorg/jspecify/annotations/NullMarked;",
            "Lorg/eclipse/jdt/annotation/NonNullByDefault;",
            "Lorg/checkerframework/framework/qual/DefaultQualifier;");
    static final Set<String> NULL_UNMARKED = Set.of("Lorg/jspecify/annotations/NullUnmarked;");
    /** Parameters only. */
    static final Set<String> PARAMS_NONNULL = Set.of("Ljavax/annotation/ParametersAreNonnullByDefault;");

    static Nullness of(String descriptor) {
        if (NULLABLE_ANNOTATIONS.contains(descriptor)) {
            return NULLABLE;
        }
        if (NONNULL_ANNOTATIONS.contains(descriptor)) {
            return NONNULL;
        }
        return UNKNOWN;
    }

    /** A package- or class-level default: null-marked (also any {@code *NonnullByDefault} JSR-305 default such as Guava's). */
    static boolean isNullMarked(String descriptor) {
        return NULL_MARKED.contains(descriptor) || descriptor.endsWith("NonnullByDefault;")
                && !PARAMS_NONNULL.contains(descriptor);
    }
}
