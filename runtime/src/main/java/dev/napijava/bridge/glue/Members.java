package dev.napijava.bridge.glue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The public members of one class in projection order: what {@code ClassDescriptor} would
 * otherwise gather with {@code getConstructors()}, {@code getMethods()} (sorted, covariant-return
 * bridges and duplicates dropped), {@code getFields()} and {@code getClasses()}.
 *
 * <p>The glue of an exported module ({@code @JSExport}) lists exactly the exported members with their
 * JS names: {@link #exact} projects only them, under those names, without the {@code nameAsync}
 * variants and overload selectors the bridge adds to other classes.
 */
public final class Members {
    public final Class<?> type;
    public final Constructor<?>[] constructors;
    public final Method[] methods;
    public final Field[] fields;
    public final Class<?>[] nested;
    /** JS names parallel to {@link #methods} and {@link #fields}; null: their Java names. */
    public final String[] methodNames;
    public final String[] fieldNames;
    /** The exported API exactly: no added async variants or selectors. */
    public final boolean exact;

    public Members(Class<?> type, Constructor<?>[] constructors, Method[] methods, Field[] fields, Class<?>[] nested) {
        this(type, constructors, methods, fields, nested, null, null, false);
    }

    /** An exported class's members under their JS names (see {@link #exact}). */
    public Members(Class<?> type, Constructor<?>[] constructors, Method[] methods, String[] methodNames, Field[] fields,
            String[] fieldNames) {
        this(type, constructors, methods, fields, new Class<?>[0], methodNames, fieldNames, true);
    }

    private Members(Class<?> type, Constructor<?>[] constructors, Method[] methods, Field[] fields, Class<?>[] nested,
            String[] methodNames, String[] fieldNames, boolean exact) {
        if (methodNames != null && methodNames.length != methods.length
                || fieldNames != null && fieldNames.length != fields.length) {
            throw new IllegalArgumentException("JS names must be parallel to the members of " + type.getName());
        }
        this.type = type;
        this.constructors = constructors;
        this.methods = methods;
        this.fields = fields;
        this.nested = nested;
        this.methodNames = methodNames;
        this.fieldNames = fieldNames;
        this.exact = exact;
    }
}
