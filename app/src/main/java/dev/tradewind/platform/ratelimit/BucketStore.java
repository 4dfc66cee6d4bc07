package dev.tradewind.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where token buckets live: in this process or shared through Redis. */
interface BucketStore extends AutoCloseable {
    /**
     * Takes one token from the bucket {@code key}, creating it with {@code configuration} if needed.
     *
     * @throws BucketStoreUnavailableException when the store cannot answer (Redis down or slow)
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /** For logs: where the buckets are, without credentials. */
    String description();

    @Override
    default void close() {
    }
}
