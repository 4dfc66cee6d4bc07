package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Session;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

/** The per-user channels: in-band auth with real access tokens, isolation between users, token expiry. */
class PrivateChannelsIT extends StreamsIntegrationTest {
    @Autowired
    JwtEncoder jwtEncoder;

    @Autowired
    JdbcTemplate jdbc;

    private static Session alice; // registered once: BCrypt makes each registration cost a second
    private static Session bob;
    private TestApi api;

    @BeforeEach
    void users() {
        api = new TestApi(port);
        if (alice == null) {
            alice = api.newTrader();
            bob = api.newTrader();
        }
    }

    @Test
    void privateChannelsNeedAuthFirst() {
        String symbol = freshSymbol();
        WsClient client = connect();
        client.send(Map.of("op", "subscribe", "channels", List.of("orders", "ticker:" + symbol, "balances")));
        assertThat(client.expectError(StreamErrorCodes.UNAUTHORIZED).get("channel").asString()).isEqualTo("orders");
        assertThat(client.expectError(StreamErrorCodes.UNAUTHORIZED).get("channel").asString()).isEqualTo("balances");
        assertThat(client.expectOp("subscribed").get("channels").toString()).isEqualTo("[\"ticker:" + symbol + "\"]");
    }

    @Test
    void invalidTokensAreRefusedAndAudited() throws Exception {
        Session trader = alice;
        String uid = trader.userId().toString();
        Instant now = Instant.now();
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Map<String, String> bad = Map.of(
                "garbage", "not.a.jwt",
                "tampered", tamper(trader.accessToken()),
                "wrong key", signWith(otherKey, claims(uid, now.plusSeconds(600))),
                "alg none", new PlainJWT(claims(uid, now.plusSeconds(600))).serialize(),
                "expired", mint(trader.userId(), now.minusSeconds(3600), now.minusSeconds(600)),
                "expired within the decoder's clock skew", mint(trader.userId(), now.minusSeconds(600), now.minusSeconds(5)));
        int audited = failedWsAuthentications();
        for (Map.Entry<String, String> token : bad.entrySet()) {
            WsClient client = connect();
            client.send(Map.of("op", "auth", "token", token.getValue(), "id", token.getKey()));
            JsonNode error = client.expectError(StreamErrorCodes.UNAUTHORIZED);
            assertThat(error.get("id").asString()).isEqualTo(token.getKey());
            assertThat(error.get("message").asString()).doesNotContain(token.getValue());
            client.send(Map.of("op", "subscribe", "channels", List.of("orders")));
            client.expectError(StreamErrorCodes.UNAUTHORIZED);
            client.close();
        }
        assertThat(failedWsAuthentications() - audited).isEqualTo(bad.size());

        WsClient client = connect();
        for (int attempt = 1; attempt < 5; attempt++) {
            client.send(Map.of("op", "auth", "token", "not.a.jwt"));
            client.expectError(StreamErrorCodes.UNAUTHORIZED);
        }
        client.send(Map.of("op", "auth", "token", "not.a.jwt"));
        WsClient.Closed[] closed = new WsClient.Closed[1];
        assertThat(client.untilClosed(closed)).singleElement()
                .satisfies(m -> assertThat(m.get("code").asString()).isEqualTo(StreamErrorCodes.UNAUTHORIZED));
        assertThat(closed[0]).as("the fifth failure closes").isEqualTo(new WsClient.Closed(1008, StreamErrorCodes.UNAUTHORIZED));

        // control: the real token works
        client = connect();
        client.send(Map.of("op", "auth", "token", trader.accessToken()));
        assertThat(client.expectOp("authenticated").get("userId").asString()).isEqualTo(uid);
        client.subscribe("orders");
    }

    @Test
    void eachUserReceivesOnlyTheirOwnMessages() {
        WsClient aliceWeb = authenticated(alice);
        WsClient aliceApp = authenticated(alice);
        WsClient bobWeb = authenticated(bob);
        List<JsonNode> snapshot = subscribePrivate(aliceWeb, "orders", "balances");
        assertThat(snapshot.get(0).get("data").isArray()).as("no open orders").isTrue();
        assertThat(snapshot.get(0).get("data")).isEmpty();
        assertThat(snapshot.get(1).get("data").valueStream().map(b -> b.get("asset").asString())).contains("USD");
        subscribePrivate(aliceApp, "orders");
        subscribePrivate(bobWeb, "orders", "balances");

        publisher.publishToUser(alice.userId(), "orders", Map.of("orderId", "a1"));
        publisher.publishToUser(bob.userId(), "orders", Map.of("orderId", "b1"));
        publisher.publishToUser(bob.userId(), "balances", "USD", Map.of("total", "5.00"));
        publisher.publishToUser(UUID.randomUUID(), "orders", Map.of("orderId", "x1"));

        assertThat(aliceWeb.drain()).extracting(m -> m.get("data").get("orderId").asString()).containsExactly("a1");
        assertThat(aliceApp.drain()).extracting(m -> m.get("data").get("orderId").asString()).containsExactly("a1");
        assertThat(bobWeb.drain()).extracting(m -> m.get("channel").asString() + "=" + m.get("data"))
                .containsExactly("orders={\"orderId\":\"b1\"}", "balances={\"total\":\"5.00\"}");
    }

    @Test
    void aConnectionStaysWithItsUser() {
        WsClient client = authenticated(alice);
        client.send(Map.of("op", "auth", "token", bob.accessToken()));
        client.expectError(StreamErrorCodes.UNAUTHORIZED);
        subscribePrivate(client, "orders");
        publisher.publishToUser(bob.userId(), "orders", Map.of("orderId", "b1"));
        publisher.publishToUser(alice.userId(), "orders", Map.of("orderId", "a1"));
        assertThat(client.drain()).extracting(m -> m.get("data").get("orderId").asString()).containsExactly("a1");
    }

    @Test
    void anExpiredTokenDropsThePrivateChannelsUntilTheClientAuthenticatesAgain() {
        String symbol = freshSymbol();
        Instant now = Instant.now();
        WsClient expiring = connect();
        expiring.send(Map.of("op", "auth", "token", mint(alice.userId(), now, now.plusSeconds(3))));
        expiring.expectOp("authenticated");
        subscribePrivate(expiring, "orders", "ticker:" + symbol);
        WsClient renewed = connect(); // renews before its first token expires, a second earlier
        renewed.send(Map.of("op", "auth", "token", mint(alice.userId(), now, now.plusSeconds(2))));
        renewed.expectOp("authenticated");
        subscribePrivate(renewed, "orders");
        renewed.send(Map.of("op", "auth", "token", alice.accessToken()));
        renewed.expectOp("authenticated");

        publisher.publishToUser(alice.userId(), "orders", Map.of("orderId", "a1"));
        assertThat(expiring.next().get("data").get("orderId").asString()).isEqualTo("a1");
        assertThat(renewed.next().get("data").get("orderId").asString()).isEqualTo("a1");

        JsonNode expired = expiring.expectError(StreamErrorCodes.TOKEN_EXPIRED);
        assertThat(expired.get("message").asString()).contains("orders");
        publisher.publishToUser(alice.userId(), "orders", Map.of("orderId", "a2"));
        publisher.publish("ticker:" + symbol, Map.of("last", "1"));
        assertThat(expiring.drain()).as("public channels stay, private ones are gone")
                .extracting(m -> m.get("channel").asString()).containsExactly("ticker:" + symbol);
        assertThat(renewed.drain()).extracting(m -> m.get("data").get("orderId").asString()).containsExactly("a2");
        expiring.send(Map.of("op", "subscribe", "channels", List.of("orders")));
        expiring.expectError(StreamErrorCodes.UNAUTHORIZED);

        expiring.send(Map.of("op", "auth", "token", alice.accessToken()));
        expiring.expectOp("authenticated");
        subscribePrivate(expiring, "orders");
        publisher.publishToUser(alice.userId(), "orders", Map.of("orderId", "a3"));
        assertThat(expiring.next().get("data").get("orderId").asString()).isEqualTo("a3");
    }

    /** Subscribes and takes the snapshot each private channel starts with (the user's open orders, balances). */
    private static List<JsonNode> subscribePrivate(WsClient client, String... channels) {
        client.subscribe(channels);
        List<JsonNode> snapshots = new ArrayList<>();
        for (String channel : channels) {
            if (Channel.parse(channel).type().isPrivate()) {
                JsonNode snapshot = client.next();
                assertThat(snapshot.get("channel").asString()).isEqualTo(channel);
                assertThat(snapshot.get("snapshot").asBoolean()).isTrue();
                snapshots.add(snapshot);
            }
        }
        return snapshots;
    }

    private WsClient authenticated(Session session) {
        WsClient client = connect();
        client.send(Map.of("op", "auth", "token", session.accessToken(), "id", "login"));
        JsonNode ok = client.expectOp("authenticated");
        assertThat(ok.get("userId").asString()).isEqualTo(session.userId().toString());
        assertThat(Instant.parse(ok.get("expiresAt").asString())).isAfter(Instant.now());
        assertThat(ok.get("id").asString()).isEqualTo("login");
        return client;
    }

    private int failedWsAuthentications() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'AUTHENTICATION_FAILED' "
                + "AND target = '/ws' AND outcome = 'FAILURE' AND details->>'reason' = 'INVALID_TOKEN'", Integer.class);
    }

    /** A token signed with the application's key, as the identity module issues them. */
    private String mint(UUID user, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(user.toString()).issuedAt(issuedAt).expiresAt(expiresAt)
                .claim("roles", List.of("TRADER")).claim("tier", "BASIC").id(UUID.randomUUID().toString()).build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static JWTClaimsSet claims(String subject, Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of("TRADER")).issueTime(new Date())
                .expirationTime(Date.from(expires)).build();
    }

    private static String signWith(byte[] key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    /** Changes the subject in the payload, keeping the signature. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        assertThat(forged).isNotEqualTo(payload);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
    }
}
