package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.Implementation;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** subscriptions/listen streams: bounded, acknowledged first, filtered, tagged, ended with a result. */
class SubscriptionsTest {

    /** A connection that keeps what it is given. */
    static final class Sink implements EventSink {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean gone;
        boolean closed;

        @Override
        public boolean offer(String id, String data, Runnable onWritten) {
            if (gone) {
                return false;
            }
            events.add(id == null ? data : "id " + id);
            if (onWritten != null) onWritten.run();
            return true;
        }

        @Override
        public boolean keepAlive() {
            return !gone;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void abort() {
            closed = true;
        }

        JsonObject message(int i) {
            return JsonCodec.parseObject(events.get(i));
        }
    }

    private final Subscriptions subscriptions = subscriptions(3, 2);
    private final McpServer server = new McpServer("s", new Implementation("s", null, "1"), null, true,
            new ToolRegistry(List.of(), () -> { }), new ResourceRegistry(List.of(resource()), List.of()), new PromptRegistry(List.of()));

    private static McpResource resource() {
        return new McpResource() {
            @Override
            public dev.jakartamcp.mcp.protocol.ResourceDefinition definition() {
                return dev.jakartamcp.mcp.protocol.ResourceDefinition.resource("x://1", "one", null, null, "text/plain");
            }

            @Override
            public List<dev.jakartamcp.mcp.protocol.ResourceContents> read(CallContext context) {
                return List.of();
            }
        };
    }

    private static Subscriptions subscriptions(int max, int perClient) {
        Subscriptions s = new Subscriptions();
        s.maxListeners = max;
        s.maxPerClient = perClient;
        s.keepAliveSeconds = 3600;
        s.maxResourceUris = 4;
        s.start();
        return s;
    }

    @AfterEach
    void stop() {
        subscriptions.stop(0);
    }

    @Test
    void boundedInTotalAndPerClient() {
        assertNull(subscriptions.reserve("a"));
        assertNull(subscriptions.reserve("a"));
        assertEquals(Subscriptions.Refusal.CLIENT_FULL, subscriptions.reserve("a"));
        assertNull(subscriptions.reserve("b"));
        assertEquals(Subscriptions.Refusal.SERVER_FULL, subscriptions.reserve("c"));
        subscriptions.release("a");
        assertNull(subscriptions.reserve("c"), "a place given back is free again");
    }

    @Test
    void acknowledgedFirstThenOnlyRequestedTypesTaggedWithTheListenId() {
        Sink sink = open("a", JsonCodec.number(42), "{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"x://1\"]}");
        JsonObject ack = sink.message(0);
        assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"));
        assertEquals(42, ack.getJsonObject("params").getJsonObject("_meta").getInt(Subscriptions.SUBSCRIPTION_ID));
        assertEquals(JsonValue.TRUE, ack.getJsonObject("params").getJsonObject("notifications").get("toolsListChanged"));

        subscriptions.publish("s", notification("notifications/prompts/list_changed", JsonValue.EMPTY_JSON_OBJECT));
        subscriptions.publish("other", notification("notifications/tools/list_changed", JsonValue.EMPTY_JSON_OBJECT));
        subscriptions.publish("s", notification("notifications/resources/updated", JsonCodec.object().add("uri", "x://2").build()));
        subscriptions.publish("s", notification("notifications/tools/list_changed", JsonValue.EMPTY_JSON_OBJECT));
        subscriptions.publish("s", notification("notifications/resources/updated", JsonCodec.object().add("uri", "x://1").build()));
        assertEquals(3, sink.events.size(), sink.events.toString());
        assertEquals("notifications/tools/list_changed", sink.message(1).getString("method"));
        assertEquals(42, sink.message(1).getJsonObject("params").getJsonObject("_meta").getInt(Subscriptions.SUBSCRIPTION_ID));
        assertEquals("x://1", sink.message(2).getJsonObject("params").getString("uri"));
    }

    @Test
    void aClientThatLeftIsDroppedAtTheNextKeepAliveAndItsPlaceFreed() {
        Sink sink = open("a", JsonCodec.string("l1"), "{}");
        open("a", JsonCodec.string("l2"), "{}");
        assertEquals(Subscriptions.Refusal.CLIENT_FULL, subscriptions.reserve("a"));
        sink.gone = true;
        subscriptions.keepAlive();
        assertEquals(1, subscriptions.size());
        assertTrue(sink.closed);
        assertNull(subscriptions.reserve("a"));
    }

    @Test
    void shutdownEndsEveryStreamWithItsResult() {
        Sink sink = open("a", JsonCodec.string("l1"), "{\"promptsListChanged\":true}");
        subscriptions.stop(1000);
        JsonObject last = sink.message(sink.events.size() - 1);
        assertEquals("l1", last.getString("id"));
        assertEquals("complete", last.getJsonObject("result").getString("resultType"));
        assertEquals("l1", last.getJsonObject("result").getJsonObject("_meta").getString(Subscriptions.SUBSCRIPTION_ID));
        assertTrue(sink.closed);
        assertEquals(0, subscriptions.size());
    }

    @Test
    void aFilterIsCheckedAndItsUrisBounded() {
        assertThrows(McpError.class, () -> SubscriptionFilter.read(JsonValue.EMPTY_JSON_OBJECT, 4, 100));
        assertThrows(McpError.class, () -> SubscriptionFilter.read(params("{\"toolsListChanged\":\"yes\"}"), 4, 100));
        assertThrows(McpError.class, () -> SubscriptionFilter.read(params("{\"resourceSubscriptions\":[\"a\",\"b\",\"c\"]}"), 2, 100));
        assertThrows(McpError.class, () -> SubscriptionFilter.read(params("{\"resourceSubscriptions\":[\"abc\"]}"), 2, 2));
        assertEquals(1, SubscriptionFilter.read(params("{\"resourceSubscriptions\":[\"a\",\"a\"]}"), 1, 100).resources().size());
    }

    private Sink open(String client, JsonValue id, String filter) {
        assertNull(subscriptions.reserve(client));
        Sink sink = new Sink();
        subscriptions.open(server, client, id, SubscriptionFilter.read(params(filter), 4, 100), sink);
        return sink;
    }

    private static JsonObject params(String filter) {
        return JsonCodec.object().add("notifications", JsonCodec.parseObject(filter)).build();
    }

    private static dev.jakartamcp.mcp.protocol.JsonRpcMessage.Notification notification(String method, JsonObject params) {
        return new dev.jakartamcp.mcp.protocol.JsonRpcMessage.Notification(method, params);
    }
}
