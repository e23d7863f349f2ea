package dev.jakartamcp.security;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {

    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        AuditLog.LOG.addHandler(capture);
    }

    @AfterEach
    void stop() {
        AuditLog.LOG.removeHandler(capture);
    }

    @Test
    void aToolCallIsOneJsonLineWithADigestNotTheArguments() {
        new AuditLog().toolCall(null, "s1", "users", "delete_user", "{\"id\":999}", "ok");
        assertEquals(1, lines.size());
        JsonObject line = JsonCodec.parseObject(lines.get(0));
        assertEquals("tool_call", line.getString("event"));
        assertEquals(JsonValue.NULL, line.get("principal"));
        assertEquals("s1", line.getString("session"));
        assertEquals("delete_user", line.getString("tool"));
        assertEquals("ok", line.getString("outcome"));
        // sha256("{\"id\":999}")
        assertEquals(AuditLog.digest("{\"id\":999}"), line.getString("arguments_sha256"));
        assertEquals(64, line.getString("arguments_sha256").length());
        assertFalse(lines.get(0).contains("\"id\""), "the arguments themselves are not in the log");
        assertTrue(line.getString("time").endsWith("Z"));
    }

    @Test
    void aUserServiceWriteRecordsWhoWhatAndTheStatus() {
        new AuditLog().userServiceWrite("alice", "update", "42", "{\"surname\":\"X\"}", 200);
        JsonObject line = JsonCodec.parseObject(lines.get(0));
        assertEquals("user_service_write", line.getString("event"));
        assertEquals("alice", line.getString("principal"));
        assertEquals("update", line.getString("operation"));
        assertEquals("42", line.getString("user_id"));
        assertEquals(200, line.getInt("status"));
        assertEquals(AuditLog.digest("{\"surname\":\"X\"}"), line.getString("body_sha256"));
    }

    @Test
    void withAFileTheLinesGoThereAndNotToTheServerLog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        AuditLog audit = new AuditLog();
        audit.file = java.util.Optional.of(dir.resolve("audit/audit-%g.jsonl").toString());
        audit.limitBytes = 1 << 20;
        audit.count = 2;
        audit.open();
        try {
            assertFalse(AuditLog.LOG.getUseParentHandlers());
            audit.toolCall("bob", "s2", "users", "get_user_by_id", "{\"id\":1}", "ok");
        } finally {
            audit.close();
        }
        assertTrue(AuditLog.LOG.getUseParentHandlers(), "closed: back to the server log");
        List<String> written = java.nio.file.Files.readAllLines(dir.resolve("audit/audit-0.jsonl"));
        assertEquals(1, written.size(), written.toString());
        assertEquals("bob", JsonCodec.parseObject(written.get(0)).getString("principal"));
    }

    @Test
    void theDigestIsSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", AuditLog.digest(""));
    }
}
