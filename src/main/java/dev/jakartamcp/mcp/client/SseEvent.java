package dev.jakartamcp.mcp.client;

/**
 * One dispatched server-sent event.
 *
 * @param id    the last event id seen so far on the stream (may be null)
 * @param event the event type, "message" when none was given
 * @param retry the last reconnection delay the server asked for, or null
 */
public record SseEvent(String id, String event, String data, Long retry) {
}
