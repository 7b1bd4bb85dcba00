package dev.napijava;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Node.js inside this Java process: loads a libnode shared library and initializes Node and V8,
 * once per process. Environments ({@link #createEnvironment}) each run on their own JS thread.
 *
 * <p>libnode is found from, in order: the constructor's path, {@code -Dnapi.java.libnode},
 * env {@code NAPI_JAVA_LIBNODE}, then {@code libnode.so*} in the usual library folders. The
 * node-api-java npm package (its JS, {@code napi_java.node} and the host libraries) from
 * {@code -Dnapi.java.package}, env {@code NAPI_JAVA_PACKAGE}, {@code ./node_modules/node-api-java},
 * else the copy bundled in this jar, extracted once to a cache folder ({@link BundledPackage}).
 */
public final class NodejsPlatform {
    private static NodejsPlatform instance;

    private final Path libnode;
    private final Path packageDir;

    /** Finds libnode (see the class comment). */
    public NodejsPlatform() {
        this(null);
    }

    /** Uses the given libnode shared library (any Node.js >= 18 built as a shared library). */
    public NodejsPlatform(Path libnode) {
        synchronized (NodejsPlatform.class) {
            if (instance != null) {
                throw new IllegalStateException("A NodejsPlatform already exists in this process (Node.js can be "
                        + "initialized once per process): use NodejsPlatform.current() and create more environments");
            }
            this.libnode = libnode != null ? libnode.toAbsolutePath() : findLibnode();
            this.packageDir = findPackage();
            Path prebuilds = packageDir.resolve("prebuilds").resolve("linux-x64");
            Path loader = prebuilds.resolve("libnapi_java_loader.so");
            Path host = prebuilds.resolve("libnapi_java_host.so");
            if (!Files.isRegularFile(host) || !Files.isRegularFile(loader)) {
                throw new IllegalStateException("The node-api-java package at " + packageDir + " has no host libraries ("
                        + host.getFileName() + "): it was built without libnode headers (scripts/setup-libnode.sh)");
            }
            if (!Files.isRegularFile(this.libnode)) {
                throw new IllegalStateException("libnode not found at " + this.libnode);
            }
            System.load(loader.toString());
            String error = dlopenGlobal(this.libnode.toString());
            if (error != null) {
                throw new IllegalStateException("Could not load libnode " + this.libnode + ": " + error);
            }
            System.load(host.toString());
            initialize(new String[] {"java"});
            instance = this;
        }
    }

    /** The platform of this process, or null before one was created. */
    public static synchronized NodejsPlatform current() {
        return instance;
    }

    /**
     * A new Node.js environment whose {@code require()} resolves modules from baseDir (its
     * node_modules), running on a new JS thread until {@link NodejsEnvironment#close()}.
     */
    public NodejsEnvironment createEnvironment(Path baseDir) {
        return createEnvironment(baseDir, new NodejsEnvironment.Options());
    }

    /** As {@link #createEnvironment(Path)}, with options (an inspector). */
    public NodejsEnvironment createEnvironment(Path baseDir, NodejsEnvironment.Options options) {
        return new NodejsEnvironment(this, baseDir.toAbsolutePath().normalize(), options);
    }

    public Path getLibnode() {
        return libnode;
    }

    public Path getPackageDir() {
        return packageDir;
    }

    private static Path findLibnode() {
        String explicit = setting("napi.java.libnode", "NAPI_JAVA_LIBNODE");
        if (explicit != null) {
            return Paths.get(explicit).toAbsolutePath();
        }
        List<Path> found = new ArrayList<>();
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"}) {
            Path d = Paths.get(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "libnode.so*")) {
                for (Path p : s) {
                    found.add(p);
                }
            } catch (IOException e) {
                // unreadable folder: try the next
            }
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new IllegalStateException("No libnode shared library found in /usr/lib*, /usr/local/lib: install one "
                + "(Debian/Ubuntu: libnode108 or newer; or build Node.js with --shared) and pass its path to "
                + "new NodejsPlatform(path), -Dnapi.java.libnode=... or env NAPI_JAVA_LIBNODE");
    }

    private static Path findPackage() {
        String explicit = setting("napi.java.package", "NAPI_JAVA_PACKAGE");
        Path p = explicit != null ? Paths.get(explicit) : Paths.get("node_modules", "node-api-java");
        p = p.toAbsolutePath().normalize();
        if (explicit == null && !Files.isRegularFile(p.resolve("package.json"))) {
            Path bundled = BundledPackage.extract();
            if (bundled != null) {
                return bundled;
            }
        }
        if (!Files.isRegularFile(p.resolve("package.json"))) {
            throw new IllegalStateException("The node-api-java npm package was not found at " + p + " and this "
                    + "runtime jar has none bundled: npm install it there, or point -Dnapi.java.package "
                    + "(env NAPI_JAVA_PACKAGE) at its folder");
        }
        return p;
    }

    static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) {
            v = System.getenv(env);
        }
        return v == null || v.isEmpty() ? null : v;
    }

    private static native String dlopenGlobal(String path);

    private static native void initialize(String[] args);
}
