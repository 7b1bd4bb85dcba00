package dev.napijava.bridge;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Validates and adds a jar or class folder; errors name the file and what is wrong with it. */
    void addPath(Path path) {
        if (!Files.exists(path)) {
            throw new BridgeTypeError("Cannot load " + path + ": file not found. Check the path (relative paths "
                    + "resolve against the current directory).");
        }
        if (Files.isRegularFile(path)) {
            try (JarFile jar = new JarFile(path.toFile())) {
                jar.size();
            } catch (ZipException e) {
                throw new BridgeTypeError("Cannot load " + path + ": not a valid jar/zip file (" + e.getMessage()
                        + "). Is the file corrupt or truncated?");
            } catch (IOException e) {
                throw new BridgeTypeError("Cannot load " + path + ": " + e);
            }
        } else if (!Files.isDirectory(path)) {
            throw new BridgeTypeError("Cannot load " + path + ": neither a jar file nor a class folder");
        }
        try {
            addURL(path.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new BridgeTypeError("Cannot load " + path + ": " + e.getMessage());
        }
    }
}
