package dev.napijava.bridge;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/** Loads the jars that JS adds at run time with jvm.load(); its parent sees the start-up classpath. */
final class BridgeClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    BridgeClassLoader(ClassLoader parent) {
        super("node-api-java", new URL[0], parent);
    }

    /**
     * Validates and adds a jar or class folder; errors name the file, what is wrong with it and the
     * fix. A URLClassLoader takes any path silently: a folder this user cannot list or enter would
     * just never yield a class, so that is checked here too.
     */
    void addPath(Path path) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw cannotLoad(path, "file not found. Check the path (relative paths resolve against the current directory).");
        } catch (AccessDeniedException e) {
            throw cannotLoad(path, "permission denied on a folder above it: this user needs x (search) permission "
                    + "on every folder of the path.");
        } catch (IOException e) {
            throw cannotLoad(path, e.toString());
        }
        if (attrs.isRegularFile()) {
            if (!Files.isReadable(path)) {
                throw cannotLoad(path, "the file is not readable by this user (permission denied). Make it readable "
                        + "(chmod a+r) or run as a user who can read it.");
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                jar.size();
            } catch (ZipException e) {
                throw cannotLoad(path, "not a valid jar/zip file (" + e.getMessage() + "). Is the file corrupt or truncated?");
            } catch (IOException e) {
                throw cannotLoad(path, "cannot read it (" + e + ").");
            }
        } else if (attrs.isDirectory()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                entries.iterator().hasNext();
            } catch (IOException e) { // AccessDeniedException: no r permission
                throw cannotLoad(path, "a class folder this user cannot list (" + e.getClass().getSimpleName()
                        + "). It needs r and x permission for this user (chmod a+rx, its subfolders too).");
            }
            if (!Files.isExecutable(path)) {
                throw cannotLoad(path, "a class folder this user cannot enter (no x permission), so its classes "
                        + "cannot be read. Give it r and x permission (chmod a+rx, its subfolders too).");
            }
        } else {
            throw cannotLoad(path, "neither a jar file nor a class folder");
        }
        try {
            addURL(path.toUri().toURL());
        } catch (MalformedURLException e) {
            throw cannotLoad(path, e.getMessage());
        }
    }

    private volatile java.lang.invoke.MethodHandles.Lookup callerLookup;

    /**
     * A lookup whose class this loader defined (a copy of LoaderCaller): method handles of
     * caller-sensitive methods made with it see a caller whose loader sees the jvm.load()ed jars.
     */
    java.lang.invoke.MethodHandles.Lookup callerLookup() {
        java.lang.invoke.MethodHandles.Lookup lookup = callerLookup;
        if (lookup == null) {
            synchronized (this) {
                lookup = callerLookup;
                if (lookup == null) {
                    String name = LoaderCaller.class.getName();
                    try (java.io.InputStream in = LoaderCaller.class.getResourceAsStream("LoaderCaller.class")) {
                        byte[] bytes = in.readAllBytes();
                        Class<?> copy = defineClass(name, bytes, 0, bytes.length); // here, not by the parent
                        callerLookup = lookup = (java.lang.invoke.MethodHandles.Lookup) copy.getMethod("lookup").invoke(null);
                    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("node-api-java: cannot define the caller class in the jvm.load() "
                                + "class loader", e);
                    }
                }
            }
        }
        return lookup;
    }

    private static BridgeTypeError cannotLoad(Path path, String problem) {
        return new BridgeTypeError("Cannot load " + path + ": " + problem);
    }
}
