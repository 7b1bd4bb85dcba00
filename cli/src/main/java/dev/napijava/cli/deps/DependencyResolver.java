package dev.napijava.cli.deps;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.collection.UnsolvableVersionConflictException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.version.Version;

/**
 * Resolves declared dependencies with Maven Resolver: one collect over every owner's declarations
 * (the project's first, then the npm packages'), so a version conflict is mediated once, nearest
 * wins (a tie: the first declaration), and compile + runtime scopes are kept.
 */
final class DependencyResolver {
    private static final Set<String> CLASSPATH_SCOPES = Set.of("compile", "runtime");
    private static final Pattern PRE_RELEASE = Pattern.compile("(?i).*[.-](alpha|beta|rc|cr|m|milestone|preview|ea|snapshot)[.-]?\\d*$");

    /** One resolved artifact: where the local repository has it, and the dependencies its POM asked for. */
    record Resolved(String id, String scope, Path file, String repositoryPath, List<String> requested) {
    }

    /** A declared or transitive request that lost to another version (nearest wins). */
    record Conflict(String requested, String chosen, String requestedBy) {
    }

    /** The graph after mediation: artifacts in class-path order, each owner's direct ids. */
    record Resolution(Map<String, Resolved> artifacts, Map<String, List<String>> roots, List<Conflict> conflicts) {
    }

    private final MavenRepositories maven;

    DependencyResolver(MavenRepositories maven) {
        this.maven = maven;
    }

    /** g:a[:extension[:classifier]]:version, the extension left out when it is a jar without classifier. */
    static String id(Artifact a) {
        return key(a) + ":" + a.getBaseVersion();
    }

    static String key(Artifact a) {
        String k = a.getGroupId() + ":" + a.getArtifactId();
        if (!a.getClassifier().isEmpty()) {
            return k + ":" + a.getExtension() + ":" + a.getClassifier();
        }
        return "jar".equals(a.getExtension()) ? k : k + ":" + a.getExtension();
    }

    static Artifact artifact(String coordinates) {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new DependencyException("'" + coordinates + "' is not a Maven coordinate: write groupId:artifactId:version "
                    + "(or groupId:artifactId:extension:classifier:version), e.g. org.apache.poi:poi-ooxml:5.3.0");
        }
    }

    Resolution resolve(List<JavaProject.Declared> declared) {
        CollectRequest request = new CollectRequest();
        for (JavaProject.Declared d : declared) {
            List<Exclusion> exclusions = new ArrayList<>();
            for (String x : d.exclusions()) {
                String[] parts = x.split(":");
                if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw new DependencyException(d.owner() + ": exclusion '" + x + "' of " + d.key()
                            + " must be groupId:artifactId (either may be *)");
                }
                exclusions.add(new Exclusion(parts[0], parts[1], "*", "*"));
            }
            request.addDependency(new Dependency(artifact(d.key() + ":" + d.version()), "compile", false, exclusions));
        }
        request.setRepositories(maven.remotes);
        DependencyNode root;
        try {
            root = maven.system.collectDependencies(maven.session, request).getRoot();
        } catch (DependencyCollectionException e) {
            throw explain(e, declared);
        }
        Map<String, Resolved> artifacts = new LinkedHashMap<>();
        Map<String, DependencyNode> nodes = new LinkedHashMap<>();
        Map<String, List<String>> roots = new LinkedHashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        List<DependencyNode> direct = root.getChildren();
        for (int i = 0; i < direct.size(); i++) {
            DependencyNode child = direct.get(i);
            String owner = i < declared.size() ? declared.get(i).owner() : ".";
            roots.computeIfAbsent(owner, o -> new ArrayList<>()).add(id(child.getArtifact()));
        }
        walk(root, "(declared)", artifacts, nodes, conflicts);
        List<ArtifactRequest> fetches = new ArrayList<>();
        for (DependencyNode node : nodes.values()) {
            fetches.add(new ArtifactRequest(node));
        }
        Map<String, Path> files = fetch(fetches);
        Map<String, Resolved> withFiles = new LinkedHashMap<>();
        for (Resolved r : artifacts.values()) {
            Artifact a = nodes.get(r.id()).getArtifact();
            withFiles.put(r.id(), new Resolved(r.id(), r.scope(), files.get(r.id()),
                    maven.session.getLocalRepositoryManager().getPathForLocalArtifact(a), r.requested()));
        }
        return new Resolution(withFiles, roots, conflicts);
    }

    private void walk(DependencyNode node, String by, Map<String, Resolved> artifacts, Map<String, DependencyNode> nodes,
            List<Conflict> conflicts) {
        for (DependencyNode child : node.getChildren()) {
            Dependency dep = child.getDependency();
            if (!CLASSPATH_SCOPES.contains(dep.getScope())) {
                continue;
            }
            String id = id(child.getArtifact());
            if (node.getDependency() != null) {
                artifacts.get(id(node.getArtifact())).requested().add(id);
            }
            DependencyNode winner = (DependencyNode) child.getData().get(ConflictResolver.NODE_DATA_WINNER);
            if (winner != null) {
                String chosen = id(winner.getArtifact());
                if (!chosen.equals(id)) {
                    conflicts.add(new Conflict(id, chosen, by));
                }
                continue;
            }
            if (artifacts.containsKey(id)) {
                continue;
            }
            artifacts.put(id, new Resolved(id, dep.getScope(), null, null, new ArrayList<>()));
            nodes.put(id, child);
            walk(child, id, artifacts, nodes, conflicts);
        }
    }

    /** The files of exact artifacts (from the local repository when it has them, else downloaded into it). */
    Map<String, Path> fetch(List<ArtifactRequest> requests) {
        List<ArtifactResult> results;
        try {
            results = maven.system.resolveArtifacts(maven.session, requests);
        } catch (ArtifactResolutionException e) {
            throw explain(e, List.of());
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (ArtifactResult r : results) {
            files.put(id(r.getArtifact()), r.getArtifact().getFile().toPath());
        }
        return files;
    }

    Map<String, Path> fetchLocked(List<String> ids) {
        List<ArtifactRequest> requests = new ArrayList<>();
        for (String id : ids) {
            requests.add(new ArtifactRequest(artifact(id), maven.remotes, null));
        }
        return fetch(requests);
    }

    String repositoryPath(String id) {
        return maven.session.getLocalRepositoryManager().getPathForLocalArtifact(artifact(id));
    }

    /** The newest release of g:a[:ext[:cls]] (no snapshot, alpha, beta, milestone or release candidate). */
    String newestRelease(String key) {
        VersionRangeResult range;
        try {
            range = maven.system.resolveVersionRange(maven.session,
                    new VersionRangeRequest(artifact(key + ":[0,)"), maven.remotes, null));
        } catch (VersionRangeResolutionException e) {
            throw explain(e, List.of());
        }
        String newest = null;
        for (Version v : range.getVersions()) {
            if (!PRE_RELEASE.matcher(v.toString()).matches()) {
                newest = v.toString();
            }
        }
        if (newest == null) {
            throw new DependencyException(key + ": no release found in " + maven.describeRemotes()
                    + (maven.session.isOffline() ? " (offline: only what the local repository knows)" : ""));
        }
        return newest;
    }

    /** What went wrong, in the user's terms, with the fix. */
    private DependencyException explain(RepositoryException e, List<JavaProject.Declared> declared) {
        Causes causes = new Causes();
        causes.scan(e);
        if (e instanceof DependencyCollectionException c && c.getResult() != null) {
            c.getResult().getExceptions().forEach(causes::scan);
        }
        Throwable network = causes.network;
        ArtifactNotFoundException notFound = causes.notFound;
        UnsolvableVersionConflictException conflict = causes.conflict;
        if (conflict != null) {
            StringBuilder by = new StringBuilder();
            for (JavaProject.Declared d : declared) {
                if (d.key().equals(conflictKey(conflict))) {
                    by.append("\n  ").append(d.owner()).append(": ").append(d.key()).append(" ").append(d.version());
                }
            }
            return new DependencyException("the Java dependencies cannot be resolved together: " + conflict.getMessage()
                    + "\nDeclared:" + by + "\nFix: make the version requirements of " + conflictKey(conflict)
                    + " overlap (a plain version such as 1.2 is a soft requirement; [1.2] is exact), or exclude it where it is not needed.");
        }
        if (network != null) {
            return new DependencyException("cannot reach the Maven repository " + maven.describeRemotes() + ": " + network
                    + ".\nCheck the network connection, or the mirrors and proxies of " + maven.settingsFile
                    + "; what the local repository " + maven.localRepository + " already has installs with --offline.");
        }
        if (notFound != null) {
            return new DependencyException(notFound.getMessage() + ".\nCheck the coordinates (groupId:artifactId:version)"
                    + (maven.session.isOffline() ? ", or run without --offline to download it." : "."));
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (e instanceof DependencyCollectionException c && c.getResult() != null && !c.getResult().getExceptions().isEmpty()) {
            root = c.getResult().getExceptions().get(0);
            while (root.getCause() != null) {
                root = root.getCause();
            }
        }
        return new DependencyException(e.getMessage() + (root != e && root.getMessage() != null ? ": " + root.getMessage() : ""));
    }

    /** The first cause of each kind, through every exception the resolver collected. */
    private static final class Causes {
        Throwable network;
        ArtifactNotFoundException notFound;
        UnsolvableVersionConflictException conflict;

        void scan(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                boolean unreachable = t instanceof UnknownHostException || t instanceof ConnectException
                        || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException || t instanceof SSLException;
                network = network == null && unreachable ? t : network;
                notFound = notFound == null && t instanceof ArtifactNotFoundException n ? n : notFound;
                conflict = conflict == null && t instanceof UnsolvableVersionConflictException u ? u : conflict;
            }
        }
    }

    private static String conflictKey(UnsolvableVersionConflictException e) {
        for (List<? extends DependencyNode> path : e.getPaths()) {
            if (!path.isEmpty()) {
                return key(path.get(path.size() - 1).getArtifact());
            }
        }
        return "the artifact";
    }
}
