package dev.tradewind.engine.collection;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LongObjectMapTest {
    @Test
    void behavesLikeAHashMapUnderRandomChurn() {
        SplittableRandom random = new SplittableRandom(11);
        LongObjectMap<String> map = new LongObjectMap<>(4);
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            // Small key range forces collisions, long probe chains and backward shifts.
            long key = random.nextInt(5) == 0 ? random.nextLong() : random.nextLong(-500, 3_000);
            switch (random.nextInt(3)) {
                case 0 -> assertThat(map.put(key, "v" + i)).isEqualTo(expected.put(key, "v" + i));
                case 1 -> assertThat(map.remove(key)).isEqualTo(expected.remove(key));
                default -> assertThat(map.get(key)).isEqualTo(expected.get(key));
            }
            if (i % 10_000 == 0) {
                assertThat(map.size()).isEqualTo(expected.size());
                Map<Long, String> seen = new HashMap<>();
                map.forEach(seen::put);
                assertThat(seen).isEqualTo(expected);
            }
        }
        assertThat(map.values()).containsExactlyInAnyOrderElementsOf(expected.values());
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get(1)).isNull();
    }

    @Test
    void keyZeroAndNegativeKeysAreOrdinary() {
        LongObjectMap<String> map = new LongObjectMap<>();
        map.put(0, "zero");
        map.put(-1, "minus one");
        map.put(Long.MIN_VALUE, "min");
        assertThat(map.get(0)).isEqualTo("zero");
        assertThat(map.containsKey(-1)).isTrue();
        assertThat(map.remove(Long.MIN_VALUE)).isEqualTo("min");
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void nullValuesAreRefused() {
        assertThatThrownBy(() -> new LongObjectMap<String>().put(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
