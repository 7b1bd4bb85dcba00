package dev.napijava.bridge;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Java records as JS data: their components, for JSON.stringify and jvm.toJS (lib/collections.js),
 * and records made from plain JS objects (Values.record). The reflection is done once per class.
 */
public final class Records {
    private Records() {
    }

    /** A record class's components (names, types, accessors) and canonical constructor. */
    static final class Shape {
        final String[] names;
        final Class<?>[] types;
        final Method[] accessors;
        final Constructor<?> canonical;

        Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            types = new Class<?>[components.length];
            accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true); // a record nested in a non-public class
            }
            try {
                canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<Shape>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    static Shape shape(Class<?> recordClass) {
        return SHAPES.get(recordClass);
    }

    /** The record's components in declaration order, flattened: [name0, value0, name1, value1, ...]. */
    public static Object[] components(Record record) throws ReflectiveOperationException {
        Shape shape = shape(record.getClass());
        Object[] out = new Object[2 * shape.names.length];
        for (int i = 0; i < shape.names.length; i++) {
            out[2 * i] = shape.names[i];
            out[2 * i + 1] = shape.accessors[i].invoke(record);
        }
        return out;
    }
}
