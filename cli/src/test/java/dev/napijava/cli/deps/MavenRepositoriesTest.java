package dev.napijava.cli.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/** The resolver's setup from settings.xml, without network: what each remote repository becomes. */
class MavenRepositoriesTest {
    @TempDir
    Path dir;

    private MavenRepositories withSettings(String body) throws IOException {
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, "<settings>\n  <localRepository>" + dir.resolve("repo") + "</localRepository>\n" + body + "</settings>\n");
        return new MavenRepositories(settings, false, null);
    }

    @Test
    void withoutSettingsCentralComesFromMavensSuperPom() throws IOException {
        MavenRepositories maven = withSettings("");
        assertEquals(1, maven.remotes.size());
        RemoteRepository central = maven.remotes.get(0);
        assertEquals("central", central.getId());
        assertTrue(central.getUrl().startsWith("https://"), central.getUrl());
        assertTrue(central.getPolicy(false).isEnabled(), "releases");
        assertFalse(central.getPolicy(true).isEnabled(), "no snapshots from central");
        assertEquals(dir.resolve("repo"), maven.localRepository);
        assertEquals(dir.resolve("repo").toFile(), maven.session.getLocalRepository().getBasedir());
    }

    @Test
    void mirrorProxyAndServerCredentialsApplyToTheRemotes() throws IOException {
        MavenRepositories maven = withSettings("""
                  <mirrors><mirror><id>company</id><url>https://mirror.invalid/maven</url><mirrorOf>*</mirrorOf></mirror></mirrors>
                  <proxies>
                    <proxy><id>off</id><active>false</active><protocol>https</protocol><host>unused.invalid</host><port>1</port></proxy>
                    <proxy><id>on</id><active>true</active><protocol>https</protocol><host>proxy.invalid</host><port>3128</port>
                      <username>u</username><password>p</password><nonProxyHosts>localhost</nonProxyHosts></proxy>
                  </proxies>
                  <servers><server><id>company</id><username>repo</username><password>secret</password></server></servers>
                """);
        assertEquals(1, maven.remotes.size());
        RemoteRepository r = maven.remotes.get(0);
        assertEquals("company", r.getId());
        assertEquals("https://mirror.invalid/maven", r.getUrl());
        assertEquals(List.of("central"), r.getMirroredRepositories().stream().map(RemoteRepository::getId).toList());
        assertNotNull(r.getProxy(), "the active proxy");
        assertEquals("proxy.invalid", r.getProxy().getHost());
        assertEquals(3128, r.getProxy().getPort());
        assertNotNull(r.getProxy().getAuthentication(), "the proxy's credentials");
        assertNotNull(r.getAuthentication(), "the server credentials of the mirror's id");
    }

    @Test
    void encryptedPasswordsAreDecryptedWithTheMasterPasswordOfSettingsSecurity() throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-pw", "settings.security")
                + "</master></settingsSecurity>\n");
        String encrypted = cipher.encryptAndDecorate("repo-secret", "master-pw");
        String before = System.getProperty("settings.security");
        System.setProperty("settings.security", security.toString());
        try {
            MavenRepositories maven = withSettings("  <servers><server><id>central</id><username>repo</username><password>"
                    + encrypted + "</password></server></servers>\n");
            try (AuthenticationContext auth = AuthenticationContext.forRepository(maven.session, maven.remotes.get(0))) {
                assertEquals("repo", auth.get(AuthenticationContext.USERNAME));
                assertEquals("repo-secret", auth.get(AuthenticationContext.PASSWORD));
            }
            Files.writeString(security, "<settingsSecurity><master>{not-the-master}</master></settingsSecurity>\n");
            DependencyException e = org.junit.jupiter.api.Assertions.assertThrows(DependencyException.class,
                    () -> withSettings("  <servers><server><id>central</id><password>" + encrypted + "</password></server></servers>\n"));
            assertTrue(e.getMessage().contains("cannot decrypt a password of ") && e.getMessage().contains(security.toString()),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("settings.security");
            } else {
                System.setProperty("settings.security", before);
            }
        }
    }

    @Test
    void activeProfilesAddTheirRepositoriesAfterCentral() throws IOException {
        MavenRepositories maven = withSettings("""
                  <profiles>
                    <profile><id>extra</id><repositories><repository><id>extra-repo</id><url>https://extra.invalid/m2</url>
                      <snapshots><enabled>true</enabled></snapshots></repository></repositories></profile>
                    <profile><id>inactive</id><repositories><repository><id>never</id><url>https://never.invalid</url></repository></repositories></profile>
                  </profiles>
                  <activeProfiles><activeProfile>extra</activeProfile></activeProfiles>
                """);
        assertEquals(List.of("central", "extra-repo"), maven.remotes.stream().map(RemoteRepository::getId).toList());
        assertTrue(maven.remotes.get(1).getPolicy(true).isEnabled(), "its snapshots policy");
    }

    @Test
    void offlineFromSettingsOrFlag() throws IOException {
        assertTrue(withSettings("  <offline>true</offline>\n").session.isOffline());
        Path settings = dir.resolve("settings.xml");
        assertTrue(new MavenRepositories(settings, true, null).session.isOffline());
    }

    @Test
    void brokenSettingsAreAnErrorNamingTheFile() throws IOException {
        Path settings = dir.resolve("bad.xml");
        Files.writeString(settings, "<settings><mirrors>");
        DependencyException e = org.junit.jupiter.api.Assertions.assertThrows(DependencyException.class,
                () -> new MavenRepositories(settings, false, null));
        assertTrue(e.getMessage().contains("cannot read the Maven settings " + settings), e.getMessage());
    }
}
