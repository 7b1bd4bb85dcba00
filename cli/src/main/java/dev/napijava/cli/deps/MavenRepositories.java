package dev.napijava.cli.deps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.TransferListener;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Maven Resolver set up as Maven itself would be for this user: the repository system from the
 * resolver's supplier, a Maven session (scopes, optional dependencies, dependency management,
 * nearest-wins mediation), the local repository, mirrors, proxies and server credentials of
 * {@code settings.xml}, and the remote repositories: Maven's central one, as its super POM defines
 * it, plus those of the settings' active profiles.
 */
final class MavenRepositories {
    final RepositorySystem system;
    final DefaultRepositorySystemSession session;
    final List<RemoteRepository> remotes;
    final Path localRepository;
    final Path settingsFile;

    /** The settings file used unless --settings names another: Maven's own default. */
    static Path userSettings() {
        return Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    }

    MavenRepositories(Path settingsFile, boolean offline, TransferListener listener) {
        this.settingsFile = settingsFile;
        Settings settings = readSettings(settingsFile);
        system = new RepositorySystemSupplier().get();
        session = MavenRepositorySystemUtils.newSession();
        localRepository = settings.getLocalRepository() == null || settings.getLocalRepository().isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(settings.getLocalRepository()).toAbsolutePath();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        session.setOffline(offline || settings.isOffline());
        // keep the losers of a version conflict in the graph (without children): `list` shows them
        session.setConfigProperty(ConflictResolver.CONFIG_PROP_VERBOSE, true);
        session.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        if (listener != null) {
            session.setTransferListener(listener);
        }
        session.setSystemProperties(System.getProperties());

        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            mirrors.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(), m.getMirrorOfLayouts());
        }
        session.setMirrorSelector(mirrors);
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
            if (p.isActive()) {
                Authentication auth = p.getUsername() == null ? null
                        : new AuthenticationBuilder().addUsername(p.getUsername()).addPassword(p.getPassword()).build();
                proxies.add(new Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth), p.getNonProxyHosts());
            }
        }
        session.setProxySelector(proxies);
        DefaultAuthenticationSelector auths = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            auths.add(s.getId(), new AuthenticationBuilder().addUsername(s.getUsername()).addPassword(s.getPassword())
                    .addPrivateKey(s.getPrivateKey(), s.getPassphrase()).build());
        }
        session.setAuthenticationSelector(auths);

        List<RemoteRepository> declared = new ArrayList<>(superPomRepositories());
        for (Profile profile : settings.getProfiles()) {
            boolean active = settings.getActiveProfiles().contains(profile.getId())
                    || (profile.getActivation() != null && profile.getActivation().isActiveByDefault());
            if (active) {
                for (org.apache.maven.settings.Repository r : profile.getRepositories()) {
                    declared.add(remote(r.getId(), r.getUrl(), r.getReleases() == null || r.getReleases().isEnabled(),
                            r.getSnapshots() != null && r.getSnapshots().isEnabled()));
                }
            }
        }
        // what Maven does to the POM's repositories: the mirror, proxy and credentials of each
        remotes = system.newResolutionRepositories(session, declared);
    }

    private static Settings readSettings(Path file) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        if (Files.isRegularFile(file)) {
            request.setUserSettingsFile(file.toFile());
        }
        String mavenHome = System.getenv("MAVEN_HOME") != null ? System.getenv("MAVEN_HOME") : System.getenv("M2_HOME");
        if (mavenHome != null && Files.isRegularFile(Path.of(mavenHome, "conf", "settings.xml"))) {
            request.setGlobalSettingsFile(Path.of(mavenHome, "conf", "settings.xml").toFile());
        }
        request.setSystemProperties(System.getProperties());
        Settings settings;
        try {
            settings = new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new DependencyException("cannot read the Maven settings " + file + ": " + e.getMessage()
                    + " Fix the file (it is Maven's settings.xml format) or pass another with --settings.");
        }
        decryptPasswords(settings, file);
        return settings;
    }

    /**
     * Passwords written {encrypted} (mvn --encrypt-password), with the master password of
     * settings-security.xml, where Maven looks for it: -Dsettings.security, else ~/.m2/settings-security.xml.
     */
    private static void decryptPasswords(Settings settings, Path file) {
        String security = System.getProperty("settings.security",
                Path.of(System.getProperty("user.home"), ".m2", "settings-security.xml").toString());
        SettingsDecryptionResult r = new DefaultSettingsDecrypter(new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security))
                .decrypt(new DefaultSettingsDecryptionRequest(settings));
        for (SettingsProblem p : r.getProblems()) {
            if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new DependencyException("cannot decrypt a password of " + file + ": " + p.getMessage()
                        + ". The master password is read from " + security + " (mvn --encrypt-master-password).");
            }
        }
        settings.setServers(r.getServers());
        settings.setProxies(r.getProxies());
    }

    /** The repositories of Maven's super POM (central): the URL is Maven's, not ours. */
    private static List<RemoteRepository> superPomRepositories() {
        try (InputStream in = Model.class.getResourceAsStream("pom-4.0.0.xml")) {
            if (in == null) {
                throw new IllegalStateException("Maven's super POM (org/apache/maven/model/pom-4.0.0.xml) is not in the CLI jar");
            }
            Model model = new MavenXpp3Reader().read(in);
            List<RemoteRepository> out = new ArrayList<>();
            for (org.apache.maven.model.Repository r : model.getRepositories()) {
                out.add(remote(r.getId(), r.getUrl(), r.getReleases() == null || r.getReleases().isEnabled(),
                        r.getSnapshots() != null && r.getSnapshots().isEnabled()));
            }
            return out;
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalStateException("cannot read Maven's super POM: " + e, e);
        }
    }

    private static RemoteRepository remote(String id, String url, boolean releases, boolean snapshots) {
        RepositoryPolicy on = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        RepositoryPolicy off = new RepositoryPolicy(false, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        return new RemoteRepository.Builder(id, "default", url).setReleasePolicy(releases ? on : off)
                .setSnapshotPolicy(snapshots ? on : off).build();
    }

    /** The repositories, for error messages: "central (url)". */
    String describeRemotes() {
        List<String> names = new ArrayList<>();
        for (RemoteRepository r : remotes) {
            names.add(r.getId() + " (" + r.getUrl() + ")");
        }
        return String.join(", ", names);
    }
}
