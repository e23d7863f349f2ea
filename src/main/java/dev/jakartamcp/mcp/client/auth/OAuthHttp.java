package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP of the OAuth flow on the application's java.net.http client: Nimbus builds and parses
 * the messages, this class carries them. Every body is capped, every call has a timeout, and no
 * redirect is followed (a metadata or token endpoint that redirects is not trusted blindly).
 */
final class OAuthHttp {

    /** Metadata documents and token responses are small; anything bigger is refused. */
    static final int MAX_BODY = 256 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    OAuthHttp(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** GETs a JSON object; empty on any status but 200 or a body that is not a JSON object. */
    Optional<JsonObject> getJson(URI uri) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").header("MCP-Protocol-Version", "2025-11-25").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String body = read(response.body());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JsonCodec.parseObject(body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationException("interrupted", e);
        }
    }

    /** GETs a URL without following its redirect and returns where it points (for headless authorization). */
    URI location(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        read(response.body());
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
            throw new AuthorizationException("the authorization endpoint answered " + response.statusCode() + " without a redirect");
        }
        return uri.resolve(location.get());
    }

    /** Sends a request Nimbus built and hands its answer back to Nimbus. */
    HTTPResponse send(HTTPRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(timeout);
            for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
                if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                    header.getValue().forEach(v -> builder.header(header.getKey(), v));
                }
            }
            String body = request.getBody();
            builder.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            HTTPResponse out = new HTTPResponse(response.statusCode());
            response.headers().map().forEach((name, values) -> out.setHeader(name, values.toArray(String[]::new)));
            Optional<String> type = response.headers().firstValue("Content-Type");
            if (type.isPresent()) {
                try {
                    out.setContentType(type.get());
                } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                    // an unparseable type: Nimbus will refuse the body as not JSON, which is the right answer
                }
            }
            out.setBody(read(response.body()));
            return out;
        } catch (IOException e) {
            throw new AuthorizationException("cannot reach " + request.getURI() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationException("interrupted", e);
        }
    }

    private static String read(InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("body larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
