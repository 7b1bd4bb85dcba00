package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The libnode the hosting tests run on (-Dnapi.java.libnode, set by host-tests/pom.xml). A missing one
 * fails the tests, so that the test command cannot pass without them having run.
 */
final class Libnode {
    private Libnode() {
    }

    static Path path() {
        Path libnode = Paths.get(System.getProperty("napi.java.libnode", ""));
        assertTrue(Files.isRegularFile(libnode), "no libnode at '" + libnode + "': run scripts/setup-libnode.sh"
                + " (scripts/test.sh does), or leave host-tests out of the build (-pl '!host-tests')");
        return libnode;
    }
}
