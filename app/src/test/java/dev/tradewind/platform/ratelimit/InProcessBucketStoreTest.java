package dev.tradewind.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

class InProcessBucketStoreTest {
    private final BucketConfiguration two = Limit.valueOf("2/1h").bucketConfiguration();

    @Test
    void countsPerKey() {
        InProcessBucketStore store = new InProcessBucketStore(10);
        assertThat(store.tryConsume("a", two).getRemainingTokens()).isEqualTo(1);
        assertThat(store.tryConsume("a", two).getRemainingTokens()).isZero();
        assertThat(store.tryConsume("a", two).isConsumed()).isFalse();
        assertThat(store.tryConsume("b", two).isConsumed()).isTrue();
    }

    @Test
    void boundedDroppingTheLeastRecentlyUsed() {
        InProcessBucketStore store = new InProcessBucketStore(3);
        store.tryConsume("busy", two);
        store.tryConsume("busy", two); // exhausted
        store.tryConsume("idle-1", two);
        store.tryConsume("idle-2", two);
        assertThat(store.tryConsume("busy", two).isConsumed()).isFalse(); // touches "busy"
        store.tryConsume("newcomer", two); // evicts idle-1, the least recently used
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.tryConsume("busy", two).isConsumed()).as("the busy bucket survived").isFalse();
    }
}
