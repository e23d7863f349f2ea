package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;

/**
 * Token endpoint requests (code exchange, refresh, client_credentials), each with the RFC 8707
 * resource and the client authentication its identity calls for.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#resource-parameter-implementation
 */
final class TokenClient {

    private final OAuthHttp http;
    private final PrivateKey signingKey;
    private final JWSAlgorithm signingAlgorithm;
    private final Clock clock;

    TokenClient(OAuthHttp http, PrivateKey signingKey, JWSAlgorithm signingAlgorithm, Clock clock) {
        this.http = http;
        this.signingKey = signingKey;
        this.signingAlgorithm = signingAlgorithm;
        this.clock = clock;
    }

    StoredToken request(AuthorizationServerMetadata server, ClientIdentity client, AuthorizationGrant grant,
                        String resource, String scope, StoredToken previous) {
        URI endpoint = server.getTokenEndpointURI();
        if (endpoint == null) {
            throw new AuthorizationException(client.issuer() + " publishes no token endpoint");
        }
        TokenRequest.Builder builder = switch (client.authMethod()) {
            case "client_secret_basic" -> new TokenRequest.Builder(endpoint,
                    new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())), grant);
            case "client_secret_post" -> new TokenRequest.Builder(endpoint,
                    new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.secret())), grant);
            case "private_key_jwt" -> new TokenRequest.Builder(endpoint, privateKeyJwt(client), grant);
            default -> new TokenRequest.Builder(endpoint, new ClientID(client.clientId()), grant);
        };
        builder.resources(URI.create(resource));
        if (scope != null) {
            builder.scope(Scope.parse(scope));
        }
        TokenResponse response;
        try {
            response = TokenResponse.parse(http.send(builder.build().toHTTPRequest()));
        } catch (ParseException e) {
            throw new AuthorizationException("unusable token response from " + client.issuer() + ": " + e.getMessage(), e);
        }
        if (response instanceof TokenErrorResponse error) {
            throw new AuthorizationException("the token endpoint of " + client.issuer() + " refused: " + error.getErrorObject());
        }
        Tokens tokens = ((AccessTokenResponse) response).getTokens();
        long lifetime = tokens.getAccessToken().getLifetime();
        RefreshToken refresh = tokens.getRefreshToken();
        Scope granted = tokens.getAccessToken().getScope();
        return new StoredToken(client.issuer(), resource, tokens.getAccessToken().getValue(),
                refresh != null ? refresh.getValue() : previous != null ? previous.refreshToken() : null,
                lifetime > 0 ? clock.instant().plusSeconds(lifetime) : null,
                granted != null ? granted.toString() : scope);
    }

    /** RFC 7523 client assertion: iss and sub the client id, aud the authorization server's issuer. */
    private PrivateKeyJWT privateKeyJwt(ClientIdentity client) {
        if (signingKey == null) {
            throw new AuthorizationException("private_key_jwt needs a signing key");
        }
        try {
            return new PrivateKeyJWT(new JWTAuthenticationClaimsSet(new ClientID(client.clientId()), new Audience(client.issuer())),
                    signingAlgorithm, signingKey, null, null);
        } catch (JOSEException e) {
            throw new AuthorizationException("cannot sign the client assertion: " + e.getMessage(), e);
        }
    }
}
