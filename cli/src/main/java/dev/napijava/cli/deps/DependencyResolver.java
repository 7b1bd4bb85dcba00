package dev.napijava.cli.deps;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.Version;
import org.eclipse.aether.version.VersionConstraint;

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

    Resolution resolve(List<JavaProject.Declared> all) {
        // One artifact declared twice (by the project and a package, or by two packages): the resolver keeps
        // only the last of equal direct dependencies, as Maven does in a POM; here they are mediated first
        // (mediate), the chosen one is collected and the others are checked against the result (checkRepeated).
        Map<String, List<JavaProject.Declared>> byKey = new LinkedHashMap<>();
        for (JavaProject.Declared d : all) {
            byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
        }
        List<JavaProject.Declared> declared = new ArrayList<>();
        List<JavaProject.Declared> repeated = new ArrayList<>();
        for (List<JavaProject.Declared> group : byKey.values()) {
            JavaProject.Declared chosen = group.size() == 1 ? group.get(0) : mediate(group, all);
            declared.add(chosen);
            group.stream().filter(d -> d != chosen && !(d.owner().equals(chosen.owner()) && d.key().equals(chosen.key())))
                    .forEach(repeated::add);
        }
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
            throw explain(e, all);
        }
        Map<String, Resolved> artifacts = new LinkedHashMap<>();
        Map<String, DependencyNode> nodes = new LinkedHashMap<>();
        Map<String, List<String>> roots = new LinkedHashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        List<DependencyNode> direct = root.getChildren();
        List<String> owners = new ArrayList<>(); // the root's children are the declarations, in order
        for (int i = 0; i < direct.size(); i++) {
            String owner = i < declared.size() ? declared.get(i).owner() : ".";
            owners.add(packageJson(owner));
            roots.computeIfAbsent(owner, o -> new ArrayList<>()).add(id(direct.get(i).getArtifact()));
        }
        walk(root, owners, artifacts, nodes, conflicts);
        checkRepeated(repeated, artifacts.keySet(), all, roots, conflicts);
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

    /**
     * Maven's rule for one artifact declared at the same depth several times: every hard range ([1.2],
     * [1,2)) must hold; within them the first plain version wins (the project's come first), else the
     * highest version the repository has that all of them allow.
     */
    private JavaProject.Declared mediate(List<JavaProject.Declared> group, List<JavaProject.Declared> all) {
        GenericVersionScheme scheme = new GenericVersionScheme();
        List<VersionConstraint> ranges = new ArrayList<>();
        JavaProject.Declared firstRanged = null;
        try {
            for (JavaProject.Declared d : group) {
                VersionConstraint c = scheme.parseVersionConstraint(d.version());
                if (c.getRange() != null) {
                    ranges.add(c);
                    firstRanged = firstRanged == null ? d : firstRanged;
                }
            }
            if (ranges.isEmpty()) {
                return group.get(0);
            }
            for (JavaProject.Declared d : group) {
                VersionConstraint c = scheme.parseVersionConstraint(d.version());
                if (c.getRange() == null && ranges.stream().allMatch(r -> r.containsVersion(c.getVersion()))) {
                    return d;
                }
            }
        } catch (InvalidVersionSpecificationException e) {
            throw new DependencyException(group.get(0).key() + ": " + e.getMessage());
        }
        Version best = null;
        VersionRangeResult available;
        try {
            available = maven.system.resolveVersionRange(maven.session,
                    new VersionRangeRequest(artifact(firstRanged.key() + ":" + firstRanged.version()), maven.remotes, null));
        } catch (VersionRangeResolutionException e) {
            throw explain(e, all);
        }
        for (Version v : available.getVersions()) {
            if (ranges.stream().allMatch(r -> r.containsVersion(v))) {
                best = v;
            }
        }
        if (best == null) {
            throw unsolvable("no version of " + firstRanged.key() + " is in all of "
                    + String.join(", ", group.stream().map(JavaProject.Declared::version).toList()), firstRanged.key(), all);
        }
        return new JavaProject.Declared(firstRanged.owner(), firstRanged.key(), "[" + best + "]", firstRanged.exclusions());
    }

    private static String packageJson(String owner) {
        return (".".equals(owner) ? "" : owner + "/") + "package.json";
    }

    /** A repeated declaration is met when the chosen version is in its range (a plain version: always, it lost). */
    private static void checkRepeated(List<JavaProject.Declared> repeated, Collection<String> chosenIds,
            List<JavaProject.Declared> all, Map<String, List<String>> roots, List<Conflict> conflicts) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String id : chosenIds) {
            chosen.put(key(artifact(id)), id);
        }
        GenericVersionScheme scheme = new GenericVersionScheme();
        for (JavaProject.Declared d : repeated) {
            String requested = d.key() + ":" + d.version();
            roots.computeIfAbsent(d.owner(), o -> new ArrayList<>()).add(requested);
            String id = chosen.get(d.key());
            if (id == null || id.equals(requested)) {
                continue;
            }
            String version = id.substring(id.lastIndexOf(':') + 1);
            try {
                VersionConstraint constraint = scheme.parseVersionConstraint(d.version());
                if (constraint.getRange() != null && !constraint.containsVersion(scheme.parseVersion(version))) {
                    throw unsolvable(d.key() + " " + version + " was chosen, outside " + d.version() + " that "
                            + packageJson(d.owner()) + " requires", d.key(), all);
                }
            } catch (InvalidVersionSpecificationException e) {
                throw new DependencyException(packageJson(d.owner()) + ": " + d.key() + " \"" + d.version() + "\": " + e.getMessage());
            }
            conflicts.add(new Conflict(requested, id, packageJson(d.owner())));
        }
    }

    private static DependencyException unsolvable(String what, String key, List<JavaProject.Declared> declared) {
        StringBuilder by = new StringBuilder();
        for (JavaProject.Declared d : declared) {
            if (d.key().equals(key)) {
                by.append("\n  ").append(d.owner()).append(": ").append(d.key()).append(" ").append(d.version());
            }
        }
        return new DependencyException("the Java dependencies cannot be resolved together: " + what + "\nDeclared:" + by
                + "\nFix: make the version requirements of " + key + " overlap (a plain version such as 1.2 is a soft "
                + "requirement; [1.2] is exact), or exclude it where it is not needed.");
    }

    /** Depth first, as Maven orders a class path; requestedBy: per child, who asked for it. */
    private void walk(DependencyNode node, List<String> requestedBy, Map<String, Resolved> artifacts,
            Map<String, DependencyNode> nodes, List<Conflict> conflicts) {
        List<DependencyNode> children = node.getChildren();
        for (int i = 0; i < children.size(); i++) {
            DependencyNode child = children.get(i);
            String by = requestedBy.get(Math.min(i, requestedBy.size() - 1));
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
            walk(child, List.of(id), artifacts, nodes, conflicts);
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

    /**
     * The files of locked artifacts. Their sha256 is checked against the lockfile afterwards, so a file the
     * local repository has is used whichever repository it came from (Maven's enhanced local repository
     * would download again what another repository id, such as a mirror's, put there): offline when it can.
     */
    Map<String, Path> fetchLocked(List<String> ids) {
        maven.session.setLocalRepositoryManager(maven.system.newLocalRepositoryManager(maven.session,
                new LocalRepository(maven.localRepository.toFile(), "simple")));
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
            return unsolvable(conflict.getMessage(), conflictKey(conflict), declared);
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
