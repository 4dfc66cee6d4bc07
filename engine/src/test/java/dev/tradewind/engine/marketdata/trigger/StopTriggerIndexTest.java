package dev.tradewind.engine.marketdata.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.UpdateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StopTriggerIndexTest {
    @Test
    void firesExactlyTheCrossedStopsLikeABruteForceScan() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> fired = new ArrayList<>();
        StopTriggerIndex index = new StopTriggerIndex(1, (i, id, buy, level, price, t) -> fired.add(id));
        List<long[]> open = new ArrayList<>(); // id, buy(1/0), level
        long nextId = 1;
        for (int step = 0; step < 5_000; step++) {
            if (random.nextInt(3) > 0) {
                boolean buy = random.nextBoolean();
                long level = random.nextLong(900, 1_100);
                index.add(0, nextId, buy, level);
                open.add(new long[] {nextId++, buy ? 1 : 0, level});
            } else {
                long price = random.nextLong(850, 1_150);
                fired.clear();
                index.onPrice(0, price, UpdateKind.REFERENCE, step);
                List<Long> expected = new ArrayList<>();
                open.removeIf(s -> {
                    boolean hit = s[1] == 1 ? price >= s[2] : price <= s[2];
                    if (hit) {
                        expected.add(s[0]);
                    }
                    return hit;
                });
                assertThat(fired).as("seed %d step %d", seed, step).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
        assertThat(index.pending(0)).isEqualTo(open.size());
    }

    @Test
    void buyStopsFireLowestFirstAndSellStopsHighestFirst() {
        List<Long> fired = new ArrayList<>();
        StopTriggerIndex index = new StopTriggerIndex(2, (i, id, buy, level, price, t) -> fired.add(id));
        index.add(1, 1, true, 105);
        index.add(1, 2, true, 101);
        index.add(1, 3, true, 103);
        index.add(1, 4, false, 90);
        index.add(1, 5, false, 95);
        index.onPrice(0, 1_000, UpdateKind.TRADE, 0);
        assertThat(fired).isEmpty();
        index.onPrice(1, 104, UpdateKind.TRADE, 0);
        assertThat(fired).containsExactly(2L, 3L);
        index.onPrice(1, 80, UpdateKind.TRADE, 0);
        assertThat(fired).containsExactly(2L, 3L, 5L, 4L);
        assertThat(index.fired()).isEqualTo(4);
    }
}
