package dev.napijava;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The node-api-java npm package bundled in the runtime jar (resources under
 * {@code dev/napijava/npm-package/}: the JS and the Linux x64 native libraries), extracted to
 * {@code <cache>/napi-java/package-<sha256>} where the hash covers every file's name and bytes (the
 * SHA-256 of the package's sha256sum listing, computed by the build: see {@link #DIGEST}), so each
 * build gets its own folder and a folder is never rewritten while in use. The cache is
 * {@code -Dnapi.java.cacheDir}, env {@code NAPI_JAVA_CACHE_DIR}, {@code $XDG_CACHE_HOME}, else
 * {@code ~/.cache}.
 *
 * <p>The folder holds code that runs in this process (index.js, the addon), so it is used only when
 * {@code <cache>/napi-java} is a real folder (not a symlink) of the current user that nobody else
 * can write, below folders that only the user or root can change (sticky ones such as /tmp
 * excepted); otherwise an IllegalStateException names it and the fix. The package folder itself
 * is compared with the jar on every use (its files and folders: no symlinks, the user's, not
 * group/other-writable, exactly the jar's names and bytes; the jar's bytes are read anyway, about
 * 1 MB); a folder that differs is moved aside and extracted again.
 */
final class BundledPackage {
    static final String PREFIX = "dev/napijava/npm-package/";
    /** The Java-hosts-Node libraries in the package (native/Makefile `host`), by path in it. */
    static final List<String> HOST_LIBRARIES = List.of("prebuilds/linux-x64/libnapi_java_loader.so", "prebuilds/linux-x64/libnapi_java_host.so");
    /**
     * Written by the build (runtime/pom.xml): hashing the package here would cost ~60 ms of a JVM
     * start (SHA-256 runs interpreted, and JCA starts up). Without it (an IDE's class folder) the
     * same digest is computed. It only names the folder: the content is compared byte by byte.
     */
    static final String DIGEST = "dev/napijava/npm-package.sha256";
    private static final FileAttribute<?> PRIVATE_DIR = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> PRIVATE_FILE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private BundledPackage() {
    }

    /** The extracted folder, or null when this jar (or class folder) carries no package. */
    static Path extract() {
        URL marker = BundledPackage.class.getClassLoader().getResource(PREFIX + "package.json");
        if (marker == null) {
            return null;
        }
        Path root = cacheRoot().resolve("napi-java");
        try {
            TreeMap<String, byte[]> files = read(marker);
            byte[] recorded = files.remove(DIGEST);
            List<String> missing = new ArrayList<>();
            for (String lib : HOST_LIBRARIES) {
                if (!files.containsKey(lib)) {
                    missing.add(lib);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("This runtime jar bundles the node-api-java package without "
                        + String.join(" and ", missing) + ", the libraries with which Java hosts Node: the jar was built "
                        + "where libnode's C++ headers were missing (native/Makefile skips them then). Build it again after "
                        + "scripts/setup-libnode.sh (Debian's libnode-dev), or npm install a complete node-api-java into "
                        + "./node_modules or point -Dnapi.java.package (env NAPI_JAVA_PACKAGE) at one.");
            }
            makePrivateRoot(root);
            String digest = recorded != null ? new String(recorded, StandardCharsets.US_ASCII).trim() : digest(files);
            if (!isSha256(digest)) {
                throw new IllegalStateException("The runtime jar's " + DIGEST + " is not a SHA-256: '" + digest + "'. Rebuild the jar.");
            }
            Path dir = root.resolve("package-" + digest);
            if (Files.exists(dir, NOFOLLOW)) {
                if (matches(dir, files)) {
                    return dir;
                }
                moveAside(root, dir); // tampered, incomplete or not ours: never used
            }
            Path tmp = Files.createTempDirectory(root, "extracting-"); // mode 0700
            for (var e : files.entrySet()) {
                Path f = tmp.resolve(e.getKey());
                Files.createDirectories(f.getParent(), PRIVATE_DIR);
                Files.write(Files.createFile(f, PRIVATE_FILE), e.getValue());
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(tmp); // another process extracted the same package first: checked below
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
            if (!matches(dir, files)) {
                throw new IllegalStateException("The node-api-java package extracted to " + dir + " changed while it was "
                        + "being extracted: another process writes there. Remove " + root + " or choose another cache folder "
                        + "with -Dnapi.java.cacheDir or env NAPI_JAVA_CACHE_DIR.");
            }
            return dir;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Could not extract the node-api-java package bundled in the runtime jar to "
                    + root + ": " + e + ". Choose another cache folder with -Dnapi.java.cacheDir or env NAPI_JAVA_CACHE_DIR.", e);
        }
    }

    /** Every bundled file, by path relative to the package root, and the recorded digest under the key DIGEST. */
    private static TreeMap<String, byte[]> read(URL marker) throws IOException, URISyntaxException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        if ("jar".equals(marker.getProtocol())) {
            String spec = marker.getPath(); // file:/path/x.jar!/dev/...
            String jarPath = spec.substring(0, spec.indexOf("!/"));
            try (JarFile jar = new JarFile(new File(new URL(jarPath).toURI()))) {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    JarEntry entry = en.nextElement();
                    boolean digest = entry.getName().equals(DIGEST);
                    if (digest || !entry.isDirectory() && entry.getName().startsWith(PREFIX)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(digest ? DIGEST : entry.getName().substring(PREFIX.length()), in.readAllBytes());
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
            Path digest = base.resolveSibling("npm-package.sha256");
            if (Files.isRegularFile(digest)) {
                files.put(DIGEST, Files.readAllBytes(digest));
            }
        }
        return files;
    }

    private static boolean isSha256(String hex) {
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return hex.length() == 64;
    }

    /** What the build writes to DIGEST: the SHA-256 of the lines {@code <sha256>  ./<name>} of the files in name order. */
    private static String digest(Map<String, byte[]> files) {
        try {
            StringBuilder listing = new StringBuilder();
            for (var e : files.entrySet()) {
                listing.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())))
                        .append("  ./").append(e.getKey()).append('\n');
            }
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(listing.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sum);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e); // every Java SE has it
        }
    }

    /**
     * Creates {@code <cache>/napi-java} (and missing folders above it) with mode 0700, then checks
     * that it and the folders above it are safe (see the class comment).
     */
    private static void makePrivateRoot(Path root) throws IOException {
        if (!Files.exists(root, NOFOLLOW)) {
            Path parent = root.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent, PRIVATE_DIR);
            }
            try {
                Files.createDirectory(root, PRIVATE_DIR);
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile: checked below like any other
            }
        }
        String problem = problem(root, true);
        for (Path up = root.toAbsolutePath().getParent().toRealPath(); problem == null && up != null; up = up.getParent()) {
            Map<String, Object> a = Files.readAttributes(up, "unix:mode,uid");
            int mode = (Integer) a.get("mode");
            int uid = (Integer) a.get("uid");
            if (uid != 0 && uid != currentUid()) {
                problem = "inside " + up + ", which belongs to another user (uid " + uid + ")";
            } else if ((mode & 0022) != 0 && (mode & 01000) == 0) {
                problem = "inside " + up + ", which others can write (mode " + Integer.toOctalString(mode & 07777) + ")";
            }
        }
        if (problem != null) {
            throw new IllegalStateException("The node-api-java cache folder " + root + " is " + problem + ": the package's "
                    + "JS and native code would run from it, so it must be a folder of yours that nobody else can write "
                    + "or replace. Remove it (or fix its owner and mode: chmod 700), or choose another cache folder with "
                    + "-Dnapi.java.cacheDir or env NAPI_JAVA_CACHE_DIR.");
        }
    }

    /** Why a path of the cache cannot be trusted (null: it can): a symlink, another user's, others can write it. */
    private static String problem(Path p, boolean folder) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid", NOFOLLOW); // one lstat
        int mode = (Integer) a.get("mode");
        int uid = (Integer) a.get("uid");
        int type = mode & 0170000; // S_IFMT
        if (type == 0120000) {
            return "a symbolic link";
        }
        if (type != (folder ? 0040000 : 0100000)) {
            return folder ? "not a folder" : "not a regular file";
        }
        if (uid != currentUid()) {
            return "owned by another user (uid " + uid + ")";
        }
        return (mode & 0022) != 0 ? "writable by others (mode " + Integer.toOctalString(mode & 07777) + ")" : null;
    }

    /** Does the folder hold exactly the jar's files, all safe (see problem()), with the jar's bytes? */
    private static boolean matches(Path dir, Map<String, byte[]> files) throws IOException {
        if (problem(dir, true) != null) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        boolean[] ok = {true};
        // walkFileTree does not follow symlinks; a symlink is visited as a file and refused.
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                ok[0] = d.equals(dir) || problem(d, true) == null;
                return ok[0] ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String name = dir.relativize(f).toString().replace(File.separatorChar, '/');
                byte[] expected = files.get(name);
                ok[0] = expected != null && problem(f, false) == null && Arrays.equals(expected, readNoFollow(f, expected.length));
                seen.add(name);
                return ok[0] ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                ok[0] = false;
                return FileVisitResult.TERMINATE;
            }
        });
        return ok[0] && seen.size() == files.size();
    }

    /** The file's bytes (null if it is longer than expected), opened with O_NOFOLLOW. */
    private static byte[] readNoFollow(Path f, int expected) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(f, StandardOpenOption.READ, NOFOLLOW)) {
            if (ch.size() != expected) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate(expected);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read to the end
            }
            return buf.hasRemaining() ? null : buf.array();
        }
    }

    /** Moves a package folder that must not be used out of the way (a symlink is moved, not followed), then removes it. */
    private static void moveAside(Path root, Path dir) throws IOException {
        Path stale = root.resolve("stale-" + Long.toHexString(System.nanoTime()) + "-" + ProcessHandle.current().pid());
        Files.move(dir, stale, StandardCopyOption.ATOMIC_MOVE);
        try {
            deleteTree(stale);
        } catch (IOException | RuntimeException e) {
            // another user's files that we may not delete: they stay under their stale- name, unused
        }
    }

    private static int uid = -1;

    /** The uid this process creates files as (the owner of /proc/self). */
    private static int currentUid() throws IOException {
        if (uid < 0) {
            uid = (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
        }
        return uid;
    }

    private static Path cacheRoot() {
        String dir = NodejsPlatform.setting("napi.java.cacheDir", "NAPI_JAVA_CACHE_DIR");
        if (dir == null) {
            dir = System.getenv("XDG_CACHE_HOME");
        }
        return (dir != null && !dir.isEmpty() ? Paths.get(dir) : Paths.get(System.getProperty("user.home"), ".cache"))
                .toAbsolutePath();
    }

    /** Removes a tree without following symlinks in it (Files.walk does not follow them; a link is deleted itself). */
    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
