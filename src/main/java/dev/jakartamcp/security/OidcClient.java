package dev.jakartamcp.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The chat page's side of OpenID Connect, every message built and parsed by Nimbus: the
 * authorization request (code flow with PKCE S256, state, nonce), the token requests (code and
 * refresh) and RP-initiated logout. It authenticates as a confidential client with
 * client_secret_basic, or client_secret_post when the provider lists only that.
 */
@ApplicationScoped
public class OidcClient {

    /** The provider said no: an error response, or tokens that do not validate. */
    public static class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Inject
    AuthSettings settings;

    @Inject
    IdentityProvider provider;

    @Inject
    SignInTokens tokens;

    /**
     * Where to send the browser to sign in.
     * https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
     * https://datatracker.ietf.org/doc/html/rfc7636#section-4.3
     */
    URI authorizationUri(PendingSignIn pending, URI redirectUri) {
        OIDCProviderMetadata metadata = provider.metadata();
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), Scope.parse(settings.scopes()),
                new ClientID(settings.clientId()), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(pending.state()))
                .nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /**
     * Redeems the authorization code and validates the ID token against the sign-in's nonce.
     * https://openid.net/specs/openid-connect-core-1_0.html#TokenRequest
     */
    SignedInPerson redeem(String code, PendingSignIn pending, URI redirectUri) throws Refused {
        Answer answer = tokenRequest(new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                new CodeVerifier(pending.codeVerifier())));
        if (answer.idToken() == null) {
            throw new Refused("the token response has no ID token");
        }
        return tokens.signedIn(answer.tokens(), answer.idToken(), new Nonce(pending.nonce()));
    }

    /**
     * New tokens for the same person, with the refresh token grant.
     * https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokens
     */
    SignedInPerson refresh(SignedInPerson person) throws Refused {
        if (person.refreshToken() == null) {
            throw new Refused("no refresh token was issued");
        }
        Answer answer = tokenRequest(new RefreshTokenGrant(new RefreshToken(person.refreshToken())));
        return tokens.refreshed(person, answer.tokens(), answer.idToken());
    }

    /**
     * Where to send the browser so the provider ends its session too, then sends it back to
     * {@code postLogout}; just {@code postLogout} when the provider has no end_session_endpoint.
     * https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
     */
    URI logoutUri(SignedInPerson person, URI postLogout) {
        URI endSession = provider.metadata().getEndSessionEndpointURI();
        if (endSession == null) {
            return postLogout;
        }
        JWT hint;
        try {
            hint = person.idToken() == null ? null : JWTParser.parse(person.idToken());
        } catch (java.text.ParseException e) {
            hint = null;
        }
        return new LogoutRequest(endSession, hint, null, new ClientID(settings.clientId()), postLogout, null, null).toURI();
    }

    /**
     * RFC 8693 token exchange: the person's sign-in token for an access token whose audience is
     * {@code resource}, with only {@code scopes}. The provider decides what it grants.
     * https://datatracker.ietf.org/doc/html/rfc8693#section-2.1
     */
    com.nimbusds.oauth2.sdk.token.AccessToken exchange(String subjectToken, String resource, List<String> scopes) throws Refused {
        AuthorizationGrant grant = new com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant(
                new com.nimbusds.oauth2.sdk.token.TypelessAccessToken(subjectToken),
                com.nimbusds.oauth2.sdk.token.TokenTypeURI.ACCESS_TOKEN, null, null,
                com.nimbusds.oauth2.sdk.token.TokenTypeURI.ACCESS_TOKEN,
                List.of(new com.nimbusds.oauth2.sdk.id.Audience(resource)));
        return tokenRequest(grant, new Scope(scopes.toArray(String[]::new))).tokens().getAccessToken();
    }

    private record Answer(Tokens tokens, JWT idToken) {
    }

    private Answer tokenRequest(AuthorizationGrant grant) throws Refused {
        return tokenRequest(grant, null);
    }

    private Answer tokenRequest(AuthorizationGrant grant, Scope scope) throws Refused {
        OIDCProviderMetadata metadata = provider.metadata();
        HTTPRequest request = new TokenRequest(metadata.getTokenEndpointURI(), clientAuthentication(metadata), grant, scope).toHTTPRequest();
        request.setConnectTimeout(settings.connectTimeoutMillis());
        request.setReadTimeout(settings.readTimeoutMillis());
        HTTPResponse response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw new IdentityProvider.Unreachable("The token endpoint is unreachable: " + e.getMessage(), e);
        }
        if (response.getStatusCode() >= 500) {
            throw new IdentityProvider.Unreachable("The token endpoint answered " + response.getStatusCode(), null);
        }
        TokenResponse parsed;
        try {
            parsed = OIDCTokenResponseParser.parse(response);
        } catch (ParseException e) {
            throw new IdentityProvider.Unreachable("The token endpoint answered nonsense: " + e.getMessage(), e);
        }
        if (!parsed.indicatesSuccess()) {
            TokenErrorResponse error = parsed.toErrorResponse();
            throw new Refused("the token endpoint refused: " + (error.getErrorObject() == null ? response.getStatusCode()
                    : error.getErrorObject().getCode()));
        }
        Tokens issued = parsed.toSuccessResponse().getTokens();
        JWT idToken = parsed instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens().getIDToken() : null;
        return new Answer(issued, idToken);
    }

    /** RFC 8414, section 2: a provider that lists no methods supports client_secret_basic. */
    private ClientAuthentication clientAuthentication(OIDCProviderMetadata metadata) {
        ClientID id = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret());
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        boolean postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return postOnly ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
    }
}
