package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the client is at an authorization server, in the spec's order: its Client ID Metadata Document
 * URL when the server supports those, pre-registered credentials, else RFC 7591 Dynamic Client
 * Registration. Identities are kept per issuer and never offered to another issuer; a persistent
 * token store remembers them across runs, so a later command refreshes as the client that logged in.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#client-registration-approaches
 */
final class ClientRegistrar {

    private final OAuthHttp http;
    private final URI redirectUri;
    private final String clientMetadataUrl;
    private final String clientName;
    private final String preRegisteredId;
    private final String preRegisteredSecret;
    private final boolean privateKeyJwt;
    private final TokenStore store;
    private final Map<String, ClientIdentity> byIssuer = new ConcurrentHashMap<>();

    ClientRegistrar(OAuthHttp http, URI redirectUri, String clientMetadataUrl, String clientName,
                    String preRegisteredId, String preRegisteredSecret, boolean privateKeyJwt, TokenStore store) {
        this.http = http;
        this.redirectUri = redirectUri;
        this.clientMetadataUrl = clientMetadataUrl;
        this.clientName = clientName;
        this.preRegisteredId = preRegisteredId;
        this.preRegisteredSecret = preRegisteredSecret;
        this.privateKeyJwt = privateKeyJwt;
        this.store = store;
    }

    ClientIdentity identity(String issuer, AuthorizationServerMetadata server) {
        ClientIdentity known = byIssuer.get(issuer);
        if (known != null) {
            return known;
        }
        ClientIdentity identity;
        Optional<ClientIdentity> remembered = preRegisteredId == null ? store.client(issuer) : Optional.empty();
        if (remembered.isPresent()) {
            // registered by an earlier run (a login): its refresh tokens only work for this same client
            identity = remembered.get();
        } else if (clientMetadataUrl != null && Boolean.TRUE.equals(server.getCustomParameter("client_id_metadata_document_supported"))
                && preRegisteredId == null) {
            identity = new ClientIdentity(issuer, clientMetadataUrl, null, "none");
        } else if (preRegisteredId != null) {
            identity = new ClientIdentity(issuer, preRegisteredId, preRegisteredSecret,
                    privateKeyJwt ? "private_key_jwt" : authMethod(server, preRegisteredSecret != null));
        } else if (server.getRegistrationEndpointURI() != null) {
            identity = register(issuer, server);
        } else {
            throw new AuthorizationException("no way to identify this client to " + issuer
                    + ": it supports neither client metadata documents nor dynamic registration, and no client id is configured");
        }
        byIssuer.put(issuer, identity);
        store.putClient(identity);
        return identity;
    }

    /** Forgets the identity at an issuer (the server no longer knows it). */
    void forget(String issuer) {
        byIssuer.remove(issuer);
    }

    /** The method the server lists that fits the credentials: a secret goes in Basic first, then the body. */
    static String authMethod(AuthorizationServerMetadata server, boolean hasSecret) {
        List<ClientAuthenticationMethod> listed = server.getTokenEndpointAuthMethods();
        // RFC 8414 §2: absent means client_secret_basic
        Set<String> methods = listed == null ? Set.of("client_secret_basic")
                : Set.copyOf(listed.stream().map(ClientAuthenticationMethod::getValue).toList());
        if (!hasSecret) {
            return "none";
        }
        if (methods.contains("client_secret_basic")) {
            return "client_secret_basic";
        }
        if (methods.contains("client_secret_post")) {
            return "client_secret_post";
        }
        return methods.contains("none") ? "none" : "client_secret_basic";
    }

    private ClientIdentity register(String issuer, AuthorizationServerMetadata server) {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setRedirectionURI(redirectUri);
        metadata.setName(clientName);
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setResponseTypes(Set.of(ResponseType.CODE));
        List<ClientAuthenticationMethod> listed = server.getTokenEndpointAuthMethods();
        List<String> methods = listed == null ? List.of("client_secret_basic") : listed.stream().map(ClientAuthenticationMethod::getValue).toList();
        String wanted = methods.contains("none") ? "none" : methods.contains("client_secret_basic") ? "client_secret_basic"
                : methods.contains("client_secret_post") ? "client_secret_post" : "none";
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.parse(wanted));
        // SEP-837: a command-line or desktop client is a native application
        metadata.setCustomField("application_type", "native");
        ClientRegistrationRequest request = new ClientRegistrationRequest(server.getRegistrationEndpointURI(), metadata, null);
        ClientRegistrationResponse response;
        try {
            response = ClientRegistrationResponse.parse(http.send(request.toHTTPRequest()));
        } catch (ParseException e) {
            throw new AuthorizationException("unusable registration response from " + issuer + ": " + e.getMessage(), e);
        }
        if (response instanceof ClientRegistrationErrorResponse error) {
            throw new AuthorizationException("client registration at " + issuer + " failed: " + error.getErrorObject());
        }
        ClientInformation info = ((com.nimbusds.oauth2.sdk.client.ClientInformationResponse) response).getClientInformation();
        String secret = info.getSecret() == null ? null : info.getSecret().getValue();
        ClientAuthenticationMethod granted = info.getMetadata().getTokenEndpointAuthMethod();
        String method = granted != null ? granted.getValue() : authMethod(server, secret != null);
        return new ClientIdentity(issuer, info.getID().getValue(), secret, method);
    }
}
