package dev.napijava.analyzer;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Where class files come from: a jar, a class folder, or the running JDK's modules (jrt:). */
public abstract class ClassSource implements Closeable {
    public final String origin;

    ClassSource(String origin) {
        this.origin = origin;
    }

    /** The class file bytes of an internal name, or null. */
    public abstract byte[] read(String internalName) throws IOException;

    /** Internal names of every class file (not module-info, not multi-release variants). */
    public abstract List<String> classNames() throws IOException;

    @Override
    public void close() throws IOException {
    }

    /** Opens a jar or a class folder; errors name the file and the problem. */
    public static ClassSource open(Path path, String origin) throws AnalyzerException {
        if (!Files.exists(path)) {
            throw new AnalyzerException(path + ": file not found");
        }
        if (Files.isDirectory(path)) {
            return new Folder(path, origin);
        }
        try {
            return new Jar(new ZipFile(path.toFile()), origin);
        } catch (ZipException e) {
            throw new AnalyzerException(path + ": not a jar (zip) file, or corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw new AnalyzerException(path + ": cannot be read: " + e.getMessage());
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, in.available()));
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    static final class Jar extends ClassSource {
        private final ZipFile zip;

        Jar(ZipFile zip, String origin) {
            super(origin);
            this.zip = zip;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            ZipEntry e = zip.getEntry(internalName + ".class");
            return e == null ? null : readAll(zip.getInputStream(e));
        }

        @Override
        public List<String> classNames() throws IOException {
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                String n = en.nextElement().getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    names.add(n.substring(0, n.length() - 6));
                }
            }
            return names;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    static final class Folder extends ClassSource {
        private final Path root;

        Folder(Path root, String origin) {
            super(origin);
            this.root = root;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            Path p = root.resolve(internalName + ".class");
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        }

        @Override
        public List<String> classNames() throws IOException {
            List<String> names = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
                        .forEach(p -> {
                            String rel = root.relativize(p).toString().replace('\\', '/');
                            names.add(rel.substring(0, rel.length() - 6));
                        });
            }
            names.sort(null);
            return names;
        }
    }

    /** The running JDK's class files, through the jrt: file system. */
    static final class Jrt extends ClassSource {
        private final FileSystem fs;
        /** Package to the modules holding it: a package may be split (java.awt: java.desktop and java.datatransfer). */
        private Map<String, List<String>> modulesOfPackage;

        Jrt() {
            super("jdk");
            this.fs = FileSystems.getFileSystem(URI.create("jrt:/"));
        }

        private synchronized Map<String, List<String>> packages() throws IOException {
            if (modulesOfPackage == null) {
                modulesOfPackage = new HashMap<>();
                try (DirectoryStream<Path> pkgs = Files.newDirectoryStream(fs.getPath("/packages"))) {
                    for (Path pkg : pkgs) {
                        try (DirectoryStream<Path> mods = Files.newDirectoryStream(pkg)) {
                            for (Path mod : mods) {
                                modulesOfPackage.computeIfAbsent(pkg.getFileName().toString(), k -> new java.util.ArrayList<>())
                                        .add(mod.getFileName().toString());
                            }
                        }
                    }
                }
            }
            return modulesOfPackage;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            int slash = internalName.lastIndexOf('/');
            if (slash < 0) {
                return null;
            }
            for (String module : packages().getOrDefault(internalName.substring(0, slash).replace('/', '.'), List.of())) {
                Path p = fs.getPath("/modules", module, internalName + ".class");
                if (Files.exists(p)) {
                    return Files.readAllBytes(p);
                }
            }
            return null;
        }

        @Override
        public List<String> classNames() {
            return List.of();
        }
    }
}
