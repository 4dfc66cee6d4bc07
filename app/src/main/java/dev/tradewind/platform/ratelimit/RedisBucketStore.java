package dev.tradewind.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Buckets in Redis (Bucket4j compare-and-swap over Lettuce), shared by every app instance that uses
 * the same Redis and key prefix. Never blocks a request for long: it connects lazily (so the app
 * starts while Redis is down), rejects commands at once while disconnected instead of queueing them,
 * times out after {@code timeout}, and retries a failed connect at most every {@link #RECONNECT_PAUSE}.
 * Every failure surfaces as {@link BucketStoreUnavailableException}.
 */
final class RedisBucketStore implements BucketStore {
    static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);
    /** Keeps a bucket this long after it is full again; Redis then drops the key. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final String prefix;
    private final String description;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long nextAttemptNanos = System.nanoTime();

    RedisBucketStore(String url, Duration timeout, String prefix) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            // the URL may hold a password: do not repeat it
            throw new IllegalArgumentException("tradewind.redis.url (TRADEWIND_REDIS_URL) is not a Redis URL; "
                    + "write it like redis://host:6379 or rediss://:password@host:6379/0", e);
        }
        uri.setTimeout(timeout);
        this.description = "Redis at " + uri.getHost() + ":" + uri.getPort() + " (key prefix " + prefix + ")";
        this.prefix = prefix;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        ProxyManager<String> manager = buckets();
        try {
            return manager.getProxy(prefix + key, () -> configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            throw new BucketStoreUnavailableException(description + " failed: " + e, e);
        }
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> ready = buckets;
        if (ready != null) {
            return ready;
        }
        if (System.nanoTime() - nextAttemptNanos < 0 || !connecting.tryLock()) {
            throw new BucketStoreUnavailableException(description + " is not connected", null);
        }
        try {
            if (buckets == null) {
                connect();
            }
            return buckets;
        } finally {
            connecting.unlock();
        }
    }

    private void connect() {
        try {
            StatefulRedisConnection<String, byte[]> opened =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            buckets = Bucket4jLettuce.casBasedBuilder(opened)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            KEEP_AFTER_REFILL))
                    .build();
            connection = opened;
        } catch (RuntimeException e) {
            nextAttemptNanos = System.nanoTime() + RECONNECT_PAUSE.toNanos();
            throw new BucketStoreUnavailableException("Cannot connect to " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
