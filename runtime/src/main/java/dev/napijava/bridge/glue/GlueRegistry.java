package dev.napijava.bridge.glue;

import dev.napijava.bridge.Bridge;
import dev.napijava.bridge.BridgeTypeError;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The glue indexes registered by generated loaders ({@code require('./out/x.js')} calls
 * {@link #register}). {@code ClassDescriptor} asks {@link #members} first; a class without glue,
 * or whose glue no longer matches the loaded class, is projected by reflection as before.
 */
public final class GlueRegistry {
    private static final ConcurrentHashMap<String, GlueIndex> BY_CLASS = new ConcurrentHashMap<>();
    private static final AtomicInteger HITS = new AtomicInteger();
    private static final AtomicInteger FALLBACKS = new AtomicInteger();
    private static volatile boolean enabled = true;

    private GlueRegistry() {
    }

    /**
     * Loads (through the bridge's class loader) and registers a generated index; returns the count of
     * classes with glue. An @JSExport module's index registers itself when its class is initialized (a
     * plain {@code new}: a reflective constructor call costs 1-3 ms at start-up); an index of
     * {@code napi-java generate --glue} is instantiated here.
     */
    public static int register(String indexClassName) {
        Class<?> type;
        try {
            type = Bridge.findClass(indexClassName);
        } catch (LinkageError e) {
            // glue generated on a newer JDK (UnsupportedClassVersionError): project by reflection instead
            return 0;
        }
        if (type == null) {
            throw new BridgeTypeError("Glue index " + indexClassName + " was not found: load its jar first");
        }
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
            if (!isRegistered(type)) {
                register((GlueIndex) type.getDeclaredConstructor().newInstance());
            }
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new BridgeTypeError("Glue index " + indexClassName + " cannot be used: " + e);
        }
        return BY_CLASS.size();
    }

    private static boolean isRegistered(Class<?> indexType) {
        for (GlueIndex index : BY_CLASS.values()) {
            if (index.getClass() == indexType) {
                return true;
            }
        }
        return false;
    }

    public static int register(GlueIndex index) {
        String[] names = index.classNames();
        for (String name : names) {
            BY_CLASS.put(name, index);
        }
        return names.length;
    }

    /** The glued member lists of type, or null when it has no (usable) glue. */
    public static Members members(Class<?> type) {
        if (BY_CLASS.isEmpty() || !enabled) {
            return null;
        }
        GlueIndex index = BY_CLASS.get(type.getName());
        if (index == null) {
            return null;
        }
        try {
            ClassGlue glue = index.glueFor(type.getName());
            Members m = glue == null ? null : glue.members();
            if (m != null && m.type == type) {
                HITS.incrementAndGet();
                return m;
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // the jar differs from the one the glue was generated for: reflect instead
        }
        FALLBACKS.incrementAndGet();
        return null;
    }

    /** For benchmarks and tests: turn glue use off (false) or back on. */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /** {@code [classes with glue, projections served by glue, fallbacks to reflection]}. */
    public static int[] stats() {
        return new int[] {BY_CLASS.size(), HITS.get(), FALLBACKS.get()};
    }
}
