package dev.napijava.cli.deps;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.napijava.emitters.Generator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings node_modules/.napi-java to what the lockfile says (or, when the request changed or there
 * is no lockfile, to a fresh resolution, then writes the lockfile). Every jar is copied from the
 * local repository into a staging folder while its sha256 is computed; a hash that differs from
 * the locked one fails the install before anything of the project is replaced.
 */
final class Installer {
    static final int LOCKFILE_VERSION = 1;

    /** What an install did: the lockfile now in force, the artifacts' project files, mediated conflicts. */
    record Outcome(JsonObject lock, Map<String, Path> jars, List<DependencyResolver.Conflict> conflicts, long bytes,
            boolean fromLock) {
    }

    private Installer() {
    }

    static Outcome install(JavaProject project, DependencyResolver resolver, boolean useLock) {
        JsonObject request = project.request();
        JsonObject locked = project.readLock();
        boolean fromLock = useLock && locked != null && request.equals(locked.get("request"))
                && locked.has("artifacts") && locked.get("lockfileVersion") != null
                && locked.get("lockfileVersion").getAsInt() == LOCKFILE_VERSION;
        JsonObject lock;
        Map<String, Path> sources;
        List<DependencyResolver.Conflict> conflicts = List.of();
        if (fromLock) {
            lock = locked;
            checkLocked(project, lock);
            sources = resolver.fetchLocked(new ArrayList<>(lock.getAsJsonObject("artifacts").keySet()));
        } else {
            DependencyResolver.Resolution r = resolver.resolve(project.declared());
            conflicts = r.conflicts();
            lock = newLock(request, r);
            sources = new LinkedHashMap<>();
            for (DependencyResolver.Resolved a : r.artifacts().values()) {
                sources.put(a.id(), a.file());
            }
        }
        Path folder = project.jarsDir();
        Path staging = folder.resolveSibling(JavaProject.JARS + "-staging-" + ProcessHandle.current().pid());
        Map<String, Path> jars = new LinkedHashMap<>();
        long bytes = 0;
        try {
            JavaProject.deleteTree(staging);
            Files.createDirectories(staging); // also when nothing is declared any more: an empty folder
            for (Map.Entry<String, JsonElement> e : lock.getAsJsonObject("artifacts").entrySet()) {
                JsonObject entry = e.getValue().getAsJsonObject();
                Path source = sources.get(e.getKey());
                if (source == null) {
                    throw new DependencyException("the repository returned no file for " + e.getKey());
                }
                String file = entry.get("file").getAsString();
                Path target = staging.resolve(file).normalize();
                if (!target.startsWith(staging)) {
                    throw new DependencyException(project.lockFile() + ": artifact " + e.getKey() + " has a file outside the jar folder: " + file);
                }
                String sha = copyHashing(source, target);
                if (fromLock) {
                    String expected = entry.get("sha256").getAsString();
                    if (!expected.equalsIgnoreCase(sha)) {
                        throw new DependencyException("checksum mismatch for " + e.getKey() + ": " + source + " has sha256 " + sha
                                + " but " + JavaProject.LOCKFILE + " locked " + expected + ". The jar changed after it was locked "
                                + "(corrupt or tampered with); nothing was installed. Delete that file from the local repository "
                                + "and run `napi-java install` again to download it anew; if the new jar is intended, "
                                + "`napi-java update` locks it again.");
                    }
                } else {
                    entry.addProperty("sha256", sha);
                    entry.addProperty("size", Files.size(target));
                }
                bytes += Files.size(target);
                jars.put(e.getKey(), folder.resolve(file));
            }
            Files.createDirectories(folder.getParent());
            Path old = folder.resolveSibling(JavaProject.JARS + "-old-" + ProcessHandle.current().pid());
            if (Files.exists(folder)) {
                Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            JavaProject.deleteTree(old);
        } catch (IOException e) {
            throw new DependencyException("cannot install the jars into " + folder + ": " + e);
        } finally {
            if (Files.exists(staging)) {
                JavaProject.deleteTree(staging);
            }
        }
        if (!fromLock) {
            project.writeLock(lock);
        }
        return new Outcome(lock, jars, conflicts, bytes, fromLock);
    }

    /** A lockfile edited by hand or damaged: every artifact needs a coordinate, a file and a sha256. */
    private static void checkLocked(JavaProject project, JsonObject lock) {
        JsonElement artifacts = lock.get("artifacts");
        if (!artifacts.isJsonObject()) {
            throw damaged(project, "\"artifacts\" is not an object");
        }
        for (Map.Entry<String, JsonElement> e : artifacts.getAsJsonObject().entrySet()) {
            JsonObject entry = e.getValue().isJsonObject() ? e.getValue().getAsJsonObject() : null;
            for (String field : List.of("file", "sha256")) {
                if (entry == null || entry.get(field) == null || !entry.get(field).isJsonPrimitive()) {
                    throw damaged(project, "artifact " + e.getKey() + " has no " + field);
                }
            }
            DependencyResolver.artifact(e.getKey());
        }
    }

    private static DependencyException damaged(JavaProject project, String what) {
        return new DependencyException(project.lockFile() + " is damaged (" + what + "): delete it and run `napi-java install` "
                + "to resolve package.json's \"java\" sections again");
    }

    private static JsonObject newLock(JsonObject request, DependencyResolver.Resolution r) {
        JsonObject lock = new JsonObject();
        lock.addProperty("lockfileVersion", LOCKFILE_VERSION);
        lock.addProperty("generatedBy", "napi-java " + Generator.VERSION);
        lock.add("request", request);
        JsonObject roots = new JsonObject();
        r.roots().forEach((owner, ids) -> roots.add(owner, JavaProject.strings(ids)));
        lock.add("roots", roots);
        JsonObject artifacts = new JsonObject();
        for (DependencyResolver.Resolved a : r.artifacts().values()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("file", a.repositoryPath());
            entry.addProperty("scope", a.scope());
            entry.add("dependencies", JavaProject.strings(a.requested()));
            artifacts.add(a.id(), entry);
        }
        lock.add("artifacts", artifacts);
        return lock;
    }

    /** Copies while hashing what is read: the hash is the one of the bytes the project gets. */
    private static String copyHashing(Path source, Path target) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha);
                OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
