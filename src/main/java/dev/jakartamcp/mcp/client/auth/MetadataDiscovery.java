package dev.jakartamcp.mcp.client.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * From a 401 to the authorization server's metadata: RFC 9728 protected resource metadata (the
 * challenge's URL, then the path-suffixed and the root well-known URL), then RFC 8414 / OpenID
 * discovery of the first authorization server it names, in the spec's order. The resource the
 * metadata describes must be the MCP endpoint (or a parent of it); the AS metadata's issuer must be
 * exactly the issuer its well-known URL was made from.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-server-discovery
 */
final class MetadataDiscovery {

    /** What discovery found: the resource's metadata, the issuer chosen, that issuer's metadata. */
    record Discovered(ProtectedResourceMetadata resource, String issuer, AuthorizationServerMetadata server) {
    }

    private final Function<URI, Optional<JsonObject>> get;

    MetadataDiscovery(Function<URI, Optional<JsonObject>> get) {
        this.get = get;
    }

    Discovered discover(URI endpoint, BearerChallenge challenge) {
        ProtectedResourceMetadata prm = protectedResource(endpoint, challenge);
        String issuer;
        if (prm == null) {
            // 2025-03-26 servers publish no resource metadata: the MCP server's origin is the authorization server
            issuer = origin(endpoint);
            prm = new ProtectedResourceMetadata(endpoint.toString(), List.of(issuer), null);
        } else {
            if (!covers(prm.resource(), endpoint)) {
                throw new AuthorizationException("the protected resource metadata describes " + prm.resource()
                        + ", not " + endpoint + ": refused");
            }
            if (prm.authorizationServers().isEmpty()) {
                throw new AuthorizationException("the protected resource metadata names no authorization server");
            }
            issuer = prm.authorizationServers().get(0);
        }
        return new Discovered(prm, issuer, authorizationServer(issuer));
    }

    ProtectedResourceMetadata protectedResource(URI endpoint, BearerChallenge challenge) {
        for (URI candidate : protectedResourceCandidates(endpoint, challenge.resourceMetadata())) {
            Optional<JsonObject> json = get.apply(candidate);
            if (json.isPresent()) {
                try {
                    return ProtectedResourceMetadata.parse(json.get());
                } catch (IllegalArgumentException e) {
                    // not a usable document: the next place may have one
                }
            }
        }
        return null;
    }

    static List<URI> protectedResourceCandidates(URI endpoint, String fromHeader) {
        List<URI> out = new ArrayList<>();
        if (fromHeader != null) {
            URI header = endpoint.resolve(fromHeader);
            // only http(s): a challenge must not send the client to file: or other schemes
            if ("https".equalsIgnoreCase(header.getScheme()) || "http".equalsIgnoreCase(header.getScheme())) {
                out.add(header);
            }
        }
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        if (!path.isEmpty() && !path.equals("/")) {
            out.add(URI.create(origin(endpoint) + "/.well-known/oauth-protected-resource" + stripTrailingSlash(path)));
        }
        out.add(URI.create(origin(endpoint) + "/.well-known/oauth-protected-resource"));
        return out;
    }

    /** RFC 8414 §3.1 path insertion, then OpenID Connect Discovery both ways. */
    static List<URI> authorizationServerCandidates(String issuer) {
        URI uri = URI.create(issuer);
        String origin = origin(uri);
        String path = stripTrailingSlash(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (path.isEmpty()) {
            return List.of(URI.create(origin + "/.well-known/oauth-authorization-server"),
                    URI.create(origin + "/.well-known/openid-configuration"));
        }
        return List.of(URI.create(origin + "/.well-known/oauth-authorization-server" + path),
                URI.create(origin + "/.well-known/openid-configuration" + path),
                URI.create(origin + path + "/.well-known/openid-configuration"));
    }

    AuthorizationServerMetadata authorizationServer(String issuer) {
        for (URI candidate : authorizationServerCandidates(issuer)) {
            Optional<JsonObject> json = get.apply(candidate);
            if (json.isEmpty()) {
                continue;
            }
            AuthorizationServerMetadata metadata;
            try {
                metadata = AuthorizationServerMetadata.parse(json.get().toString());
            } catch (ParseException e) {
                throw new AuthorizationException("unusable authorization server metadata at " + candidate + ": " + e.getMessage(), e);
            }
            // RFC 8414 §3.3: simple string comparison, no normalisation
            if (!issuer.equals(metadata.getIssuer().getValue())) {
                throw new AuthorizationException("the authorization server metadata at " + candidate + " names issuer "
                        + metadata.getIssuer() + ", not " + issuer + ": refused");
            }
            return metadata;
        }
        // 2025-03-26 fallback: no metadata, the default endpoints at the issuer
        AuthorizationServerMetadata defaults = new AuthorizationServerMetadata(new Issuer(issuer));
        String base = stripTrailingSlash(issuer);
        defaults.setAuthorizationEndpointURI(URI.create(base + "/authorize"));
        defaults.setTokenEndpointURI(URI.create(base + "/token"));
        defaults.setRegistrationEndpointURI(URI.create(base + "/register"));
        return defaults;
    }

    /** RFC 9728 §3.3 and RFC 8707: the metadata's resource is the endpoint, or a parent path on the same origin. */
    static boolean covers(String resource, URI endpoint) {
        URI r;
        try {
            r = URI.create(resource);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (r.getScheme() == null || r.getHost() == null || r.getRawFragment() != null) {
            return false;
        }
        if (!origin(r).equals(origin(endpoint))) {
            return false;
        }
        String resourcePath = stripTrailingSlash(r.getRawPath() == null ? "" : r.getRawPath());
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return resourcePath.isEmpty() || path.equals(resourcePath) || path.startsWith(resourcePath + "/");
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
