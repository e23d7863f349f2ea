package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * OAuth 2.1 for one MCP endpoint. The transport asks it for the access token of every request and
 * tells it about every 401 and 403; it discovers the authorization server, identifies the client,
 * runs the authorization code flow with PKCE (or client_credentials for a machine client), and
 * keeps the token bound to the issuer and resource it was obtained for.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */
public final class OAuthClient {

    private static final Logger LOG = Logger.getLogger(OAuthClient.class.getName());

    private final URI endpoint;
    private final TokenStore store;
    private final AuthorizationCallback callback;
    private final URI redirectUri;
    private final boolean clientCredentials;
    private final boolean wantRefreshTokens;
    private final boolean interactive;
    /** The scope the person chose to ask for (the CLI's login --scope), or null: the server's. */
    private final String chosenScope;
    /** False while a login must authorize anew whatever the store holds; true once it has. */
    private boolean useStored;
    private final Clock clock;
    private final MetadataDiscovery discovery;
    private final ClientRegistrar registrar;
    private final TokenClient tokens;
    /** Where the current token comes from and goes to; null until the first challenge. */
    private volatile Binding binding;
    /** The scopes asked for so far at this binding: a step-up asks for their union with the new ones. */
    private final Set<String> requested = new LinkedHashSet<>();

    private record Binding(String issuer, String resource, AuthorizationServerMetadata server) {
    }

    private OAuthClient(Builder b) {
        this.endpoint = b.endpoint;
        this.store = b.store;
        this.redirectUri = b.redirectUri;
        this.clientCredentials = b.clientCredentials;
        this.wantRefreshTokens = b.wantRefreshTokens;
        this.interactive = b.interactive;
        this.chosenScope = b.scope;
        this.useStored = !b.freshAuthorization;
        this.clock = b.clock;
        OAuthHttp http = new OAuthHttp(b.http, b.timeout);
        this.callback = b.callback != null ? b.callback : http::location;
        this.discovery = new MetadataDiscovery(http::getJson);
        this.registrar = new ClientRegistrar(http, b.redirectUri, b.clientMetadataUrl, b.clientName, b.clientId, b.clientSecret,
                b.signingKey != null, b.store);
        this.tokens = new TokenClient(http, b.signingKey, b.signingAlgorithm, b.clock);
    }

    public static Builder builder(String endpoint) {
        return new Builder(URI.create(endpoint));
    }

    /**
     * The token for the next request to this endpoint, refreshed when it is about to run out; null
     * before authorization. Only a token bound to this endpoint's resource is ever returned.
     */
    public synchronized String accessToken() {
        Binding b = binding;
        if (b == null) {
            return null;
        }
        Optional<StoredToken> token = store.get(b.issuer(), b.resource());
        if (token.isEmpty()) {
            return null;
        }
        StoredToken t = token.get();
        if (t.dueForRefresh(clock.instant()) && t.refreshToken() != null) {
            try {
                t = refresh(b, t);
            } catch (AuthorizationException e) {
                LOG.fine(() -> "refresh failed: " + e.getMessage());
                store.remove(b.issuer(), b.resource());
                return null;
            }
        }
        return t.accessToken();
    }

    /**
     * A 401 or 403 from the endpoint: true when a new token is ready and the request is worth
     * sending again; false when this answer is not for OAuth to fix (a 403 that is no scope
     * challenge); throws when authorization failed or was refused.
     * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling
     */
    public synchronized boolean challenged(int status, String wwwAuthenticate, String sentToken) {
        BearerChallenge challenge = BearerChallenge.parse(wwwAuthenticate);
        if (status == 403 && !challenge.insufficientScope()) {
            return false;
        }
        String current = currentToken();
        if (current != null && !current.equals(sentToken)) {
            return true; // another request already got a newer token while this one was out: try with that one
        }
        MetadataDiscovery.Discovered found = discovery.discover(endpoint, challenge);
        Binding previous = binding;
        Binding now = new Binding(found.issuer(), found.resource().resource(), found.server());
        if (previous == null || !previous.issuer().equals(now.issuer()) || !previous.resource().equals(now.resource())) {
            requested.clear(); // another authorization server or resource: nothing carries over
        }
        binding = now;
        String scope;
        if (status == 403) {
            Set<String> wanted = scopes(challenge.scope());
            if (requested.containsAll(wanted)) {
                // asking again for what was already granted would loop; the server wants something we cannot get
                throw new AuthorizationException("insufficient_scope again for scopes already requested (" + String.join(" ", wanted) + ")");
            }
            Set<String> union = new LinkedHashSet<>(requested);
            union.addAll(wanted);
            scope = String.join(" ", union);
        } else {
            Optional<StoredToken> held = useStored ? store.get(now.issuer(), now.resource()) : Optional.empty();
            if (held.isPresent() && !held.get().accessToken().equals(sentToken)) {
                return true; // a token from an earlier run, not tried yet: accessToken() hands it out (refreshed if due)
            }
            if (held.isPresent() && held.get().refreshToken() != null && !clientCredentials) {
                try {
                    refresh(now, held.get());
                    return true;
                } catch (AuthorizationException e) {
                    LOG.fine(() -> "refresh after 401 failed, authorizing again: " + e.getMessage());
                }
            }
            if (useStored) {
                store.remove(now.issuer(), now.resource()); // refused and not refreshable; a login keeps the old one until it succeeds
            }
            scope = chosenScope != null ? chosenScope : challenge.scope() != null ? challenge.scope()
                    : found.resource().scopesSupported() != null && !found.resource().scopesSupported().isEmpty()
                    ? String.join(" ", found.resource().scopesSupported()) : null;
        }
        scope = withOfflineAccess(scope, found.server());
        if (scope != null) {
            requested.addAll(scopes(scope));
        }
        if (!clientCredentials && !interactive) {
            // before any registration: a command that cannot show a browser must not leave clients behind
            throw new LoginRequiredException(endpoint.toString(), now.issuer(), status == 403 ? scope : null);
        }
        store.put(clientCredentials ? clientCredentials(now, scope) : authorizationCode(now, scope));
        useStored = true;
        return true;
    }

    private String currentToken() {
        Binding b = binding;
        return b == null ? null : store.get(b.issuer(), b.resource()).map(StoredToken::accessToken).orElse(null);
    }

    /** SEP-2207: offline_access only when the authorization server lists it. */
    private String withOfflineAccess(String scope, AuthorizationServerMetadata server) {
        Scope supported = server.getScopes();
        boolean listed = supported != null && supported.contains("offline_access");
        Set<String> out = scopes(scope);
        if (!listed) {
            out.remove("offline_access");
        } else if (wantRefreshTokens && !clientCredentials) {
            out.add("offline_access");
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    private StoredToken authorizationCode(Binding b, String scope) {
        ClientIdentity client = registrar.identity(b.issuer(), b.server());
        if (b.server().getAuthorizationEndpointURI() == null) {
            throw new AuthorizationException(b.issuer() + " publishes no authorization endpoint");
        }
        List<CodeChallengeMethod> pkce = b.server().getCodeChallengeMethods();
        if (pkce != null && !pkce.contains(CodeChallengeMethod.S256)) {
            throw new AuthorizationException(b.issuer() + " does not support PKCE S256: refused");
        }
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(client.clientId()))
                .endpointURI(b.server().getAuthorizationEndpointURI())
                .redirectionURI(redirectUri)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .resources(URI.create(b.resource()));
        if (scope != null) {
            request.scope(Scope.parse(scope));
        }
        URI redirect;
        try {
            redirect = callback.authorize(request.build().toURI());
        } catch (AuthorizationException e) {
            throw e;
        } catch (Exception e) {
            throw new AuthorizationException("authorization did not complete: " + e.getMessage(), e);
        }
        if (redirect == null) {
            throw new AuthorizationException("authorization was not completed");
        }
        String code = AuthorizationResponseCheck.code(redirect, state.getValue(), b.issuer(),
                b.server().supportsAuthorizationResponseIssuerParam());
        return tokens.request(b.server(), client, new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier),
                b.resource(), null, null);
    }

    private StoredToken clientCredentials(Binding b, String scope) {
        ClientIdentity client = registrar.identity(b.issuer(), b.server());
        return tokens.request(b.server(), client, new ClientCredentialsGrant(), b.resource(), scope, null);
    }

    private StoredToken refresh(Binding b, StoredToken held) {
        ClientIdentity client = registrar.identity(b.issuer(), b.server());
        StoredToken fresh = tokens.request(b.server(), client, new RefreshTokenGrant(new RefreshToken(held.refreshToken())),
                b.resource(), null, held);
        store.put(fresh);
        return fresh;
    }

    private static Set<String> scopes(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Reads a PKCS#8 PEM private key (EC or RSA) for private_key_jwt. */
    public static PrivateKey privateKeyFromPem(String pem, String algorithm) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PKCS#8 " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    public static final class Builder {
        private final URI endpoint;
        private TokenStore store = new InMemoryTokenStore();
        private AuthorizationCallback callback;
        private URI redirectUri = URI.create("http://127.0.0.1:33418/callback");
        private String clientMetadataUrl;
        private String clientName = "jakarta-mcp-client";
        private String clientId;
        private String clientSecret;
        private PrivateKey signingKey;
        private JWSAlgorithm signingAlgorithm = JWSAlgorithm.ES256;
        private boolean clientCredentials;
        private boolean wantRefreshTokens = true;
        private boolean interactive = true;
        private boolean freshAuthorization;
        private String scope;
        private HttpClient http;
        private Duration timeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(URI endpoint) {
            this.endpoint = endpoint;
        }

        /** Where tokens are kept (in memory by default). */
        public Builder tokenStore(TokenStore store) {
            this.store = store;
            return this;
        }

        /**
         * How the person authorizes: shown the URL, it returns the redirect. Without one, the
         * authorization URL is fetched and its redirect read (only for servers that authorize
         * without a person, as test servers do).
         */
        public Builder authorization(AuthorizationCallback callback, URI redirectUri) {
            this.callback = callback;
            this.redirectUri = redirectUri;
            return this;
        }

        public Builder redirectUri(URI redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /** The HTTPS URL of this client's metadata document, used as client_id where supported. */
        public Builder clientMetadataUrl(String url) {
            this.clientMetadataUrl = url;
            return this;
        }

        public Builder clientName(String name) {
            this.clientName = name;
            return this;
        }

        /** Pre-registered credentials; secret may be null for a public client. */
        public Builder client(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** Authenticates with a signed assertion (private_key_jwt) instead of a secret. */
        public Builder privateKeyJwt(String clientId, PrivateKey key, String algorithm) {
            this.clientId = clientId;
            this.signingKey = key;
            this.signingAlgorithm = JWSAlgorithm.parse(algorithm);
            return this;
        }

        /** A machine client: client_credentials, no person involved (the client-credentials extension). */
        public Builder clientCredentials(boolean on) {
            this.clientCredentials = on;
            return this;
        }

        /** Ask for offline_access when the server lists it (default true). */
        public Builder refreshTokens(boolean on) {
            this.wantRefreshTokens = on;
            return this;
        }

        /**
         * False: never ask a person; a server that wants a person's authorization, with no usable
         * token in the store, fails the request with {@link LoginRequiredException} (default true).
         */
        public Builder interactive(boolean on) {
            this.interactive = on;
            return this;
        }

        /** Asks for this scope on a 401 instead of the challenge's or the metadata's (a step-up still adds). */
        public Builder scope(String scope) {
            this.scope = scope == null || scope.isBlank() ? null : scope.trim();
            return this;
        }

        /**
         * True: the first challenge authorizes anew even when the store holds a token for this
         * resource (a login replaces what was there); later ones use the new token as usual.
         */
        public Builder freshAuthorization(boolean on) {
            this.freshAuthorization = on;
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public OAuthClient build() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
            }
            return new OAuthClient(this);
        }
    }
}
