package dev.tradewind.trading;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.TradewindApplication;
import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a running app (a child JVM) right after it answered: started again on the same
 * data dir, it shows the same open orders, balances, order history, fills and ledger, byte for byte.
 */
class CrashRestartIT {
    private static final String ADMIN_EMAIL = "crash-admin@example.com";
    private static final String ADMIN_PASSWORD = "crash admin pass 1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void nothingIsLostOrDoubledByAKillDashNine() throws Exception {
        Path dataDir = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir);
        Session buyer;
        Session seller;
        List<String> before;
        int port = freePort();
        Process first = start(dataDir, port, dataDir.resolve("first.log"));
        try {
            awaitReady(port, first);
            TradingApi api = new TradingApi(new TestApi(port), ADMIN_EMAIL, ADMIN_PASSWORD);
            buyer = api.fundedTrader("USD", "200000");
            seller = api.fundedTrader("BTC", "3", "ETH", "30");
            long bid = api.placed(buyer, limit("BTC-USD", "BUY", "1", "40000.00")).get("orderId").asLong();
            api.placed(buyer, limit("BTC-USD", "BUY", "0.5", "41000.00"));
            api.placed(buyer, limit("ETH-USD", "BUY", "10", "2500.00"));
            api.placed(seller, limit("BTC-USD", "SELL", "0.7", "40000.00"));
            api.placed(seller, limit("ETH-USD", "SELL", "4", "2400.00"));
            api.placed(seller, limit("BTC-USD", "SELL", "0.5", "45000.00"));
            assertThat(api.delete(buyer, "/api/v1/orders/" + bid).status()).isEqualTo(200);
            api.placed(buyer, limit("BTC-USD", "BUY", "0.3", "39000.00"));
            before = state(api, buyer, seller);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no final snapshot, PostgreSQL orphaned
            first.waitFor(30, TimeUnit.SECONDS);
        }

        int secondPort = freePort();
        Process second = start(dataDir, secondPort, dataDir.resolve("second.log"));
        try {
            awaitReady(secondPort, second);
            TradingApi api = new TradingApi(new TestApi(secondPort), ADMIN_EMAIL, ADMIN_PASSWORD);
            List<String> after = state(api, buyer, seller);
            assertThat(after).containsExactlyElementsOf(before);
        } finally {
            second.destroy(); // SIGTERM: a clean stop, which also stops its PostgreSQL
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    /** What each user sees: balances, every order (with fills), fills and ledger, as raw JSON. */
    private static List<String> state(TradingApi api, Session... users) {
        List<String> state = new ArrayList<>();
        for (Session user : users) {
            for (String path : List.of("/api/v1/balances", "/api/v1/orders?status=all", "/api/v1/orders?status=open",
                    "/api/v1/fills", "/api/v1/ledger")) {
                TestApi.Response r = api.get(user, path);
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
                state.add(path + " " + r.body());
            }
        }
        return state;
    }

    private static Process start(Path dataDir, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TradewindApplication.class.getName(),
                "--server.port=" + port,
                "--tradewind.data-dir=" + dataDir,
                "--tradewind.db.embedded-fsync=false",
                "--tradewind.demo=false",
                "--tradewind.admin.email=" + ADMIN_EMAIL,
                "--tradewind.admin.password=" + ADMIN_PASSWORD,
                "--tradewind.rate-limit.auth=100000/1m",
                "--tradewind.rate-limit.anonymous=100000/1m",
                "--tradewind.rate-limit.basic=100000/1m");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(int port, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/instruments")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not become ready on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
