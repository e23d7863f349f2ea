package dev.jakartamcp.mcp.client.auth;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens and client identities in one JSON file that only its owner may read or write (POSIX
 * rw-------, the directory rwx------). The file is never written in place: a new file is created
 * with those permissions from the start, filled, and moved over the old one, so a reader sees the
 * old content or the new, and no moment exists where the tokens are readable by others. Concurrent
 * processes: the last writer wins (each write is whole, never torn).
 */
public final class FileTokenStore implements TokenStore {

    /** A token file is a few kilobytes; a bigger one is not ours and is refused rather than read. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    public FileTokenStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * $XDG_CONFIG_HOME/jakarta-mcp/tokens.json, or ~/.config/jakarta-mcp/tokens.json when that
     * variable is unset (the XDG base directory default).
     */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("jakarta-mcp").resolve("tokens.json");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<StoredToken> get(String issuer, String resource) {
        return Optional.ofNullable(load().tokens.get(key(issuer, resource)));
    }

    @Override
    public synchronized void put(StoredToken token) {
        Content c = load();
        c.tokens.put(key(token.issuer(), token.resource()), token);
        save(c);
    }

    @Override
    public synchronized void remove(String issuer, String resource) {
        Content c = load();
        if (c.tokens.remove(key(issuer, resource)) != null) {
            save(c);
        }
    }

    @Override
    public synchronized Optional<ClientIdentity> client(String issuer) {
        return Optional.ofNullable(load().clients.get(issuer));
    }

    @Override
    public synchronized void putClient(ClientIdentity identity) {
        Content c = load();
        if (!identity.equals(c.clients.get(identity.issuer()))) {
            c.clients.put(identity.issuer(), identity);
            save(c);
        }
    }

    /**
     * Forgets every token for the resource that serves this MCP endpoint (the endpoint itself or a
     * parent it was issued for), at any issuer; returns what it removed.
     */
    public synchronized List<StoredToken> removeFor(URI endpoint) {
        Content c = load();
        List<StoredToken> removed = new ArrayList<>();
        c.tokens.values().removeIf(t -> {
            boolean match = MetadataDiscovery.covers(t.resource(), endpoint);
            if (match) {
                removed.add(t);
            }
            return match;
        });
        if (!removed.isEmpty()) {
            save(c);
        }
        return removed;
    }

    private record Content(Map<String, StoredToken> tokens, Map<String, ClientIdentity> clients) {
    }

    private Content load() {
        Content c = new Content(new LinkedHashMap<>(), new LinkedHashMap<>());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalStateException("the token file " + file + " is larger than " + MAX_BYTES + " bytes: not a token file");
        }
        JsonObject json;
        try {
            json = JsonCodec.parseObject(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the token file " + file + " is not valid JSON; delete it and sign in again", e);
        }
        for (JsonValue v : json.getJsonArray("tokens") == null ? List.<JsonValue>of() : json.getJsonArray("tokens")) {
            JsonObject t = v.asJsonObject();
            StoredToken token = new StoredToken(t.getString("issuer"), t.getString("resource"), t.getString("access_token"),
                    t.getString("refresh_token", null),
                    t.containsKey("expires_at") ? Instant.ofEpochSecond(t.getJsonNumber("expires_at").longValue()) : null,
                    t.getString("scope", null));
            c.tokens.put(key(token.issuer(), token.resource()), token);
        }
        for (JsonValue v : json.getJsonArray("clients") == null ? List.<JsonValue>of() : json.getJsonArray("clients")) {
            JsonObject o = v.asJsonObject();
            ClientIdentity id = new ClientIdentity(o.getString("issuer"), o.getString("client_id"),
                    o.getString("client_secret", null), o.getString("auth_method", "none"));
            c.clients.put(id.issuer(), id);
        }
        return c;
    }

    private void save(Content c) {
        JsonArrayBuilder tokens = JsonCodec.array();
        for (StoredToken t : c.tokens.values()) {
            JsonObjectBuilder o = JsonCodec.object().add("issuer", t.issuer()).add("resource", t.resource())
                    .add("access_token", t.accessToken());
            if (t.refreshToken() != null) o.add("refresh_token", t.refreshToken());
            if (t.expiresAt() != null) o.add("expires_at", t.expiresAt().getEpochSecond());
            if (t.scope() != null) o.add("scope", t.scope());
            tokens.add(o);
        }
        JsonArrayBuilder clients = JsonCodec.array();
        for (ClientIdentity id : c.clients.values()) {
            JsonObjectBuilder o = JsonCodec.object().add("issuer", id.issuer()).add("client_id", id.clientId())
                    .add("auth_method", id.authMethod());
            if (id.secret() != null) o.add("client_secret", id.secret());
            clients.add(o);
        }
        byte[] bytes = JsonCodec.writeBytes(JsonCodec.object().add("version", 1).add("tokens", tokens).add("clients", clients).build());
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            // created rw------- (whatever the umask leaves, it only takes away): never readable by others, not even empty
            Path temp = Files.createTempFile(dir, ".tokens-", ".tmp", ownerOnly);
            try {
                Files.write(temp, bytes);
                if (posix) {
                    Files.setPosixFilePermissions(temp, OWNER_FILE);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(String issuer, String resource) {
        return issuer + "\n" + resource;
    }
}
