package dev.tradewind.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Redis that is not there: the store must fail fast and not hammer it. Needs no Redis. */
class RedisBucketStoreTest {
    @Test
    void unreachableRedisFailsFastAndIsRetriedOnlyAfterAPause() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        try (RedisBucketStore store = new RedisBucketStore("redis://127.0.0.1:" + deadPort, Duration.ofMillis(300),
                "test:")) {
            assertThat(store.description()).contains("127.0.0.1:" + deadPort).doesNotContain("redis://");
            var config = Limit.valueOf("1/1m").bucketConfiguration();
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.tryConsume("k", config)).isInstanceOf(BucketStoreUnavailableException.class)
                    .hasMessageContaining("Cannot connect");
            long again = System.nanoTime();
            assertThatThrownBy(() -> store.tryConsume("k", config)).isInstanceOf(BucketStoreUnavailableException.class)
                    .hasMessageContaining("not connected");
            long end = System.nanoTime();
            assertThat(Duration.ofNanos(again - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(Duration.ofNanos(end - again)).as("no new connect attempt within the pause")
                    .isLessThan(Duration.ofMillis(100));
        }
    }

    @Test
    void malformedUrlFailsFastWithoutEchoingIt() {
        assertThatThrownBy(() -> new RedisBucketStore("http://user:s3cret@cache", Duration.ofMillis(300), "p:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://host:6379")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void credentialsNeverAppearInTheDescription() {
        try (RedisBucketStore store = new RedisBucketStore("redis://user:s3cret@127.0.0.1:6390/0", Duration.ofMillis(300),
                "p:")) {
            assertThat(store.description()).doesNotContain("s3cret").contains("127.0.0.1:6390");
        }
    }
}
