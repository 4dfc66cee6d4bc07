package dev.tradewind.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void burstsUpToTheRateThenRefillsAtIt() {
        AtomicLong now = new AtomicLong(1_000);
        TokenBucket bucket = new TokenBucket(10, now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryTake()).as("burst %d", i).isTrue();
        }
        assertThat(bucket.tryTake()).isFalse();
        now.addAndGet(99_000_000); // 99 ms: not yet a token
        assertThat(bucket.tryTake()).isFalse();
        now.addAndGet(1_000_000);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
        now.addAndGet(250_000_000); // 2.5 tokens: two now, the half carries over
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
        now.addAndGet(50_000_000);
        assertThat(bucket.tryTake()).isTrue();
        now.addAndGet(60_000_000_000L); // a long pause refills to the burst, no more
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        assertThat(taken).isEqualTo(10);
    }
}
