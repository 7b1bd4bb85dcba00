package dev.napijava.analyzer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysed API: the classes of one jar (the primary source) plus, on demand, any class they
 * reference, read from the --classpath jars or the running JDK's modules (jrt:). Classes that
 * none of those has are recorded as missing, never fatal.
 */
public final class ApiModel implements Closeable {
    private final ClassSource primary;
    private final List<ClassSource> sources = new ArrayList<>();
    private final Map<String, ClassInfo> cache = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> packageMarked = new HashMap<>();
    private final Map<String, Boolean> subtypeMemo = new HashMap<>();
    private List<ClassInfo> primaryClasses;

    private ApiModel(ClassSource primary) {
        this.primary = primary;
    }

    /**
     * Opens the jar (or class folder) to analyse and the classpath entries its API refers to.
     *
     * @throws AnalyzerException for a missing, unreadable or corrupt file
     */
    public static ApiModel open(Path jar, List<Path> classpath) throws AnalyzerException {
        ClassSource primary = ClassSource.open(jar, "jar");
        ApiModel model = new ApiModel(primary);
        model.sources.add(primary);
        try {
            for (Path p : classpath) {
                model.sources.add(ClassSource.open(p, "classpath"));
            }
        } catch (AnalyzerException e) {
            model.close();
            throw e;
        }
        model.sources.add(new ClassSource.Jrt());
        return model;
    }

    /**
     * The public, accessible (all enclosing classes public) classes of the primary jar whose
     * package starts with one of the prefixes (all when empty), in name order.
     */
    public synchronized List<ClassInfo> primaryClasses(List<String> includePrefixes, ProgressListener progress)
            throws AnalyzerException {
        if (primaryClasses != null) {
            return primaryClasses;
        }
        List<String> names;
        try {
            names = primary.classNames();
        } catch (IOException e) {
            throw new AnalyzerException("cannot list the classes of the jar: " + e.getMessage());
        }
        names.sort(null);
        List<ClassInfo> out = new ArrayList<>();
        int done = 0;
        for (String name : names) {
            done++;
            if (progress != null && (done % 64 == 0 || done == names.size())) {
                progress.progress("reading classes", done, names.size());
            }
            if (name.endsWith("package-info") || !included(name, includePrefixes)) {
                continue;
            }
            ClassInfo c = get(name);
            if (c != null && isAccessible(c)) {
                out.add(c);
            }
        }
        if (names.isEmpty()) {
            throw new AnalyzerException("the jar holds no class files");
        }
        primaryClasses = out;
        return out;
    }

    private static boolean included(String internalName, List<String> prefixes) {
        if (prefixes == null || prefixes.isEmpty()) {
            return true;
        }
        String dotted = internalName.replace('/', '.');
        for (String p : prefixes) {
            if (dotted.startsWith(p.endsWith(".") ? p : p + ".") || dotted.startsWith(p) && p.endsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Public, not synthetic, not local/anonymous, and every enclosing class accessible too. */
    public boolean isAccessible(ClassInfo c) {
        if (!c.isPublic() || c.isSynthetic() || c.localOrAnonymous || c.name.endsWith("module-info")) {
            return false;
        }
        if (c.outerName == null) {
            return true;
        }
        ClassInfo outer = get(c.outerName);
        return outer != null && isAccessible(outer);
    }

    /** A class by internal name from the jar, the classpath or the JDK; null (recorded as missing) if none has it. */
    public ClassInfo get(String internalName) {
        ClassInfo c = cache.get(internalName);
        if (c != null || missing.contains(internalName)) {
            return c;
        }
        for (ClassSource s : sources) {
            try {
                byte[] bytes = s.read(internalName);
                if (bytes != null) {
                    c = ClassFileReader.read(bytes, s.origin);
                    ClassInfo raced = cache.putIfAbsent(internalName, c);
                    return raced != null ? raced : c;
                }
            } catch (IOException | RuntimeException e) {
                // unreadable or malformed class file: treated as missing
                break;
            }
        }
        missing.add(internalName);
        return null;
    }

    /** The Java release the primary classes need (from their class-file versions). */
    public int maxClassRelease() {
        int max = 52;
        if (primaryClasses != null) {
            for (ClassInfo c : primaryClasses) {
                max = Math.max(max, c.majorVersion);
            }
        }
        return max - 44;
    }

    /** Referenced classes that were not found anywhere (sorted binary names). */
    public Set<String> missing() {
        Set<String> out = new TreeSet<>();
        for (String m : missing) {
            if (!m.endsWith("package-info")) {
                out.add(m.replace('/', '.'));
            }
        }
        return out;
    }

    /** Whether unannotated types in c are non-null: c or an enclosing class or its package is null-marked. */
    public synchronized boolean isNullMarked(ClassInfo c) {
        for (ClassInfo k = c; k != null; k = k.outerName == null ? null : get(k.outerName)) {
            if (k.nullMarked != null) {
                return k.nullMarked;
            }
        }
        String pkg = c.name.lastIndexOf('/') < 0 ? "" : c.name.substring(0, c.name.lastIndexOf('/'));
        return packageMarked.computeIfAbsent(pkg, p -> {
            ClassInfo info = get(p + "/package-info");
            return info != null && Boolean.TRUE.equals(info.nullMarked);
        });
    }

    /** Parameters non-null by default (JSR-305 @ParametersAreNonnullByDefault on the class, outer or package). */
    public synchronized boolean paramsNonNull(ClassInfo c) {
        for (ClassInfo k = c; k != null; k = k.outerName == null ? null : get(k.outerName)) {
            if (k.paramsNonNull) {
                return true;
            }
        }
        String pkg = c.name.lastIndexOf('/') < 0 ? "" : c.name.substring(0, c.name.lastIndexOf('/'));
        ClassInfo info = get(pkg + "/package-info");
        return info != null && info.paramsNonNull;
    }

    /** Is sub the same as, or a subtype of, sup (internal names; arrays by descriptor {@code [I}, {@code [Ljava/lang/Object;})? */
    public synchronized boolean isSubtype(String sub, String sup) {
        if (sub.equals(sup) || sup.equals("java/lang/Object")) {
            return true;
        }
        if (sub.startsWith("[")) {
            return sup.equals("java/lang/Cloneable") || sup.equals("java/io/Serializable");
        }
        String key = sub + ">" + sup;
        Boolean memo = subtypeMemo.get(key);
        if (memo != null) {
            return memo;
        }
        boolean result = false;
        ClassInfo c = get(sub);
        if (c != null) {
            if (c.superName != null && isSubtype(c.superName, sup)) {
                result = true;
            } else {
                for (String i : c.interfaceNames) {
                    if (isSubtype(i, sup)) {
                        result = true;
                        break;
                    }
                }
            }
        }
        subtypeMemo.put(key, result);
        return result;
    }

    /** All supertypes of c (classes and interfaces, transitively), nearest first; missing ones skipped. */
    public List<ClassInfo> supertypes(ClassInfo c) {
        Set<String> seen = new LinkedHashSet<>();
        collect(c, seen);
        seen.remove(c.name);
        List<ClassInfo> out = new ArrayList<>();
        for (String n : seen) {
            ClassInfo s = get(n);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private void collect(ClassInfo c, Set<String> seen) {
        if (!seen.add(c.name)) {
            return;
        }
        if (c.superName != null) {
            ClassInfo s = get(c.superName);
            if (s != null) {
                collect(s, seen);
            }
        }
        for (String i : c.interfaceNames) {
            ClassInfo s = get(i);
            if (s != null) {
                collect(s, seen);
            }
        }
    }

    /** Attaches parameter names and Javadoc from a sources jar or folder to the primary classes. */
    public int attachSources(Path sources, ProgressListener progress) throws AnalyzerException {
        return new SourceDocs(this).attach(sources, primaryClasses, progress);
    }

    @Override
    public void close() {
        for (ClassSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
    }

    /** Progress of a long step (for a terminal progress bar). */
    public interface ProgressListener {
        void progress(String step, int done, int total);
    }
}
