package dev.jakartamcp.mcp.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }

    @Test
    void joinsMultiLineData() {
        feed("data: first\ndata: second\ndata:third\n\n");
        assertEquals(1, events.size());
        assertEquals("first\nsecond\nthird", events.get(0).data());
    }

    @Test
    void readsIdEventAndRetry() {
        feed("id: 7-3\nevent: message\nretry: 500\ndata: {}\n\n");
        SseEvent e = events.get(0);
        assertEquals("7-3", e.id());
        assertEquals("message", e.event());
        assertEquals(500L, e.retry());
        assertEquals("7-3", parser.lastEventId());
        feed("event: custom\ndata: x\n\n");
        assertEquals("custom", events.get(1).event());
        assertEquals("7-3", events.get(1).id(), "the last id carries over");
    }

    @Test
    void invalidRetryIsIgnored() {
        feed("retry: soon\ndata: x\n\n");
        assertNull(events.get(0).retry());
    }

    @Test
    void skipsComments() {
        feed(": keep-alive\n:\ndata: real\n: another\n\n");
        assertEquals(List.of("real"), events.stream().map(SseEvent::data).toList());
    }

    @Test
    void acceptsCrLfLfAndCrLineEndings() {
        feed("data: a\r\n\r\ndata: b\n\ndata: c\r\rdata: d\r\n");
        feed("\r\n");
        assertEquals(List.of("a", "b", "c", "d"), events.stream().map(SseEvent::data).toList());
    }

    @Test
    void aCrLfSplitAcrossChunksIsOneLineEnd() {
        feed("data: a\r");
        feed("\ndata: b\r");
        feed("\n\r");
        feed("\n");
        assertEquals(List.of("a\nb"), events.stream().map(SseEvent::data).toList());
    }

    @Test
    void utf8CharactersSplitAcrossChunksSurvive() {
        byte[] bytes = "data: żółw 🐢 日本\n\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1); // one byte at a time splits every multi-byte character
        }
        assertEquals("żółw 🐢 日本", events.get(0).data());
    }

    @Test
    void primingEventsWithoutDataAreNotDispatchedButTheirIdCounts() {
        feed("id: 1-1\nretry: 1000\n\n");
        assertEquals(List.of(), events);
        assertEquals("1-1", parser.lastEventId());
        assertEquals(1000L, parser.retry());
        feed("id: 1-2\ndata:\n\n");
        assertEquals("", events.get(0).data(), "an empty data line is an event with empty data");
    }

    @Test
    void doneMarkersAreJustData() {
        feed("data: {\"jsonrpc\":\"2.0\"}\n\ndata: [DONE]\n\n");
        assertEquals(List.of("{\"jsonrpc\":\"2.0\"}", "[DONE]"), events.stream().map(SseEvent::data).toList(),
                "the parser reports it; the transport ignores it");
    }

    @Test
    void anUnfinishedEventIsNotDispatched() {
        feed("data: partial");
        assertEquals(List.of(), events);
    }

    @Test
    void fieldWithoutColonAndByteOrderMark() {
        feed("\uFEFFdata\n\n");
        assertEquals(List.of(""), events.stream().map(SseEvent::data).toList());
    }

    @Test
    void aLineAtTheLimitPassesOneByteMoreEndsTheStream() {
        SseParser small = new SseParser(events::add, 16, 1024);
        byte[] fits = ("data: " + "x".repeat(10) + "\n\n").getBytes(StandardCharsets.UTF_8); // a 16-byte line
        small.feed(fits, 0, fits.length);
        assertEquals("x".repeat(10), events.get(0).data());
        byte[] tooLong = ("data: " + "x".repeat(11)).getBytes(StandardCharsets.UTF_8);
        SseLimitException e = assertThrows(SseLimitException.class, () -> small.feed(tooLong, 0, tooLong.length));
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
        byte[] more = "\n\ndata: y\n\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(SseLimitException.class, () -> small.feed(more, 0, more.length), "a broken stream stays broken");
        assertEquals(1, events.size());
    }

    @Test
    void aLineWithoutEndIsBoundedEvenWhenFedByteByByte() {
        SseParser small = new SseParser(events::add, 64, 1024);
        byte[] one = {'a'};
        assertThrows(SseLimitException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                small.feed(one, 0, 1);
            }
        });
    }

    @Test
    void anEventsDataIsBoundedAcrossItsLinesInBytes() {
        SseParser small = new SseParser(events::add, 1024, 20);
        byte[] fits = "data: 0123456789\ndata: 012345678\n\n".getBytes(StandardCharsets.UTF_8); // 11 + 10 = 21 > 20
        assertThrows(SseLimitException.class, () -> small.feed(fits, 0, fits.length));
        assertEquals(List.of(), events);

        SseParser next = new SseParser(events::add, 1024, 20);
        byte[] ok = "data: 0123456789\ndata: 01234567\n\ndata: 0123456789\ndata: 01234567\n\n".getBytes(StandardCharsets.UTF_8);
        next.feed(ok, 0, ok.length);
        assertEquals(2, events.size(), "the budget is per event: 20 bytes each");

        SseParser utf8 = new SseParser(events::add, 1024, 20);
        byte[] wide = "data: żżżżżżżżżż\n\n".getBytes(StandardCharsets.UTF_8); // 10 characters, 20 bytes, + newline
        assertThrows(SseLimitException.class, () -> utf8.feed(wide, 0, wide.length), "counted in bytes, not characters");
    }

    @Test
    void theDefaultsAreOneMebibyteALineAndEightAnEvent() {
        assertEquals(1024 * 1024, SseParser.DEFAULT_MAX_LINE_BYTES);
        assertEquals(8 * 1024 * 1024, SseParser.DEFAULT_MAX_EVENT_BYTES);
        byte[] line = ("data: " + "x".repeat(SseParser.DEFAULT_MAX_LINE_BYTES)).getBytes(StandardCharsets.UTF_8);
        assertThrows(SseLimitException.class, () -> parser.feed(line, 0, line.length));
    }
}
