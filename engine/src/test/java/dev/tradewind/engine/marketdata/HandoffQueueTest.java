package dev.tradewind.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandoffQueueTest {
    @Test
    void manyProducersOneConsumerLoseNothingAndKeepEachProducersOrder() throws Exception {
        HandoffQueue<long[]> queue = new HandoffQueue<>(64, 0);
        int producers = 3;
        int each = 100_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        queue.put(new long[] {id, i});
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long[] next = new long[producers];
        for (int n = 0; n < producers * each; n++) {
            long[] item = queue.poll(10, TimeUnit.SECONDS);
            assertThat(item).as("item %d", n).isNotNull();
            assertThat(item[1]).isEqualTo(next[(int) item[0]]++);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(queue.poll()).isNull();
        assertThat(next).containsOnly(each);
    }

    @Test
    void offerFailsWhenFullAndPollTimesOutWhenEmpty() throws Exception {
        HandoffQueue<String> queue = new HandoffQueue<>(2, 10);
        assertThat(queue.offer("a")).isTrue();
        assertThat(queue.offer("b")).isTrue();
        assertThat(queue.offer("c")).isFalse();
        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.offer("c")).isTrue();
        assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isEqualTo("b");
        assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isEqualTo("c");
        assertThat(queue.poll(5, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aParkedConsumerIsWokenByTheProducer() throws Exception {
        HandoffQueue<String> queue = new HandoffQueue<>(4, 0);
        List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread consumer = Thread.ofPlatform().start(() -> {
            try {
                got.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50); // let it park
        queue.offer("x");
        consumer.join(10_000);
        assertThat(got).containsExactly("x");
    }
}
