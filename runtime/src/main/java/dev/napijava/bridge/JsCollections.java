package dev.napijava.bridge;

import dev.napijava.JSValue;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * JS collections where Java expects Java ones (marshal.c, type codes LIST, SET, MAP): a JS array
 * becomes a live List view (reads and writes go to the array, and JS sees Java's writes); JS Sets,
 * Maps and plain objects are copied into a LinkedHashSet / LinkedHashMap (insertion order kept).
 */
public final class JsCollections {
    private JsCollections() {
    }

    /** Called by the native core on the JS thread: a List over the JS array behind the handle. */
    public static List<Object> listView(JsEnv env, Object array) {
        return new JsArrayList(env, (JSValue) array);
    }

    public static List<Object> listOf(Object[] elements) {
        return new ArrayList<>(Arrays.asList(elements));
    }

    public static Set<Object> setOf(Object[] elements) {
        return new LinkedHashSet<>(Arrays.asList(elements));
    }

    /** Keys and values flattened: [k0, v0, k1, v1, ...]. */
    public static Map<Object, Object> mapOf(Object[] flat) {
        Map<Object, Object> map = new LinkedHashMap<>(Math.max(16, flat.length));
        for (int i = 0; i + 1 < flat.length; i += 2) {
            map.put(flat[i], flat[i + 1]);
        }
        return map;
    }

    /**
     * The live view. Every method reaches the JS array on its JS thread: directly when called
     * there (the common case: a synchronous call), through the environment's queue otherwise.
     * Elements convert as any value of declared type Object does.
     */
    static final class JsArrayList extends AbstractList<Object> implements RandomAccess {
        private final JsEnv env;
        private final JSValue array; // keeps the JS array alive while Java holds the view
        private final long handle;

        JsArrayList(JsEnv env, JSValue array) {
            this.env = env;
            this.array = array;
            this.handle = JSValueNatives.handleOf(array);
        }

        private <T> T onJsThread(java.util.function.Supplier<T> op) {
            return env.callOnJsThread(op, "a JS array seen as a java.util.List");
        }

        @Override
        public int size() {
            return onJsThread(() -> JSValueNatives.arrayLength(env.nativeCtx, handle));
        }

        @Override
        public Object get(int index) {
            return onJsThread(() -> {
                checkIndex(index, JSValueNatives.arrayLength(env.nativeCtx, handle));
                return JSValueNatives.arrayGet(env.nativeCtx, handle, index);
            });
        }

        @Override
        public Object set(int index, Object element) {
            return onJsThread(() -> {
                checkIndex(index, JSValueNatives.arrayLength(env.nativeCtx, handle));
                Object old = JSValueNatives.arrayGet(env.nativeCtx, handle, index);
                JSValueNatives.arraySplice(env.nativeCtx, handle, index, 1, new Object[] {element});
                return old;
            });
        }

        @Override
        public void add(int index, Object element) {
            onJsThread(() -> {
                int size = JSValueNatives.arrayLength(env.nativeCtx, handle);
                if (index < 0 || index > size) {
                    throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
                }
                JSValueNatives.arraySplice(env.nativeCtx, handle, index, 0, new Object[] {element});
                modCount++;
                return null;
            });
        }

        @Override
        public Object remove(int index) {
            return onJsThread(() -> {
                checkIndex(index, JSValueNatives.arrayLength(env.nativeCtx, handle));
                Object old = JSValueNatives.arrayGet(env.nativeCtx, handle, index);
                JSValueNatives.arraySplice(env.nativeCtx, handle, index, 1, new Object[0]);
                modCount++;
                return old;
            });
        }

        private static void checkIndex(int index, int size) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
            }
        }
    }
}
