package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.hosttests.QuickStartTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The runtime jar's package cache (BundledPackage: {@code <cache>/napi-java/package-<sha256>})
 * holds code that runs in the process, so a folder that was tampered with, swapped or made by
 * someone else is never run: each case plants an index.js that would write a marker file and runs
 * the quick start in a child JVM (QuickStartTest.runQuickStart, 120 s limit). The package folder is
 * then extracted again (the quick start works), and an unsafe cache folder is an
 * IllegalStateException naming it and the fix.
 */
class BundledPackageTest {
    private static final int OTHER_UID = 65534;

    /** A fresh cache folder in which a first run extracted the package: { cache, package folder }. */
    private static Path[] extracted(String name) throws Exception {
        Path cache = Paths.get("target", "package-cache-tests", name).toAbsolutePath();
        deleteTree(cache);
        Files.createDirectories(cache);
        Run first = QuickStartTest.runQuickStart(cache);
        assertEquals(0, first.exitCode(), first.output());
        Path root = cache.resolve("napi-java");
        try (Stream<Path> s = Files.list(root)) {
            Path pkg = s.filter(p -> p.getFileName().toString().startsWith("package-")).findFirst().orElseThrow();
            assertTrue(pkg.getFileName().toString().matches("package-[0-9a-f]{64}"), pkg.toString());
            assertTrue(first.output().contains("package: " + pkg), first.output());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pkg)));
            return new Path[] {cache, pkg};
        }
    }

    /** Makes index.js in the folder write a marker file when it runs; returns the marker. */
    private static Path plant(Path pkg) throws IOException {
        Path marker = pkg.getParent().getParent().resolve("tamper-marker");
        Path index = pkg.resolve("index.js");
        index.toFile().setWritable(true);
        Files.writeString(index, "require('fs').writeFileSync(" + jsString(marker) + ", 'ran');\n" + Files.readString(index));
        return marker;
    }

    private static String jsString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The run worked from a freshly extracted, private package folder and the planted code did not run. */
    private static void assertReExtracted(Run r, Path pkg, Path marker) throws IOException {
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.rendered(), r.output());
        assertFalse(Files.exists(marker), "the tampered index.js ran:\n" + r.output());
        assertTrue(Files.isDirectory(pkg, LinkOption.NOFOLLOW_LINKS), pkg + " is a real folder again");
        assertFalse(Files.readString(pkg.resolve("index.js")).contains("tamper-marker"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pkg, LinkOption.NOFOLLOW_LINKS)));
    }

    @Test
    void tamperedIndexJsIsNotRun() throws Exception {
        Path[] c = extracted("tampered");
        Path marker = plant(c[1]);
        assertReExtracted(QuickStartTest.runQuickStart(c[0]), c[1], marker);
    }

    @Test
    void extraFileInThePackageFolderIsNotUsed() throws Exception {
        Path[] c = extracted("extra-file");
        // require('./lib/jdk') would load a file named lib/jdk before lib/jdk.js
        Path marker = c[0].resolve("tamper-marker");
        Files.writeString(c[1].resolve("lib/jdk"), "require('fs').writeFileSync(" + jsString(marker) + ", 'ran');\n");
        assertReExtracted(QuickStartTest.runQuickStart(c[0]), c[1], marker);
        assertFalse(Files.exists(c[1].resolve("lib/jdk")));
    }

    @Test
    void packageFolderWritableByOthersIsNotUsed() throws Exception {
        Path[] c = extracted("mode-0777");
        Path marker = plant(c[1]);
        Files.setPosixFilePermissions(c[1], PosixFilePermissions.fromString("rwxrwxrwx"));
        assertReExtracted(QuickStartTest.runQuickStart(c[0]), c[1], marker);
    }

    @Test
    void packageFolderOwnedByAnotherUserIsNotUsed() throws Exception {
        Assumptions.assumeTrue(isRoot(), "chown needs root");
        Path[] c = extracted("other-owner");
        Path marker = plant(c[1]);
        chownTree(c[1], OTHER_UID);
        assertReExtracted(QuickStartTest.runQuickStart(c[0]), c[1], marker);
        assertNotEquals(OTHER_UID, Files.getAttribute(c[1], "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void symlinkedPackageFolderIsNotFollowed() throws Exception {
        Path[] c = extracted("symlink");
        Path marker = plant(c[1]);
        Path elsewhere = c[0].resolve("elsewhere");
        Files.move(c[1], elsewhere);
        Files.createSymbolicLink(c[1], elsewhere);
        assertReExtracted(QuickStartTest.runQuickStart(c[0]), c[1], marker);
        assertTrue(Files.readString(elsewhere.resolve("index.js")).contains("tamper-marker"), "the link's target is left alone");
    }

    @Test
    void unsafeCacheFolderIsAClearError() throws Exception {
        // <cache>/napi-java writable by others, owned by another user, or a symlink: nothing in it runs.
        for (String how : isRoot() ? new String[] {"mode", "owner", "symlink"} : new String[] {"mode", "symlink"}) {
            Path[] c = extracted("unsafe-root-" + how);
            Path marker = plant(c[1]);
            Path root = c[1].getParent();
            switch (how) {
                case "mode" -> Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
                case "owner" -> chownTree(root, OTHER_UID);
                default -> {
                    Path moved = c[0].resolve("moved-root");
                    Files.move(root, moved);
                    Files.createSymbolicLink(root, moved);
                }
            }
            Run r = QuickStartTest.runQuickStart(c[0]);
            assertNotEquals(0, r.exitCode(), how + ": " + r.output());
            assertFalse(Files.exists(marker), how + ": the planted index.js ran:\n" + r.output());
            assertTrue(r.output().contains("IllegalStateException: The node-api-java cache folder " + root + " is "), how + ": " + r.output());
            assertTrue(r.output().contains("NAPI_JAVA_CACHE_DIR"), how + ": " + r.output());
        }
    }

    private static boolean isRoot() throws IOException {
        return (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid") == 0;
    }

    private static void chownTree(Path top, int uid) throws IOException {
        try (Stream<Path> s = Files.walk(top)) {
            for (Path p : s.toList()) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** Deletes a folder tree (nothing when it is not there); QuickStartTest uses it too. */
    static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(top)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
