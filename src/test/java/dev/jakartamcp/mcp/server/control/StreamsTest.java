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

/** The event-id scheme, the byte-bounded replay per stream, and resumable streams. */
class StreamsTest {

    /** Records what a connection received and writes it at once; can be made to fail like a client that left. */
    static final class RecordingSink implements EventSink {
        final List<String> events = new ArrayList<>();
        boolean gone;
        boolean closed;
        boolean aborted;

        @Override
        public boolean offer(String id, String data, Runnable onWritten) {
            if (gone || closed) {
                return false;
            }
            events.add(id + " " + data);
            if (onWritten != null) {
                onWritten.run();
            }
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void abort() {
            aborted = true;
            closed = true;
        }
    }

    private static ReplayBudget budget(long stream, long session, long total) {
        return new ReplayBudget(new ReplayBudget.Limits(stream, session, total, 60_000));
    }

    private static SessionChannel channel(ReplayBudget budget) {
        return new SessionChannel("s", "users", budget, new TokenBucket(0, 1));
    }

    private static JsonRpcMessage note(int n) {
        return new JsonRpcMessage.Notification("notifications/message", JsonCodec.object().add("n", n).build());
    }

    private static JsonRpcMessage big(int n, int size) {
        return new JsonRpcMessage.Notification("notifications/message", JsonCodec.object().add("n", n)
                .add("pad", "x".repeat(size)).build());
    }

    private static JsonRpcMessage result(int id) {
        return new JsonRpcMessage.Result(JsonCodec.number(id), JsonValue.EMPTY_JSON_OBJECT);
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
    void aStreamPrimesThenSendsNumberedEvents() {
        OutboundStream stream = channel(budget(10_000, 10_000, 10_000)).newStream();
        assertEquals("1-1", stream.nextPrimingId(), "the priming event takes the first id");
        RecordingSink sink = new RecordingSink();
        stream.attach(sink, 0);
        stream.send(note(1));
        stream.complete();
        assertTrue(sink.events.get(0).startsWith("1-2 {"), sink.events.toString());
        assertTrue(sink.closed, "the stream ends with the response");
    }

    @Test
    void aDroppedConnectionLosesNothingAndResumesExactlyOnce() {
        OutboundStream stream = channel(budget(10_000, 10_000, 10_000)).newStream();
        RecordingSink first = new RecordingSink();
        stream.nextPrimingId();
        stream.attach(first, 0);
        stream.send(note(1));
        first.gone = true; // the client's connection died
        stream.send(note(2));
        stream.send(note(3));
        assertFalse(stream.isConnected());
        assertFalse(stream.isCompleted(), "a disconnect is not a cancellation");

        RecordingSink second = new RecordingSink();
        assertEquals(OutboundStream.Resume.ATTACHED, stream.attach(second, 2)); // Last-Event-ID: 1-2, the last one seen
        assertEquals(2, second.events.size(), second.events.toString());
        assertTrue(second.events.get(0).startsWith("1-3 ") && second.events.get(0).contains("\"n\":2"));
        assertTrue(second.events.get(1).startsWith("1-4 ") && second.events.get(1).contains("\"n\":3"));
        stream.send(result(1));
        stream.complete();
        assertEquals(3, second.events.size(), "the response arrives once, live, on the resumed connection");
        assertTrue(second.closed);
    }

    @Test
    void aStreamKeepsAtMostItsByteBudgetAndSaysWhenAResumeIsTooLate() {
        SessionChannel channel = channel(budget(1_000, 100_000, 100_000));
        OutboundStream stream = channel.newStream();
        stream.nextPrimingId();
        for (int n = 1; n <= 20; n++) {
            stream.send(big(n, 200)); // nobody connected: everything would be kept, but only about 1 KB is
        }
        assertTrue(channel.keptBytes() <= 1_000, "kept " + channel.keptBytes());
        assertFalse(stream.canResumeAfter(1), "the early events are gone, and a resume must be told");
        assertEquals(OutboundStream.Resume.GONE, stream.attach(new RecordingSink(), 1));
        assertTrue(stream.canResumeAfter(20), "the newest are still there");
        RecordingSink late = new RecordingSink();
        assertEquals(OutboundStream.Resume.ATTACHED, stream.attach(late, 20));
        assertEquals(1, late.events.size());
    }

    @Test
    void aBusyStreamNeverEvictsAnotherStreamsUndeliveredResponse() {
        SessionChannel channel = channel(budget(2_000, 3_000, 100_000));
        OutboundStream quiet = channel.newStream();
        quiet.nextPrimingId();
        quiet.send(result(7)); // its client dropped before reading it
        quiet.complete();
        OutboundStream busy = channel.newStream();
        busy.nextPrimingId();
        for (int n = 1; n <= 100; n++) {
            busy.send(big(n, 300));
        }
        assertTrue(channel.keptBytes() <= 3_000);
        RecordingSink resumed = new RecordingSink();
        assertEquals(OutboundStream.Resume.ATTACHED, quiet.attach(resumed, 1));
        assertEquals(1, resumed.events.size(), "the final response survived the burst");
        assertTrue(resumed.events.get(0).contains("\"id\":7"));
    }

    @Test
    void aDeliveredCompletedStreamKeepsOnlyItsResponseAndLeavesAfterRetention() throws InterruptedException {
        ReplayBudget budget = new ReplayBudget(new ReplayBudget.Limits(10_000, 10_000, 10_000, 20));
        SessionChannel channel = channel(budget);
        OutboundStream stream = channel.newStream();
        stream.nextPrimingId();
        RecordingSink sink = new RecordingSink();
        stream.attach(sink, 0);
        stream.send(note(1));
        stream.send(note(2));
        stream.send(result(3));
        stream.complete();
        long oneEvent = channel.keptBytes();
        assertTrue(oneEvent > 0 && oneEvent < 200, "only the response is kept: " + oneEvent);
        Thread.sleep(40);
        channel.newStream(); // expires completed streams past retention
        assertTrue(channel.stream(stream.id()).isEmpty(), "the finished stream left the session");
        assertEquals(0, budget.used(), "and gave its bytes back");
    }

    @Test
    void theNodeBudgetHoldsAcrossSessionsAndClosingGivesItBack() {
        ReplayBudget budget = budget(10_000, 10_000, 1_500);
        SessionChannel a = channel(budget);
        SessionChannel b = channel(budget);
        OutboundStream sa = a.newStream();
        OutboundStream sb = b.newStream();
        for (int n = 1; n <= 10; n++) {
            sa.send(big(n, 200));
            sb.send(big(n, 200));
        }
        assertTrue(budget.used() <= 1_500, "used " + budget.used());
        a.close();
        b.close();
        assertEquals(0, budget.used());
    }

    @Test
    void resumingACompletedStreamReplaysAndCloses() {
        OutboundStream stream = channel(budget(10_000, 10_000, 10_000)).newStream();
        stream.nextPrimingId(); // nobody attached: the client never saw more than the priming event
        stream.send(result(9));
        stream.complete();
        RecordingSink late = new RecordingSink();
        stream.attach(late, 1);
        assertEquals(1, late.events.size());
        assertTrue(late.events.get(0).contains("\"id\":9"));
        assertTrue(late.closed);
    }

    @Test
    void aNewerConnectionReplacesTheOlder() {
        OutboundStream stream = channel(budget(10_000, 10_000, 10_000)).standalone();
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        stream.attach(first, Long.MAX_VALUE);
        stream.attach(second, Long.MAX_VALUE);
        assertTrue(first.aborted);
        stream.send(note(1));
        assertEquals(List.of(), first.events);
        assertEquals(1, second.events.size());
    }

    @Test
    void channelsRouteResponsesCountRequestsAndCapWaitingQuestions() {
        SessionChannel channel = channel(budget(10_000, 10_000, 10_000));
        assertEquals("0", channel.standalone().id());
        assertEquals("1", channel.newStream().id());
        assertEquals("2", channel.newStream().id());
        assertFalse(channel.complete(new JsonRpcMessage.Result(JsonCodec.string("nobody"), JsonValue.EMPTY_JSON_OBJECT)));
        var waiting = new java.util.concurrent.CompletableFuture<JsonRpcMessage>();
        assertTrue(channel.addPending("\"s1\"", waiting, 1));
        assertFalse(channel.addPending("\"s2\"", new java.util.concurrent.CompletableFuture<>(), 1), "one question at most");
        assertEquals(SessionChannel.Admission.TOO_MANY_WAITING, channel.admit(4, 1));
        assertTrue(channel.complete(new JsonRpcMessage.Result(JsonCodec.string("s1"), JsonValue.EMPTY_JSON_OBJECT)));
        assertTrue(waiting.isDone());
        assertEquals(SessionChannel.Admission.ADMITTED, channel.admit(1, 1));
        assertEquals(SessionChannel.Admission.TOO_MANY_REQUESTS, channel.admit(1, 1));
        channel.release();
        assertEquals(SessionChannel.Admission.ADMITTED, channel.admit(1, 1));
        assertTrue(channel.subscribe("users://1", 1));
        assertFalse(channel.subscribe("users://2", 1), "subscriptions are capped");
        channel.close();
        assertEquals(SessionChannel.Admission.CLOSED, channel.admit(1, 1));
    }

    @Test
    void aSessionKeepsABoundedNumberOfFinishedStreams() {
        SessionChannel channel = channel(budget(10_000, 10_000, 10_000));
        OutboundStream running = channel.newStream();
        for (int i = 0; i < 1_000; i++) {
            channel.newStream().complete();
        }
        assertTrue(channel.streamCount() <= SessionChannel.MAX_FINISHED_STREAMS + 2, "kept " + channel.streamCount());
        assertTrue(channel.stream(running.id()).isPresent(), "a running stream is never dropped");
    }

    @Test
    void aTokenBucketRefusesPastItsBurst() {
        TokenBucket bucket = new TokenBucket(1, 3);
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        assertTrue(bucket.secondsUntilNext() >= 1);
    }
}
