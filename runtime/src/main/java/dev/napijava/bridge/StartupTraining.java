package dev.napijava.bridge;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The start-up cache's training run. node-api-java starts this main in a background JVM with
 * {@code -XX:ArchiveClassesAtExit=<archive>} (runtime/src/main/js/lib/startup-cache.js): every class
 * it loads that the JDK's default CDS archive lacks is written to the archive at exit, parsed and
 * verified, and the JVMs that Node starts later map them instead of reading, parsing and verifying
 * them again. So it loads what a real start loads: every class of the runtime jar, the JDK classes
 * the native core looks up while it caches its IDs (native/src/jvm.c, proxies.c, async.c), and the JDK
 * classes that the Java side of a first projection pulls in ({@code jvm.java.lang.Math.max(3, 7)}:
 * package lookups, a class descriptor, an overload resolution). It never calls a native method:
 * no addon runs in this JVM.
 *
 * <p>Its arguments name the glue indexes of the exported modules ({@code @JSExport}) whose jars follow
 * the runtime jar on the class path: every class of those jars is loaded (the modules' own and the jars
 * they ship), each glue registered and each exported class projected, as {@code require('the-module')}
 * does. No class is initialized: a static initializer of the user's could do anything.
 */
public final class StartupTraining {
    /**
     * The classes the native core finds (and so initializes: JNI FindClass does) while it caches its
     * IDs, plus the error a failing GetFieldID probe of String's layout throws. In the order the core
     * finds them (jvm.c cache_ids, proxies.c proxies_init with async.c async_init, buffers.c buffers_init);
     * SharedConstantsTest fails when the two lists differ.
     */
    private static final String[] NATIVE_LOOKUPS = {
        "dev.napijava.bridge.Values", "dev.napijava.bridge.Bridge",
        "dev.napijava.bridge.BridgeTypeError", "dev.napijava.bridge.BridgeRangeError",
        "dev.napijava.bridge.ClassDescriptor", "dev.napijava.bridge.OverloadSet", "dev.napijava.bridge.Overload",
        "dev.napijava.bridge.TypeRef", "dev.napijava.bridge.FieldDescriptor", "dev.napijava.bridge.JsEnv",
        "dev.napijava.bridge.JsProxies", "dev.napijava.bridge.AsyncCalls", "dev.napijava.JSException",
        "dev.napijava.JSInvalidThreadAccessException", "java.lang.reflect.Proxy", "dev.napijava.bridge.Buffers",
        "java.lang.NoSuchFieldError",
    };

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = StartupTraining.class.getClassLoader();
        File source = new File(StartupTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (String name : classNames(source)) {
            load(name, false, loader);
        }
        for (String name : NATIVE_LOOKUPS) {
            load(name, true, loader);
        }
        firstProjection();
        firstOwnClass(source);
        if (args.length > 0) {
            moduleJars(source, loader);
        }
        for (String glue : args) {
            exportedModule(glue, loader);
        }
    }

    /** Every class of the class path's jars after the runtime's: the exported modules and the jars they need. */
    private static void moduleJars(File runtimeJar, ClassLoader loader) throws IOException {
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            File jar = new File(entry);
            if (!entry.isEmpty() && jar.isFile() && !jar.equals(runtimeJar)) {
                for (String name : classNames(jar)) {
                    load(name, false, loader);
                }
            }
        }
    }

    /** What loading an exported module does once its classes are read: its glue registered, its classes projected. */
    private static void exportedModule(String glue, ClassLoader loader) {
        try {
            Class<?> index = Class.forName(glue, false, loader);
            Bridge.registerGlue(glue);
            String[] exported = ((dev.napijava.bridge.glue.GlueIndex) index.getDeclaredConstructor().newInstance()).classNames();
            for (String name : exported) {
                Class<?> type = Bridge.findClass(name);
                if (type != null) {
                    Bridge.describe(type);
                }
            }
        } catch (Exception | LinkageError e) {
            // a module that cannot load here is loaded at run time as without the cache (its errors are reported there)
        }
    }

    private static void load(String name, boolean initialize, ClassLoader loader) {
        try {
            Class.forName(name, initialize, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // a class that cannot load here cannot be archived either: the cache just lacks it
        }
    }

    /** What the native core asks the Java side for on the first JS access to a Java class. */
    private static void firstProjection() {
        JsEnv.create(0L, ByteBuffer.allocateDirect(Integer.BYTES)); // the environment object start() makes
        for (String name : new String[] {"java", "java.lang", "java.util", "java.lang.Math", "java.util.ArrayList"}) {
            Bridge.resolveName(name);
        }
        byte[] twoInts = {(byte) ArgTag.INT32.ordinal(), (byte) ArgTag.INT32.ordinal()};
        byte[] oneString = {(byte) ArgTag.STRING.ordinal()};
        resolve(Bridge.describe(Math.class).staticMethods, "max", twoInts);
        resolve(Bridge.describe(String.class).staticMethods, "valueOf", oneString);
        resolve(Bridge.describe(ArrayList.class).instanceMethods, "add", oneString);
        Bridge.classIndexOf(new ArrayList<>());
        Bridge.javaVersion();
    }

    /**
     * The user's first own package and class: a name the JDK lacks misses through the bridge's class
     * loader and has the class path scanned; classes in a class folder come through the JDK's file loader.
     */
    private static void firstOwnClass(File source) throws IOException {
        Bridge.resolveName("dev");
        Bridge.resolveName("dev.napijava.bridge.Bridge");
        try (URLClassLoader folder = new URLClassLoader(new URL[] {source.getParentFile().toURI().toURL()}, null)) {
            folder.getResource(source.getName());
        }
    }

    private static void resolve(OverloadSet[] sets, String name, byte[] tags) {
        for (OverloadSet set : sets) {
            if (set.name.equals(name)) {
                set.resolve(tags, new Class<?>[tags.length]);
                return;
            }
        }
    }

    /** The classes in a jar (the npm package's java/napi-java-runtime.jar, an exported module's jar). */
    private static List<String> classNames(File jarFile) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(jarFile)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String path = entries.nextElement().getName();
                if (path.endsWith(".class") && !path.startsWith("META-INF/")) {
                    names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return names;
    }
}
