package dev.jakartamcp.security;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One JSON line per tool call and per user-service write, on the logger {@code dev.jakartamcp.audit}.
 * Arguments and bodies are recorded as a SHA-256 digest, never as text: the log proves what was sent
 * without becoming a copy of the PII. With {@code audit.file} set the lines go to their own rotating
 * files (bounded: {@code audit.file.limit-bytes} times {@code audit.file.count}) and not to the
 * server log, whose handlers cost several times more per line; both servers honour this alike.
 */
@ApplicationScoped
public class AuditLog {

    static final Logger LOG = Logger.getLogger("dev.jakartamcp.audit");

    /** A {@link FileHandler} pattern, e.g. data/audit/audit-%g.jsonl; unset: the server log. */
    @Inject
    @ConfigProperty(name = "audit.file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "audit.file.limit-bytes", defaultValue = "10485760")
    int limitBytes;

    @Inject
    @ConfigProperty(name = "audit.file.count", defaultValue = "10")
    int count;

    private Handler handler;

    @PostConstruct
    void open() {
        file.filter(f -> !f.isBlank()).ifPresent(pattern -> {
            try {
                Path parent = Path.of(pattern).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                FileHandler files = new FileHandler(pattern, Math.max(4096, limitBytes), Math.max(1, count), true);
                files.setEncoding(StandardCharsets.UTF_8.name());
                files.setFormatter(new Formatter() {
                    @Override
                    public String format(LogRecord record) {
                        return record.getMessage() + System.lineSeparator();
                    }
                });
                handler = files;
                LOG.addHandler(files);
                LOG.setUseParentHandlers(false);
            } catch (IOException e) {
                // no silent loss: the lines stay in the server log
                LOG.log(Level.WARNING, "cannot open the audit file " + pattern + "; auditing to the server log", e);
            }
        });
    }

    @PreDestroy
    void close() {
        if (handler != null) {
            LOG.removeHandler(handler);
            LOG.setUseParentHandlers(true);
            handler.close();
        }
    }

    /** A tool call that ran: outcome is ok, error (an isError result) or cancelled. */
    public void toolCall(String principal, String session, String server, String tool, String arguments, String outcome) {
        if (LOG.isLoggable(Level.INFO)) {
            write(entry("tool_call", principal).add("session", session).add("server", server).add("tool", tool)
                    .add("arguments_sha256", digest(arguments)).add("outcome", outcome));
        }
    }

    /** A create, update or delete at the user service, with the HTTP status it answered. */
    public void userServiceWrite(String principal, String operation, String userId, String body, int status) {
        if (LOG.isLoggable(Level.INFO)) {
            JsonObjectBuilder entry = entry("user_service_write", principal).add("operation", operation);
            if (userId != null) {
                entry.add("user_id", userId);
            }
            write(entry.add("body_sha256", digest(body == null ? "" : body)).add("status", status));
        }
    }

    private static JsonObjectBuilder entry(String event, String principal) {
        JsonObjectBuilder entry = JsonCodec.object().add("time", Instant.now().toString()).add("event", event);
        return principal == null ? entry.addNull("principal") : entry.add("principal", principal);
    }

    private static void write(JsonObjectBuilder entry) {
        LOG.info(JsonCodec.write(entry.build()));
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
