package dev.jakartamcp.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity on, with an identity provider that is not there: clear answers, no stack traces to the person. */
@ExtendWith(ArquillianExtension.class)
class ChatSignInUnreachableIT {

    /** A loopback port nobody listens on. */
    static final int NOBODY = freePort();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWarWithConfig("auth.issuer=http://127.0.0.1:" + NOBODY + "/realms/gone\n"
                + "auth.client-id=chat\nauth.client-secret=secret\n");
    }

    @ArquillianResource
    URL deployed;

    @Test
    void signInSaysTheProviderIsUnreachableAndTheApiStill401s() throws Exception {
        URI base = Deployments.localBase(deployed);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int attempt = 0; attempt < 2; attempt++) { // the second within the discovery back-off: the same answer
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("auth/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, login.statusCode(), login.body());
            assertTrue(login.body().contains("Identity provider unreachable"), login.body());
            assertFalse(login.body().contains("Exception") || login.body().contains("at dev."), "no stack trace: " + login.body());
            assertTrue(login.headers().firstValue("Location").isEmpty());
        }
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(base.resolve("api/conversations")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), api.body());
        JsonObject body = RawMcp.json(api.body()).asJsonObject();
        assertEquals("/auth/login", body.getString("login"));
        // a callback nobody started is refused before anything is asked of the provider
        HttpResponse<String> callback = http.send(HttpRequest.newBuilder(base.resolve("auth/callback?code=x&state=y")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, callback.statusCode(), callback.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
