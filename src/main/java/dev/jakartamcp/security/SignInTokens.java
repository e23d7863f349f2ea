package dev.jakartamcp.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a token response into a {@link SignedInPerson}: the ID token validated by Nimbus
 * ({@link IDTokenValidator}: signature through the provider's JWKS, asymmetric algorithms only,
 * iss, aud = our client, exp, iat and the nonce), then roles from {@code auth.roles-claim} of the ID
 * token and of the access token. The access token is not ours to validate (its audience is the
 * resource it was made for); it came to us directly from the token endpoint over the provider's
 * connection, so its claims are read, not trusted for anything beyond what the ID token already says.
 * https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
@ApplicationScoped
public class SignInTokens {

    @Inject
    AuthSettings settings;

    @Inject
    IdentityProvider provider;

    SignedInPerson signedIn(Tokens tokens, JWT idToken, Nonce nonce) throws OidcClient.Refused {
        IDTokenClaimsSet claims = validate(idToken, nonce);
        return person(claims, tokens, tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
                idToken.getParsedString());
    }

    /**
     * After a refresh: a new ID token, if the provider sent one, must name the same person
     * (OpenID Connect Core 1.0, section 12.2); without one the old ID token and its roles stay.
     * A provider that rotates refresh tokens sends a new one; otherwise the old one stays valid.
     */
    SignedInPerson refreshed(SignedInPerson before, Tokens tokens, JWT idToken) throws OidcClient.Refused {
        String refreshToken = tokens.getRefreshToken() == null ? before.refreshToken() : tokens.getRefreshToken().getValue();
        if (idToken == null) {
            // the old ID token's roles (validated at sign-in) and the new access token's: a role taken away goes
            Set<String> roles = new LinkedHashSet<>(rolesOf(before.idToken()));
            roles.addAll(rolesOf(tokens.getAccessToken().getValue()));
            return new SignedInPerson(before.issuer(), before.subject(), before.name(), roles,
                    tokens.getAccessToken().getValue(), expiresAt(tokens.getAccessToken()), refreshToken, before.idToken());
        }
        IDTokenClaimsSet claims = validate(idToken, null);
        if (!claims.getSubject().getValue().equals(before.subject()) || !claims.getIssuer().getValue().equals(before.issuer())) {
            throw new OidcClient.Refused("the refreshed ID token names another person");
        }
        return person(claims, tokens, refreshToken, idToken.getParsedString());
    }

    private IDTokenClaimsSet validate(JWT idToken, Nonce nonce) throws OidcClient.Refused {
        IDTokenValidator validator = new IDTokenValidator(new Issuer(settings.issuer().orElseThrow()),
                new ClientID(settings.clientId()),
                new JWSVerificationKeySelector<>(AccessTokenVerifier.ASYMMETRIC, provider.keys()), null);
        validator.setMaxClockSkew(settings.clockSkewSeconds());
        try {
            return validator.validate(idToken, nonce);
        } catch (RemoteKeySourceException e) {
            throw new IdentityProvider.Unreachable("The identity provider's keys could not be fetched: " + e.getMessage(), e);
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcClient.Refused("the ID token is not valid: " + e.getMessage());
        }
    }

    private SignedInPerson person(IDTokenClaimsSet claims, Tokens tokens, String refreshToken, String idToken) {
        Set<String> roles = new LinkedHashSet<>(ClaimPaths.strings(claims.toJSONObject(), settings.rolesClaim()));
        roles.addAll(rolesOf(tokens.getAccessToken().getValue()));
        String subject = claims.getSubject().getValue();
        Object username = claims.getClaim("preferred_username");
        String name = username instanceof String s && !s.isBlank() ? s : subject;
        return new SignedInPerson(claims.getIssuer().getValue(), subject, name, roles, tokens.getAccessToken().getValue(),
                expiresAt(tokens.getAccessToken()), refreshToken, idToken);
    }

    private Set<String> rolesOf(String jwt) {
        Map<String, Object> claims = jwtClaims(jwt);
        return claims == null ? Set.of() : ClaimPaths.strings(claims, settings.rolesClaim());
    }

    /** The JWT's exp when the token is a JWT, else expires_in from the token response; null when neither says. */
    static Instant expiresAt(AccessToken token) {
        Map<String, Object> claims = jwtClaims(token.getValue());
        if (claims != null && claims.get("exp") instanceof Date exp) {
            return exp.toInstant();
        }
        return token.getLifetime() > 0 ? Instant.now().plusSeconds(token.getLifetime()) : null;
    }

    private static Map<String, Object> jwtClaims(String token) {
        if (token == null) {
            return null;
        }
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getClaims();
        } catch (java.text.ParseException e) {
            return null; // opaque: nothing to read
        }
    }
}
