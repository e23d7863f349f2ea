package dev.jakartamcp.mcp.client.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTokenStoreTest {

    @TempDir
    Path dir;

    final StoredToken mcp = new StoredToken("https://as.example", "http://localhost:18080/mcp", "at-1", "rt-1",
            Instant.ofEpochSecond(1_900_000_000L), "users:read offline_access");

    @Test
    void tokensAndClientsSurviveTheProcessInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("new-dir").resolve("tokens.json");
        new FileTokenStore(file).put(mcp);
        new FileTokenStore(file).putClient(new ClientIdentity("https://as.example", "mcp-cli", null, "none"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        FileTokenStore later = new FileTokenStore(file);
        assertEquals(Optional.of(mcp), later.get("https://as.example", "http://localhost:18080/mcp"));
        assertEquals(Optional.of(new ClientIdentity("https://as.example", "mcp-cli", null, "none")), later.client("https://as.example"));
        assertTrue(later.get("https://other.example", "http://localhost:18080/mcp").isEmpty(), "keyed by issuer and resource");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aFileThatWasOpenToOthersIsReplacedByAnOwnerOnlyOne() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"version\":1,\"tokens\":[],\"clients\":[]}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new FileTokenStore(file).put(mcp);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void removeForForgetsTheEndpointsTokensAtAnyIssuerAndNothingElse() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
        store.put(mcp);
        StoredToken elsewhere = new StoredToken("https://as2.example", "http://localhost:18080/mcp", "at-2", null, null, null);
        StoredToken other = new StoredToken("https://as.example", "http://localhost:28080/mcp", "at-3", null, null, null);
        store.put(elsewhere);
        store.put(other);
        assertEquals(List.of(mcp, elsewhere), store.removeFor(URI.create("http://localhost:18080/mcp")));
        assertTrue(store.get("https://as.example", "http://localhost:18080/mcp").isEmpty());
        assertEquals(Optional.of(other), store.get("https://as.example", "http://localhost:28080/mcp"));
        assertEquals(List.of(), store.removeFor(URI.create("http://localhost:18080/mcp")));
    }

    @Test
    void aCorruptFileIsAClearErrorNotAnEmptyStore() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "not json");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FileTokenStore(file).get("i", "r"));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void anOversizedFileIsRefusedWithoutReadingItAll() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.write(file, new byte[FileTokenStore.MAX_BYTES + 10]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FileTokenStore(file).get("i", "r"));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }
}
