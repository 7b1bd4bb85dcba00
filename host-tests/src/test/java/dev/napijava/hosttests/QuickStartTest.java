package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Java hosts Node with nothing but the runtime jar: no napi.java.package and no
 * node_modules/node-api-java; the jar's bundled package is extracted to a cache folder.
 */
class QuickStartTest {
    /** Exit code and output (stdout and stderr) of one QuickStartMain run. */
    record Run(int exitCode, String output) {
        boolean rendered() {
            return output.lines().toList().contains("<h1>Hi <em>there</em></h1>");
        }
    }

    /**
     * Runs QuickStartMain in a JVM with only the runtime jar and the test classes on its class
     * path, with the given package cache folder (NAPI_JAVA_CACHE_DIR), at most 120 s.
     */
    static Run runQuickStart(Path cache) throws Exception {
        return runQuickStart(cache, List.of());
    }

    static Run runQuickStart(Path cache, List<String> jvmOptions) throws Exception {
        Path libnode = Libnode.path();
        Path app = Paths.get(System.getProperty("napi.java.testApp", "target/app")).toAbsolutePath();
        NodeHostingTest.installPackages(app); // marked from npm
        assertTrue(!Files.exists(app.resolve("node_modules/node-api-java")), "the app must not have the npm package");
        Map<String, String> env = new HashMap<>();
        env.put("NAPI_JAVA_LIBNODE", libnode.toString());
        env.put("NAPI_JAVA_CACHE_DIR", cache.toString());
        env.put("NAPI_JAVA_PACKAGE", null);
        ChildJvm.Result r = ChildJvm.run(QuickStartMain.class, jvmOptions, List.of(app.toString()), env, app);
        return new Run(r.exitCode(), r.output());
    }

    @Test
    void runtimeJarAloneHostsNode() throws Exception {
        Path cache = Paths.get("target", "quickstart-cache").toAbsolutePath();
        BundledPackageTest.deleteTree(cache); // the first run must extract (an earlier test run left the folder)
        Path root = cache.resolve("napi-java");
        Path extracted = null;
        Object inode = null;
        FileTime written = null;
        for (int run = 0; run < 2; run++) { // extracts, then reuses the extracted folder
            Run r = runQuickStart(cache);
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.rendered(), r.output());
            assertTrue(r.output().contains("kebab: hello-big-world"), r.output());
            Path dir = packageDir(r);
            assertEquals(root, dir.getParent(), r.output());
            assertTrue(dir.getFileName().toString().startsWith("package-"), r.output());
            try (Stream<Path> entries = Files.list(root)) { // nothing moved aside, no extraction left behind
                assertEquals(List.of(dir), entries.toList(), "the cache holds the one extracted package");
            }
            Object ino = Files.getAttribute(dir, "unix:ino");
            FileTime mtime = Files.getLastModifiedTime(dir.resolve("package.json"));
            if (run == 0) {
                extracted = dir;
                inode = ino;
                written = mtime;
            } else { // the same folder, not extracted again
                assertEquals(extracted, dir);
                assertEquals(inode, ino, "the package folder was replaced");
                assertEquals(written, mtime, "package.json was written again");
            }
        }
    }

    /** JDK 22+: the quick start's --enable-native-access=ALL-UNNAMED leaves no "restricted method" warning. */
    @Test
    void noNativeAccessWarningWithTheQuickStartsOption() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 22, "JDK " + Runtime.version().feature() + " has no native-access warnings");
        Run r = runQuickStart(Paths.get("target", "quickstart-cache").toAbsolutePath(), List.of("--enable-native-access=ALL-UNNAMED"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.rendered(), r.output());
        assertFalse(r.output().contains("restricted method"), r.output());
    }

    /**
     * A runtime jar whose bundled package lacks the host libraries (what a build without libnode's
     * headers makes): the error names the missing files and the fix, not "none bundled".
     */
    @Test
    void runtimeJarWithoutHostLibrariesSaysWhatIsMissing() throws Exception {
        Path libnode = Libnode.path();
        Path runtime = ChildJvm.runtimeJar();
        assertTrue(Files.isRegularFile(runtime), "the runtime as a jar: " + runtime);
        Path dir = Files.createDirectories(Paths.get("target", "no-host-libraries").toAbsolutePath());
        Path jar = dir.resolve("napi-java-runtime-no-host.jar");
        int dropped = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(runtime));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().matches("dev/napijava/npm-package/prebuilds/linux-x64/libnapi_java_(host|loader)\\.so")) {
                    dropped++;
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        assertEquals(2, dropped, "the runtime jar bundles both host libraries");
        Map<String, String> env = new HashMap<>();
        env.put("NAPI_JAVA_LIBNODE", libnode.toString());
        env.put("NAPI_JAVA_CACHE_DIR", dir.resolve("cache").toString());
        env.put("NAPI_JAVA_PACKAGE", null);
        ChildJvm.Result r = ChildJvm.run(QuickStartMain.class, jar, List.of(dir.toString()), env, dir);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("bundles the node-api-java package without prebuilds/linux-x64/libnapi_java_loader.so "
                + "and prebuilds/linux-x64/libnapi_java_host.so"), r.output());
        assertTrue(r.output().contains("scripts/setup-libnode.sh"), r.output());
        assertFalse(r.output().contains("none bundled"), r.output());
    }

    /** The "package: <dir>" line QuickStartMain prints. */
    private static Path packageDir(Run r) {
        return r.output().lines().filter(l -> l.startsWith("package: ")).findFirst()
                .map(l -> Paths.get(l.substring("package: ".length())))
                .orElseThrow(() -> new AssertionError("no package line: " + r.output()));
    }
}
