package dev.jakartamcp.it;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chat API over real HTTP, reading the message stream event by event. */
final class ChatApi {

    record Event(String name, JsonObject data, long atMillis) {
    }

    final HttpClient http = HttpClient.newHttpClient();
    final URI base;
    /** The signed-in person's session cookie, or null without identity. */
    final String cookie;

    ChatApi(URI base) {
        this(base, null);
    }

    ChatApi(URI base, String cookie) {
        this.base = base;
        this.cookie = cookie;
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(withCookie(b).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String newConversation() {
        HttpResponse<String> r = call("POST", "api/conversations", "{}");
        assertEquals(201, r.statusCode(), r.body());
        return RawMcp.json(r.body()).asJsonObject().getString("id");
    }

    List<Event> send(String conversation, String text) {
        return send(conversation, text, e -> null);
    }

    /**
     * Sends a message and reads its events until done. {@code answerer} turns an elicitation event
     * into the JSON body to answer it with, or null to leave it unanswered.
     */
    List<Event> send(String conversation, String text, Function<JsonObject, String> answerer) {
        return send(conversation, text, answerer, e -> { });
    }

    /** The same, telling {@code onEvent} of each event as it arrives. */
    List<Event> send(String conversation, String text, Function<JsonObject, String> answerer,
                     java.util.function.Consumer<Event> onEvent) {
        return stream("api/conversations/" + conversation + "/messages", dev.jakartamcp.mcp.protocol.JsonCodec.write(
                        dev.jakartamcp.mcp.protocol.JsonCodec.object().add("content", text).build()),
                "api/conversations/" + conversation + "/elicitations/", answerer, onEvent);
    }

    /**
     * POSTs {@code body} asking for an event stream and reads it to its end. {@code answerer} turns an
     * elicitation event into the JSON body posted to {@code answers + id}, or null to leave it unanswered.
     */
    List<Event> stream(String path, String body, String answers, Function<JsonObject, String> answerer,
                       java.util.function.Consumer<Event> onEvent) {
        HttpRequest request = withCookie(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))).build();
        List<Event> events = new ArrayList<>();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            String name = "message";
            StringBuilder data = new StringBuilder();
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                } else if (line.isEmpty() && data.length() > 0) {
                    Event event = new Event(name, RawMcp.json(data.toString()).asJsonObject(), System.currentTimeMillis());
                    events.add(event);
                    onEvent.accept(event);
                    String answer = name.equals("elicitation") ? answerer.apply(event.data()) : null;
                    if (answer != null) { // null: leave the question unanswered
                        assertEquals(204, call("POST", answers + event.data().getString("id"), answer).statusCode());
                    }
                    name = "message";
                    data.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    static String text(List<Event> events) {
        StringBuilder out = new StringBuilder();
        events.stream().filter(e -> e.name().equals("delta")).forEach(e -> out.append(e.data().getString("text")));
        return out.toString();
    }

    static List<Event> named(List<Event> events, String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }
}
