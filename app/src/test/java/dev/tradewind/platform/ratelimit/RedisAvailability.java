package dev.tradewind.platform.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The machine's Redis ({@code TRADEWIND_REDIS_URL}, default {@code redis://127.0.0.1:6379}). A test class
 * with {@code @ExtendWith(RedisAvailability.class)} is skipped, with the reason printed and reported,
 * when Redis is absent, and fails instead when {@code CI=true}. Evaluated before any Spring context starts.
 */
final class RedisAvailability implements ExecutionCondition {
    static final URI URL = URI.create(System.getenv().getOrDefault("TRADEWIND_REDIS_URL", "redis://127.0.0.1:6379"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = ping();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("Redis answers at " + host() + ":" + port());
        }
        String reason = "Redis is not reachable at " + host() + ":" + port() + " (" + problem + "); start it with: "
                + "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + ". CI=true: tests needing Redis must not be skipped.");
        }
        System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static String host() {
        return URL.getHost();
    }

    static int port() {
        return URL.getPort() < 0 ? 6379 : URL.getPort();
    }

    /** Null when Redis answers PING (an AUTH-protected Redis answers NOAUTH, which also proves it is there). */
    private static String ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int n = in.read(reply);
            String answer = n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
            return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH") ? null : "unexpected reply '" + answer.strip() + "'";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
