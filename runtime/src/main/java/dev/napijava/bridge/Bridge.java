package dev.napijava.bridge;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Entry points the native core calls (through cached JNI method IDs) for everything that is
 * not a per-call hot path: class lookup and projection, jar loading, error details.
 */
public final class Bridge {
    private static final ClassLoader START_UP = ClassLoader.getSystemClassLoader();
    /** Made by the first jvm.load() (until then the start-up classpath is all there is; a start skips a URLClassLoader). */
    private static volatile BridgeClassLoader runTimeLoader;
    private static final List<Path> LOADED = new CopyOnWriteArrayList<>();
    private static volatile PackageIndex packages;

    private Bridge() {
    }

    /** A class for a binary or source-style name ({@code a.B$C} or {@code a.B.C}); null if none. */
    public static Class<?> findClass(String name) {
        String candidate = name;
        while (true) {
            try {
                BridgeClassLoader added = runTimeLoader;
                return Class.forName(candidate, false, added != null ? added : START_UP);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            }
        }
    }

    /** For JS namespaces: the class of that name, TRUE for a package (or package prefix), else null. */
    public static Object resolveName(String name) {
        // A package cannot hold a class and a subpackage of the same name (JLS 7.1), so the order
        // of the lookups only decides their cost: a name that looks like a class (java.lang.Math)
        // is tried as a class first, sparing the package-prefix search over every JDK module;
        // other names ask the packages already indexed (the JDK's) first. Either way the common
        // start never waits for the classpath to be indexed.
        PackageIndex index = packages();
        if (!looksLikeClass(name) && index.isKnownPackage(name)) {
            return Boolean.TRUE;
        }
        Class<?> type = findClass(name);
        if (type != null) {
            return type;
        }
        return index.isPackage(name) ? Boolean.TRUE : null;
    }

    /** Class names start upper-case by convention; packages are lower-case. */
    private static boolean looksLikeClass(String name) {
        int last = name.lastIndexOf('.') + 1;
        return last < name.length() && Character.isUpperCase(name.charAt(last));
    }

    public static Class<?> importClass(String name) throws ClassNotFoundException {
        Class<?> type = findClass(name);
        if (type == null) {
            throw new ClassNotFoundException("Class " + name + " was not found on the classpath. Add its jar with "
                    + "jvm.load('path/to.jar') or jvm.configure({ classpath })");
        }
        return type;
    }

    public static ClassDescriptor describe(Class<?> type) {
        return new ClassDescriptor(type, ClassRegistry.indexOf(type));
    }

    public static int classIndexOf(Object o) {
        return ClassRegistry.indexOf(o.getClass());
    }

    public static int classIndex(Class<?> type) {
        return ClassRegistry.indexOf(type);
    }

    public static Class<?> classAt(int index) {
        return ClassRegistry.classAt(index);
    }

    public static void load(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        BridgeClassLoader loader = runTimeLoader;
        if (loader == null) {
            synchronized (Bridge.class) {
                loader = runTimeLoader;
                if (loader == null) {
                    runTimeLoader = loader = new BridgeClassLoader(START_UP);
                }
            }
        }
        loader.addPath(p);
        LOADED.add(p);
        PackageIndex index = packages;
        if (index != null) {
            index.addPath(p);
        }
    }

    private static PackageIndex packages() {
        PackageIndex index = packages;
        if (index == null) {
            synchronized (Bridge.class) {
                index = packages;
                if (index == null) {
                    index = new PackageIndex();
                    for (Path p : LOADED) {
                        index.addPath(p);
                    }
                    packages = index;
                }
            }
        }
        return index;
    }

    /** The Throwable's own frames, one {@code    at pkg.Class.method(File.java:N)} line each. */
    public static String javaStack(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("    at ").append(e.getClassName()).append('.').append(e.getMethodName()).append('(');
            if (e.isNativeMethod()) {
                out.append("Native Method");
            } else if (e.getFileName() == null) {
                out.append("Unknown Source");
            } else {
                out.append(e.getFileName());
                if (e.getLineNumber() >= 0) {
                    out.append(':').append(e.getLineNumber());
                }
            }
            out.append(')');
        }
        return out.toString();
    }

    private static final java.util.Set<Thread> JS_THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static void registerJsThread(Thread t) {
        JS_THREADS.add(t);
    }

    static void unregisterJsThread(Thread t) {
        JS_THREADS.remove(t);
    }

    /** Is the current thread the JS thread of some Node environment? */
    static boolean isJsThread() {
        return JS_THREADS.contains(Thread.currentThread());
    }

    /** The build of the native core that registered its natives here (see the native core's claim_runtime). */
    private static String nativeBuild;

    /** Called by each copy of the native core as it joins the JVM: the build that owns the natives. */
    public static synchronized String claimNative(String build) {
        if (nativeBuild == null) {
            nativeBuild = build;
        }
        return nativeBuild;
    }

    private static volatile boolean jsValuesLoaded;
    /** Read by the native core at start: a class literal loads JSValue without initializing it,
     *  so any JSValue (even a primitive one made before any JS ran) is recognised as one. */
    static final Class<?> JSVALUE_CLASS = dev.napijava.JSValue.class;

    /** Implemented by the native core once it runs in this JVM: registers the JsValues natives. */
    private static native void initJsValues();

    /** Called by JsValues' static initializer. Before the addon runs, it registers them itself. */
    static void onJsValuesLoaded() {
        jsValuesLoaded = true;
        try {
            initJsValues();
        } catch (UnsatisfiedLinkError e) {
            // the addon has not started yet: it registers the natives when it does
        }
    }

    /** Asked by the native core at start: was JsValues initialized before the addon ran? */
    public static boolean jsValuesLoaded() {
        return jsValuesLoaded;
    }

    /** Implemented by the native core: runs java.lang.Shutdown.shutdown(), i.e. the shutdown hooks. */
    private static native void runJvmShutdownHooks();

    /**
     * Node's main thread is exiting and the JVM goes with the process: runs the JVM's shutdown
     * hooks (what DestroyJavaVM or System.exit would run), for at most timeoutMs, so that libraries
     * that flush or close in a hook (file databases, log appenders) lose nothing. Once they ran,
     * new hooks are refused as in any JVM that shuts down.
     */
    public static void runShutdownHooks(long timeoutMs) {
        Thread runner = new Thread(Bridge::runJvmShutdownHooks, "node-api-java-shutdown");
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (runner.isAlive()) {
            System.err.println("node-api-java: the JVM's shutdown hooks did not finish within " + timeoutMs
                    + " ms; the process exits without waiting for them (jvm.configure({ shutdownTimeout }))");
        }
    }

    public static String javaVersion() {
        return System.getProperty("java.version");
    }
}
