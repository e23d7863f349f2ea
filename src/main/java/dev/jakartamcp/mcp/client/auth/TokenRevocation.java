package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 7009 revocation of a stored sign-in at the provider that issued it: the refresh token first
 * (which ends the provider's session for it), then the access token, each as the client they were
 * issued to. Best effort: a provider without a revocation endpoint, or one that refuses, leaves the
 * tokens to run out; the caller forgets them either way.
 */
public final class TokenRevocation {

    private TokenRevocation() {
    }

    /** What happened, in a sentence for the person: revoked, or why not. */
    public static String revoke(StoredToken token, Optional<ClientIdentity> client, HttpClient http, Duration timeout) {
        if (client.isEmpty()) {
            return "not revoked at " + token.issuer() + ": no client identity is stored for it";
        }
        OAuthHttp oauthHttp = new OAuthHttp(http, timeout);
        AuthorizationServerMetadata server;
        try {
            server = new MetadataDiscovery(oauthHttp::getJson).authorizationServer(token.issuer());
        } catch (AuthorizationException e) {
            return "not revoked at " + token.issuer() + ": " + e.getMessage();
        }
        URI endpoint = server.getRevocationEndpointURI();
        if (endpoint == null) {
            return "not revoked: " + token.issuer() + " publishes no revocation endpoint (the tokens run out by themselves)";
        }
        List<Token> tokens = new ArrayList<>();
        if (token.refreshToken() != null) {
            tokens.add(new RefreshToken(token.refreshToken()));
        }
        tokens.add(new BearerAccessToken(token.accessToken()));
        ClientIdentity id = client.get();
        for (Token t : tokens) {
            TokenRevocationRequest request = switch (id.authMethod()) {
                case "client_secret_basic" -> new TokenRevocationRequest(endpoint,
                        new ClientSecretBasic(new ClientID(id.clientId()), new Secret(id.secret())), t);
                case "client_secret_post" -> new TokenRevocationRequest(endpoint,
                        new ClientSecretPost(new ClientID(id.clientId()), new Secret(id.secret())), t);
                case "none" -> new TokenRevocationRequest(endpoint, new ClientID(id.clientId()), t);
                default -> null;
            };
            if (request == null) {
                return "not revoked at " + token.issuer() + ": the client authenticates with " + id.authMethod()
                        + ", which needs a key this command does not have";
            }
            HTTPResponse response;
            try {
                response = oauthHttp.send(request.toHTTPRequest());
            } catch (AuthorizationException e) {
                return "not revoked: " + e.getMessage();
            }
            if (response.getStatusCode() != 200) {
                return "not revoked: " + endpoint + " answered " + response.getStatusCode();
            }
        }
        return "revoked at " + token.issuer();
    }
}
