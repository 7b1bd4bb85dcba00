package dev.napijava.emitters;

import dev.napijava.analyzer.ClassInfo;
import dev.napijava.bridge.Bridge;
import dev.napijava.bridge.Overload;
import dev.napijava.bridge.ClassDescriptor;
import dev.napijava.bridge.FieldDescriptor;
import dev.napijava.bridge.OverloadSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes the Java glue: per class an adapter naming its members exactly (found by running the
 * runtime's own projection, {@link Bridge#describe}, at generation time), plus an index, compiled
 * in-process with javax.tools into {@code <jar>.napi.jar}.
 */
final class GlueEmitter {
    /** Generated sources (file name to text), kept for the golden tests. */
    final Map<String, String> sources = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();
    int glued;
    int skipped;
    /** The index's entries (class name, glue class), in order. */
    final List<Map<String, Object>> entries = new ArrayList<>();
    private final String version;
    private final String jarName;
    private final String pkg;

    GlueEmitter(String version, String jarName, String pkg) {
        this.version = version;
        this.jarName = jarName;
        this.pkg = pkg;
    }

    String indexClass() {
        return pkg + ".Index";
    }

    /** Generates the sources; classes that cannot be loaded here keep the reflective path (warned). */
    void generate(List<ClassInfo> classes, List<Path> classpath) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            urls.add(p.toUri().toURL());
        }
        int n = 0;
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), GlueEmitter.class.getClassLoader())) {
            for (ClassInfo c : classes) {
                Class<?> type;
                ClassDescriptor d;
                try {
                    type = Class.forName(c.binaryName(), false, loader);
                    d = Bridge.describe(type);
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    skipped++;
                    if (warnings.size() < 20) {
                        warnings.add("no glue for " + c.binaryName() + " (it does not load here: " + e + ")");
                    }
                    continue;
                }
                String simple = String.format("G%04d", n++);
                String src = classSource(type, d, simple);
                sources.put(pkg.replace('.', '/') + "/" + simple + ".java", src);
                Map<String, Object> e = new HashMap<>();
                e.put("name", type.getName());
                e.put("glue", simple);
                entries.add(e);
                glued++;
            }
        }
        renderIndex();
    }

    private String indexSource() {
        return pkg.replace('.', '/') + "/Index.java";
    }

    /** Classes per part of the index (javac's "code too large" came at ~3,000 entries in one method). */
    static final int INDEX_PART = 500;

    void renderIndex() {
        Map<String, Object> scope = new HashMap<>();
        scope.put("version", version);
        scope.put("jarName", jarName);
        scope.put("package", pkg);
        scope.put("count", entries.size());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += INDEX_PART) {
            Map<String, Object> part = new HashMap<>();
            part.put("n", parts.size());
            part.put("size", INDEX_PART);
            part.put("entries", entries.subList(from, Math.min(entries.size(), from + INDEX_PART)));
            parts.add(part);
        }
        scope.put("parts", parts);
        sources.put(indexSource(), Templates.render("glue-index.java.mustache", scope));
    }

    /**
     * Leaves out the glue of the classes whose sources did not compile (javac cannot see everything
     * the JVM's reflection sees); they keep the reflective path. False when the index itself failed.
     */
    boolean without(java.util.Set<String> failedSources, List<String> why) {
        if (failedSources.isEmpty() || failedSources.contains(indexSource())) {
            return false;
        }
        entries.removeIf(e -> {
            String file = pkg.replace('.', '/') + "/" + e.get("glue") + ".java";
            if (!failedSources.contains(file)) {
                return false;
            }
            sources.remove(file);
            glued--;
            skipped++;
            if (warnings.size() < 20) {
                warnings.add("no glue for " + e.get("name") + " (javac: " + why.get(0) + "); it is projected by reflection");
            }
            return true;
        });
        renderIndex();
        return true;
    }

    /** The members as the runtime's ClassDescriptor used them, in its order (sorted, filtered, de-duplicated). */
    static List<Method> methodsOf(ClassDescriptor d) {
        Map<Overload, Boolean> unique = new IdentityHashMap<>();
        List<Method> out = new ArrayList<>();
        List<OverloadSet> sets = new ArrayList<>(Arrays.asList(d.staticMethods));
        sets.addAll(Arrays.asList(d.instanceMethods));
        for (OverloadSet s : sets) {
            for (Overload c : s.candidates) {
                if (c.executable instanceof Method && unique.put(c, Boolean.TRUE) == null) {
                    out.add((Method) c.executable);
                }
            }
        }
        Map<Method, String> keys = new IdentityHashMap<>();
        for (Method m : out) {
            keys.put(m, Arrays.toString(m.getParameterTypes()));
        }
        out.sort((a, b) -> {
            int byName = a.getName().compareTo(b.getName());
            return byName != 0 ? byName : keys.get(a).compareTo(keys.get(b));
        });
        // the same Method reached twice (identical signature in two sets) only once
        List<Method> dedup = new ArrayList<>();
        Set<Method> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Method m : out) {
            if (seen.add(m)) {
                dedup.add(m);
            }
        }
        return dedup;
    }

    private String classSource(Class<?> type, ClassDescriptor d, String simple) {
        Map<Class<?>, String> locals = new LinkedHashMap<>();
        List<String> localDecls = new ArrayList<>();
        java.util.function.Function<Class<?>, String> ref = k -> classRef(k, locals, localDecls);
        List<String> ctors = new ArrayList<>();
        for (Overload c : d.constructors.candidates) {
            ctors.add(ref.apply(type) + ".getDeclaredConstructor(" + params(c.executable, ref) + ")");
        }
        List<String> methods = new ArrayList<>();
        for (Method m : methodsOf(d)) {
            methods.add(ref.apply(m.getDeclaringClass()) + ".getDeclaredMethod(\"" + m.getName() + "\""
                    + (m.getParameterCount() > 0 ? ", " + params(m, ref) : "") + ")");
        }
        List<String> fields = new ArrayList<>();
        for (FieldDescriptor f : d.staticFields) {
            fields.add(ref.apply(f.declaringClass) + ".getDeclaredField(\"" + f.name + "\")");
        }
        for (FieldDescriptor f : d.instanceFields) {
            fields.add(ref.apply(f.declaringClass) + ".getDeclaredField(\"" + f.name + "\")");
        }
        List<String> nested = new ArrayList<>();
        for (Class<?> k : d.nestedClasses) {
            nested.add(ref.apply(k));
        }
        String typeExpr = ref.apply(type);
        Map<String, Object> scope = new HashMap<>();
        scope.put("version", version);
        scope.put("jarName", jarName);
        scope.put("package", pkg);
        scope.put("className", type.getName());
        scope.put("simpleName", simple);
        scope.put("locals", localDecls);
        scope.put("typeExpr", typeExpr);
        scope.put("constructors", ctors);
        scope.put("methods", methods);
        scope.put("fields", fields);
        scope.put("nested", nested);
        return Templates.render("glue-class.java.mustache", scope);
    }

    private static String params(Executable e, java.util.function.Function<Class<?>, String> ref) {
        List<String> out = new ArrayList<>();
        for (Class<?> p : e.getParameterTypes()) {
            out.add(ref.apply(p));
        }
        return String.join(", ", out);
    }

    /** A class literal when source can name the class, else a local from Class.forName (once per class). */
    private static String classRef(Class<?> k, Map<Class<?>, String> locals, List<String> decls) {
        if (nameable(k)) {
            return literal(k);
        }
        String local = locals.get(k);
        if (local == null) {
            local = "k" + locals.size();
            locals.put(k, local);
            decls.add("Class<?> " + local + " = c(\"" + k.getName() + "\");");
        }
        return local;
    }

    private static String literal(Class<?> k) {
        if (k.isArray()) {
            return literal(k.getComponentType()).replace(".class", "") + "[].class";
        }
        return k.getCanonicalName() + ".class";
    }

    private static boolean nameable(Class<?> k) {
        if (k.isArray()) {
            return nameable(k.getComponentType());
        }
        if (k.isPrimitive()) {
            return true;
        }
        if (k.getCanonicalName() == null) {
            return false;
        }
        for (Class<?> c = k; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isSynthetic()) { // javac sees no synthetic class (Kotlin's $WhenMappings)
                return false;
            }
        }
        Module m = k.getModule();
        if (m.isNamed() && !m.isExported(k.getPackageName())) {
            return false;
        }
        // a simple name that is also a top-level package segment would be misread by javac: keep it by name
        return !k.getPackageName().isEmpty();
    }

    /** Compiles the sources in-process and writes the glue jar. */
    void compile(List<Path> classpath, int release, Path outJar) throws IOException, GlueCompileException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new GlueCompileException("no Java compiler in this Java runtime (" + System.getProperty("java.home")
                    + "): run napi-java on a JDK, or pass --no-glue");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String text = e.getValue();
            units.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            });
        }
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, null, StandardCharsets.UTF_8);
        ForwardingJavaFileManager<StandardJavaFileManager> fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(className.replace('.', '/') + ".class", out);
                        return out;
                    }
                };
            }
        };
        List<String> cp = new ArrayList<>();
        for (Path p : classpath) {
            cp.add(p.toString());
        }
        cp.add(runtimeLocation());
        List<String> options = new ArrayList<>();
        // For this runtime's own release javac's defaults are the same (its own modules, its class
        // version) and need no lib/ct.sym, which a jlink'ed runtime (the standalone CLI) has not.
        if (release != Runtime.version().feature()) {
            options.addAll(List.of("--release", String.valueOf(release)));
        }
        options.addAll(List.of("-classpath", String.join(java.io.File.pathSeparator, cp), "-proc:none", "-nowarn",
                "-Xlint:none", "-g:none", "-implicit:none", "-XDstringConcat=inline"));
        Boolean ok = javac.getTask(null, fm, diags, options, null, units).call();
        if (!Boolean.TRUE.equals(ok)) {
            StringBuilder sb = new StringBuilder("the glue did not compile:");
            int shown = 0;
            java.util.Set<String> failed = new java.util.HashSet<>();
            List<String> messages = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                    failed.add(d.getSource().toUri().getPath().replaceFirst("^/", ""));
                    messages.add(d.getMessage(null).lines().findFirst().orElse(""));
                }
                if (d.getKind() == Diagnostic.Kind.ERROR && shown++ < 10) {
                    sb.append("\n  ").append(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                            .append(d.getMessage(null));
                }
            }
            throw new GlueCompileException(sb.toString(), failed, messages);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "napi-java " + version);
        Files.createDirectories(outJar.toAbsolutePath().getParent());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(outJar), manifest)) {
            for (Map.Entry<String, ByteArrayOutputStream> e : classes.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                entry.setTime(0);
                jar.putNextEntry(entry);
                e.getValue().writeTo(jar);
                jar.closeEntry();
            }
        }
    }

    /** Where the runtime classes (ClassGlue...) are: the runtime jar, or the CLI jar they are shaded into. */
    static String runtimeLocation() {
        try {
            return Path.of(dev.napijava.bridge.glue.ClassGlue.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (Exception e) {
            return System.getProperty("java.class.path");
        }
    }

    static final class GlueCompileException extends Exception {
        private static final long serialVersionUID = 1L;

        /** The generated source files javac reported errors in (as keys of {@link GlueEmitter#sources}). */
        final java.util.Set<String> failedSources;
        final List<String> messages;

        GlueCompileException(String message) {
            this(message, java.util.Set.of(), List.of());
        }

        GlueCompileException(String message, java.util.Set<String> failedSources, List<String> messages) {
            super(message);
            this.failedSources = failedSources;
            this.messages = messages;
        }
    }
}
