package dev.napijava.bridge.glue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The public members of one class in projection order: what {@code ClassDescriptor} would
 * otherwise gather with {@code getConstructors()}, {@code getMethods()} (sorted, covariant-return
 * bridges and duplicates dropped), {@code getFields()} and {@code getClasses()}.
 */
public final class Members {
    public final Class<?> type;
    public final Constructor<?>[] constructors;
    public final Method[] methods;
    public final Field[] fields;
    public final Class<?>[] nested;

    public Members(Class<?> type, Constructor<?>[] constructors, Method[] methods, Field[] fields, Class<?>[] nested) {
        this.type = type;
        this.constructors = constructors;
        this.methods = methods;
        this.fields = fields;
        this.nested = nested;
    }
}
