package dev.napijava.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Process-wide index of projected classes; native per-environment tables are indexed by it. */
final class ClassRegistry {
    private static final ConcurrentHashMap<Class<?>, Integer> INDEX = new ConcurrentHashMap<>();
    private static final List<Class<?>> CLASSES = new ArrayList<>();

    private ClassRegistry() {
    }

    static int indexOf(Class<?> type) {
        Integer index = INDEX.get(type);
        if (index != null) {
            return index;
        }
        synchronized (CLASSES) {
            index = INDEX.get(type);
            if (index == null) {
                CLASSES.add(type);
                index = CLASSES.size() - 1;
                INDEX.put(type, index);
            }
            return index;
        }
    }

    static Class<?> classAt(int index) {
        synchronized (CLASSES) {
            return CLASSES.get(index);
        }
    }
}
