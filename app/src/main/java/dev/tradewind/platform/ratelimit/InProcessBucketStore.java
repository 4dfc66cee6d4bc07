package dev.tradewind.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Buckets in this JVM, for one-instance deployments. Bounded: past {@code maxBuckets} the least
 * recently used bucket is dropped, so a flood of distinct IPs cannot exhaust memory. Dropping a
 * bucket that has refilled loses nothing; only an attacker holding more than {@code maxBuckets}
 * addresses could reset a bucket early.
 */
final class InProcessBucketStore implements BucketStore {
    private final Map<String, Bucket> buckets;

    InProcessBucketStore(int maxBuckets) {
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxBuckets;
            }
        };
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        Bucket bucket;
        synchronized (buckets) { // held for a map lookup only; the bucket itself is lock-free
            bucket = buckets.computeIfAbsent(key, k -> newBucket(configuration));
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    private static Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    @Override
    public String description() {
        return "in-process";
    }
}
