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

    /** A generated glue index, from JS (native registerGlue: an @JSExport module's entry); see GlueRegistry.register. */
    public static int registerGlue(String indexClassName) {
        return dev.napijava.bridge.glue.GlueRegistry.register(indexClassName);
    }

    public static void load(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        BridgeClassLoader loader = runTimeLoader;
        if (loader == null) {
            synchronized (Bridge.class) {
                loader = runTimeLoader;
                if (loader == null) {
                    runTimeLoader = loader = new BridgeClassLoader(START_UP);
                    // Java code that finds classes by name (JDBC's DriverManager, ServiceLoader,
                    // Jackson modules) asks the context class loader: the JS threads get this one
                    for (Thread t : JS_THREADS) {
                        t.setContextClassLoader(loader);
                    }
                }
            }
        }
        loader.addPath(p);
        LOADED.add(p);
        initializeJdbcDrivers(loader, p);
        PackageIndex index = packages;
        if (index != null) {
            index.addPath(p);
        }
    }

    /**
     * JDBC drivers of a jar added at run time: DriverManager looks for drivers once, with
     * ServiceLoader, often before jvm.load() (any DriverManager call does it), and never again. A
     * driver registers itself when its class is initialized (JDBC 4), so the classes the jar names
     * in META-INF/services/java.sql.Driver are initialized here. One that fails to is skipped, as
     * DriverManager skips it.
     */
    private static void initializeJdbcDrivers(ClassLoader loader, Path p) {
        String entry = "META-INF/services/java.sql.Driver";
        java.util.List<String> lines = new java.util.ArrayList<>();
        try {
            if (java.nio.file.Files.isDirectory(p)) {
                Path f = p.resolve(entry);
                if (java.nio.file.Files.isRegularFile(f)) {
                    lines = java.nio.file.Files.readAllLines(f);
                }
            } else {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
                    java.util.zip.ZipEntry e = jar.getEntry(entry);
                    if (e != null) {
                        lines = java.util.Arrays.asList(new String(jar.getInputStream(e).readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8).split("\\R"));
                    }
                }
            }
        } catch (java.io.IOException e) {
            return; // an unreadable jar already failed addPath's checks
        }
        for (String line : lines) {
            String name = line.replaceAll("#.*", "").trim();
            if (!name.isEmpty()) {
                try {
                    Class.forName(name, true, loader);
                } catch (ReflectiveOperationException | LinkageError e) {
                    // skipped, as DriverManager's own ServiceLoader pass skips it
                }
            }
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
        t.setContextClassLoader(loader());
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

    /** Implemented by the native core once it runs in this JVM: registers the JSValueNatives natives. */
    private static native void initJsValues();

    /** Called by JSValueNatives' static initializer. Before the addon runs, it registers them itself. */
    static void onJsValuesLoaded() {
        jsValuesLoaded = true;
        try {
            initJsValues();
        } catch (UnsatisfiedLinkError e) {
            // the addon has not started yet: it registers the natives when it does
        }
    }

    /** Asked by the native core at start: was JSValueNatives initialized before the addon ran? */
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

    private static final java.util.Map<String, Class<?>> PRIMITIVES = java.util.Map.of("boolean", boolean.class,
            "byte", byte.class, "char", char.class, "short", short.class, "int", int.class, "long", long.class,
            "float", float.class, "double", double.class);

    /**
     * jvm.newArray(type, values): the array type for an element type given as a primitive name, a
     * class name or a Class (a projected class).
     */
    public static TypeRef arrayType(Object element) throws ClassNotFoundException {
        Class<?> type = element instanceof Class ? (Class<?>) element : PRIMITIVES.get(String.valueOf(element));
        if (type == null && !"void".equals(element)) {
            type = importClass(String.valueOf(element));
        }
        if (type == null || type == void.class) {
            throw new BridgeTypeError("there are no arrays of void");
        }
        return TypeRef.of(java.lang.reflect.Array.newInstance(type, 0).getClass());
    }

    /**
     * Class.forName(name) as JS calls it: Java looks for the caller's class loader, and a call from
     * JS has no Java caller (JNI), so it would search the boot loader only. This one searches what
     * JS sees: the start-up class path and every jvm.load()ed jar.
     */
    public static Class<?> classForName(String name) throws ClassNotFoundException {
        return Class.forName(name, true, loader());
    }

    /** The lookup for method handles of caller-sensitive methods (AsyncCalls): its class is in {@link #loader()}. */
    static java.lang.invoke.MethodHandles.Lookup callerLookup() {
        BridgeClassLoader added = runTimeLoader;
        return added != null ? added.callerLookup() : LoaderCaller.lookup();
    }

    /** The loader JS looks classes up in, and the context class loader of the threads that run JS's calls. */
    public static ClassLoader loader() {
        BridgeClassLoader added = runTimeLoader;
        return added != null ? added : START_UP;
    }

    public static String javaVersion() {
        return System.getProperty("java.version");
    }
}
