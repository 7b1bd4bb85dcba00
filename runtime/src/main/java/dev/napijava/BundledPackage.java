package dev.napijava;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * The node-api-java npm package bundled in the runtime jar (resources under
 * {@code dev/napijava/npm-package/}: the JS and the Linux x64 native libraries), extracted to
 * {@code <cache>/napi-java/package-<hash>} where the hash covers every file's name, size and
 * checksum, so each build gets its own folder and a folder is never rewritten while in use. The
 * cache is {@code -Dnapi.java.cacheDir}, env {@code NAPI_JAVA_CACHE_DIR}, {@code $XDG_CACHE_HOME},
 * else {@code ~/.cache}.
 */
final class BundledPackage {
    static final String PREFIX = "dev/napijava/npm-package/";

    private BundledPackage() {
    }

    /** The extracted folder, or null when this jar (or class folder) carries no package. */
    static Path extract() {
        URL marker = BundledPackage.class.getClassLoader().getResource(PREFIX + "package.json");
        if (marker == null) {
            return null;
        }
        try {
            TreeMap<String, byte[]> files = read(marker);
            if (!files.containsKey("prebuilds/linux-x64/libnapi_java_host.so")) {
                return null; // built without libnode headers: nothing to host with
            }
            CRC32 crc = new CRC32();
            for (var e : files.entrySet()) {
                crc.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                crc.update(e.getValue());
            }
            Path root = cacheRoot().resolve("napi-java");
            Path dir = root.resolve("package-" + Long.toHexString(crc.getValue()) + "-" + files.size());
            if (Files.isRegularFile(dir.resolve(".complete"))) {
                return dir;
            }
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, "extracting-");
            for (var e : files.entrySet()) {
                Path f = tmp.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            Files.createFile(tmp.resolve(".complete"));
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(tmp); // another process extracted the same package first
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
            return dir;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Could not extract the node-api-java package bundled in the runtime jar: " + e, e);
        }
    }

    /** Every bundled file, by path relative to the package root. */
    private static TreeMap<String, byte[]> read(URL marker) throws IOException, URISyntaxException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        if ("jar".equals(marker.getProtocol())) {
            String spec = marker.getPath(); // file:/path/x.jar!/dev/...
            String jarPath = spec.substring(0, spec.indexOf("!/"));
            try (JarFile jar = new JarFile(new File(new URL(jarPath).toURI()))) {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    JarEntry entry = en.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(PREFIX)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(entry.getName().substring(PREFIX.length()), in.readAllBytes());
                        }
                    }
                }
            }
        } else { // a class folder (tests, IDEs)
            Path base = Paths.get(marker.toURI()).getParent();
            List<Path> all = new ArrayList<>();
            try (var walk = Files.walk(base)) {
                walk.filter(Files::isRegularFile).forEach(all::add);
            }
            for (Path f : all) {
                files.put(base.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static Path cacheRoot() {
        String dir = NodejsPlatform.setting("napi.java.cacheDir", "NAPI_JAVA_CACHE_DIR");
        if (dir == null) {
            dir = System.getenv("XDG_CACHE_HOME");
        }
        return dir != null && !dir.isEmpty() ? Paths.get(dir) : Paths.get(System.getProperty("user.home"), ".cache");
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
