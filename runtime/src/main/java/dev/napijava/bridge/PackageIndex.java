package dev.napijava.bridge;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Which names are Java packages (or prefixes of one), so that JS namespaces like
 * {@code jvm.java.util} resolve and typos do not. Built from the JDK's modules and from every
 * classpath entry, lazily, and extended by each jvm.load().
 */
final class PackageIndex {
    private final Set<String> prefixes = ConcurrentHashMap.newKeySet();

    private volatile boolean classPathScanned;

    /** JDK answers, computed per asked name (indexing all ~1,000 JDK packages up front cost ~10 ms). */
    private final ConcurrentHashMap<String, Boolean> jdkAnswers = new ConcurrentHashMap<>();
    private final Set<Module> jdkModules = ModuleLayer.boot().modules();

    PackageIndex() {
    }

    private boolean isJdkPackage(String name) {
        Boolean known = jdkAnswers.get(name);
        if (known == null) {
            known = Boolean.FALSE;
            String prefix = name + ".";
            search:
            for (Module module : jdkModules) {
                Set<String> packages = module.getPackages();
                if (packages.contains(name)) {
                    known = Boolean.TRUE;
                    break;
                }
                for (String p : packages) {
                    if (p.startsWith(prefix)) {
                        known = Boolean.TRUE;
                        break search;
                    }
                }
            }
            jdkAnswers.put(name, known);
        }
        return known;
    }

    /** JDK names answer from the modules; the start-up classpath is scanned on the first other name. */
    boolean isPackage(String name) {
        if (isKnownPackage(name)) {
            return true;
        }
        scanClassPath();
        return prefixes.contains(name);
    }

    /** Without scanning the classpath. */
    boolean isKnownPackage(String name) {
        return prefixes.contains(name) || isJdkPackage(name);
    }

    private void scanClassPath() {
        if (classPathScanned) {
            return;
        }
        synchronized (this) {
            if (!classPathScanned) {
                String classPath = System.getProperty("java.class.path", "");
                for (String entry : classPath.split(File.pathSeparator)) {
                    if (!entry.isEmpty()) {
                        addPath(Path.of(entry));
                    }
                }
                classPathScanned = true;
            }
        }
    }

    void addPath(Path path) {
        if (Files.isDirectory(path)) {
            addFolder(path.toFile(), "");
        } else if (Files.isRegularFile(path)) {
            try (JarFile jar = new JarFile(path.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    int slash = name.lastIndexOf('/');
                    if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                        addPackage(name.substring(0, slash).replace('/', '.'));
                    }
                }
            } catch (IOException e) {
                // a broken jar on the start-up classpath: the JVM reports it when a class is needed
            }
        }
    }

    /** Plain recursion rather than Files.walk streams: this runs at start-up. */
    private void addFolder(File dir, String pkg) {
        File[] children = dir.listFiles();
        if (children == null) {
            return; // unreadable folder: its classes can still be found by name
        }
        boolean hasClass = false;
        for (File child : children) {
            String name = child.getName();
            if (child.isDirectory()) {
                addFolder(child, pkg.isEmpty() ? name : pkg + "." + name);
            } else if (!hasClass && name.endsWith(".class") && !pkg.isEmpty()) {
                hasClass = true;
                addPackage(pkg);
            }
        }
    }

    private void addPackage(String pkg) {
        for (int dot = pkg.indexOf('.'); dot > 0; dot = pkg.indexOf('.', dot + 1)) {
            prefixes.add(pkg.substring(0, dot));
        }
        prefixes.add(pkg);
    }
}
