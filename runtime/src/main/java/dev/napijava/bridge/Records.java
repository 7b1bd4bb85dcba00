package dev.napijava.bridge;

import java.lang.reflect.RecordComponent;

/** Java records as JS data: their components, for JSON.stringify and jvm.toJS (lib/collections.js). */
public final class Records {
    private Records() {
    }

    /** The record's components in declaration order, flattened: [name0, value0, name1, value1, ...]. */
    public static Object[] components(Record record) throws ReflectiveOperationException {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] out = new Object[2 * components.length];
        for (int i = 0; i < components.length; i++) {
            java.lang.reflect.Method accessor = components[i].getAccessor();
            accessor.setAccessible(true);
            out[2 * i] = components[i].getName();
            out[2 * i + 1] = accessor.invoke(record);
        }
        return out;
    }
}
