package dev.jakartamcp.mcp.server.control;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import dev.jakartamcp.mcp.protocol.JsonRpcMessage;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event-id scheme, the replay buffer and resumable streams. */
class StreamsTest {

    /** Records what a connection received; can be made to fail like a client that left. */
    static final class RecordingSink implements EventSink {
        final List<String> events = new ArrayList<>();
        boolean gone;
        boolean closed;

        @Override
        public boolean send(String id, String data, Long retryMillis) {
            if (gone) {
                return false;
            }
            events.add(id + (retryMillis == null ? "" : " retry=" + retryMillis) + " " + data);
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static JsonRpcMessage note(int n) {
        return new JsonRpcMessage.Notification("notifications/message", JsonCodec.object().add("n", n).build());
    }

    @Test
    void eventIdsNameTheirStreamAndParseBack() {
        EventId id = new EventId("1a", 7);
        assertEquals("1a-7", id.toString());
        assertEquals(Optional.of(id), EventId.parse("1a-7"));
        for (String bad : new String[]{null, "", "7", "-7", "1a-", "1a-x", "a b-1", "1a--1"}) {
            assertTrue(EventId.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void replayBufferIsBoundedAndReplaysOnlyOneStream() {
        ReplayBuffer buffer = new ReplayBuffer(3);
        buffer.add(new ReplayBuffer.Event(new EventId("1", 1), "a"));
        buffer.add(new ReplayBuffer.Event(new EventId("2", 1), "b"));
        buffer.add(new ReplayBuffer.Event(new EventId("1", 2), "c"));
        buffer.add(new ReplayBuffer.Event(new EventId("1", 3), "d"));
        assertEquals(3, buffer.size(), "the oldest event went");
        assertEquals(List.of("c", "d"), buffer.after("1", 0).stream().map(ReplayBuffer.Event::data).toList());
        assertEquals(List.of("d"), buffer.after("1", 2).stream().map(ReplayBuffer.Event::data).toList());
        assertEquals(List.of("b"), buffer.after("2", 0).stream().map(ReplayBuffer.Event::data).toList());
        assertEquals(List.of(), buffer.after("3", 0));
    }

    @Test
    void aStreamPrimesThenSendsNumberedEvents() {
        OutboundStream stream = new OutboundStream("5", new ReplayBuffer(10));
        RecordingSink sink = new RecordingSink();
        stream.attach(sink, 0);
        stream.prime(1000);
        stream.send(note(1));
        stream.complete();
        assertEquals("5-1 retry=1000 ", sink.events.get(0), "priming: an id, the retry, empty data");
        assertTrue(sink.events.get(1).startsWith("5-2 {"), sink.events.toString());
        assertTrue(sink.closed, "the stream ends with the response");
    }

    @Test
    void aDroppedConnectionLosesNothingAndResumesExactlyOnce() {
        ReplayBuffer replay = new ReplayBuffer(10);
        OutboundStream stream = new OutboundStream("3", replay);
        RecordingSink first = new RecordingSink();
        stream.attach(first, 0);
        stream.prime(500);
        stream.send(note(1));
        first.gone = true; // the client's connection died
        stream.send(note(2));
        stream.send(note(3));
        assertFalse(stream.isConnected());
        assertFalse(stream.isCompleted(), "a disconnect is not a cancellation");

        RecordingSink second = new RecordingSink();
        stream.attach(second, 2); // Last-Event-ID: 3-2, the last one the client saw
        assertEquals(2, second.events.size(), second.events.toString());
        assertTrue(second.events.get(0).startsWith("3-3 ") && second.events.get(0).contains("\"n\":2"));
        assertTrue(second.events.get(1).startsWith("3-4 ") && second.events.get(1).contains("\"n\":3"));
        stream.send(new JsonRpcMessage.Result(JsonCodec.number(1), JsonValue.EMPTY_JSON_OBJECT));
        stream.complete();
        assertEquals(3, second.events.size(), "the response arrives once, live, on the resumed connection");
        assertTrue(second.closed);
    }

    @Test
    void resumingACompletedStreamReplaysAndCloses() {
        OutboundStream stream = new OutboundStream("4", new ReplayBuffer(10));
        stream.prime(500); // nobody attached: the client never saw more than the priming event
        stream.send(new JsonRpcMessage.Result(JsonCodec.number(9), JsonValue.EMPTY_JSON_OBJECT));
        stream.complete();
        RecordingSink late = new RecordingSink();
        stream.attach(late, 1);
        assertEquals(1, late.events.size());
        assertTrue(late.events.get(0).contains("\"id\":9"));
        assertTrue(late.closed);
    }

    @Test
    void disconnectClosesTheConnectionButKeepsTheStream() {
        OutboundStream stream = new OutboundStream("6", new ReplayBuffer(10));
        RecordingSink sink = new RecordingSink();
        stream.attach(sink, 0);
        stream.disconnect();
        assertTrue(sink.closed);
        stream.send(note(1));
        assertEquals(List.of(), sink.events, "nothing goes to a closed connection");
        RecordingSink again = new RecordingSink();
        stream.attach(again, 0);
        assertEquals(1, again.events.size());
    }

    @Test
    void channelsRouteResponsesToWaitingRequestsAndCancel() {
        SessionChannel channel = new SessionChannel("s", "users", 16);
        assertEquals("0", channel.standalone().id());
        assertEquals("1", channel.newStream().id());
        assertEquals("2", channel.newStream().id());
        assertFalse(channel.complete(new JsonRpcMessage.Result(JsonCodec.string("nobody"), JsonValue.EMPTY_JSON_OBJECT)));
        var waiting = new java.util.concurrent.CompletableFuture<JsonRpcMessage>();
        channel.pending.put("\"s1\"", waiting);
        assertTrue(channel.complete(new JsonRpcMessage.Result(JsonCodec.string("s1"), JsonValue.EMPTY_JSON_OBJECT)));
        assertTrue(waiting.isDone());
    }
}
