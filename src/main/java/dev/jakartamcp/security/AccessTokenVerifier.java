package dev.jakartamcp.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Validates a bearer access token (a JWT) for our MCP resource, all of it by Nimbus JOSE+JWT:
 * the signature through the provider's JWKS, asymmetric algorithms only (so {@code none} and an
 * HMAC made with the public key as secret are refused), {@code typ} at+jwt (RFC 9068) or JWT,
 * {@code iss} exactly the configured issuer, {@code aud} containing our resource (RFC 8707),
 * {@code exp} and {@code nbf} with a small clock skew.
 * https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-handling
 */
@ApplicationScoped
public class AccessTokenVerifier {

    /** RFC 6750 "invalid_token": the request should be retried with another token. */
    public static class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }

    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    @Inject
    AuthSettings settings;

    @Inject
    IdentityProvider provider;

    /**
     * @throws InvalidToken                  the token is not valid here
     * @throws IdentityProvider.Unreachable the keys could not be fetched, so nothing can be decided
     */
    public VerifiedToken verify(String token, String resource) throws InvalidToken {
        String issuer = settings.issuer().orElseThrow();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, provider.keys()));
        // mutable sets: Nimbus asks them whether they contain null, which Set.of answers with an NPE
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(new HashSet<>(Set.of(resource)),
                new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(Set.of("sub", "exp")), null);
        claims.setMaxClockSkew(settings.clockSkewSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet verified;
        try {
            verified = processor.process(token, null);
        } catch (RemoteKeySourceException e) {
            throw new IdentityProvider.Unreachable("The identity provider's keys could not be fetched: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new InvalidToken("The token is not a JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidToken(e.getMessage());
        }
        String name = claimText(verified, "preferred_username");
        return new VerifiedToken(issuer, verified.getSubject(), name == null ? verified.getSubject() : name,
                new HashSet<>(ClaimPaths.strings(verified.getClaims(), settings.rolesClaim())),
                ClaimPaths.scopes(verified), verified.getExpirationTime().toInstant());
    }

    private static String claimText(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }
}
