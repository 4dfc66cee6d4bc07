package dev.tradewind.platform.web;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * HS256 tokens for tests only, with a fixed test key. Deliberately not beans, so they never clash
 * with the application's own JwtEncoder/JwtDecoder.
 */
public final class TestJwts {
    private static final SecretKey KEY = new SecretKeySpec(
            "test-only-key-test-only-key-test-only-key!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    static final JwtDecoder DECODER = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
    private static final JwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableSecret<>(KEY));

    private TestJwts() {
    }

    /** A valid access token for {@code subject}; {@code tier} may be null (no claim). */
    public static String token(String subject, String tier) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(now)
                .expiresAt(now.plus(15, ChronoUnit.MINUTES));
        if (tier != null) {
            claims.claim("tier", tier);
        }
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }
}
