package dev.tradewind.engine.book;

import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIndexTest {
    private static Order order(long id) {
        return new Order().init(id, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1, null, 0, 0);
    }

    @Test
    void behavesLikeAHashMapUnderChurn() {
        SplittableRandom random = new SplittableRandom(5);
        OrderIndex index = new OrderIndex(4);
        Map<Long, Order> expected = new HashMap<>();
        long nextId = 1;
        for (int i = 0; i < 200_000; i++) {
            int roll = random.nextInt(10);
            if (roll < 4) {
                Order o = order(nextId++);
                index.put(o);
                expected.put(o.id(), o);
            } else if (roll < 7 && nextId > 1) {
                long id = random.nextLong(1, nextId);
                assertThat(index.remove(id)).isSameAs(expected.remove(id));
            } else {
                long id = random.nextLong(0, nextId + 5);
                assertThat(index.get(id)).isSameAs(expected.get(id));
            }
            if (i % 20_000 == 0) {
                assertThat(index.size()).isEqualTo(expected.size());
                Map<Long, Order> seen = new HashMap<>();
                index.forEach(o -> seen.put(o.id(), o));
                assertThat(seen).isEqualTo(expected);
            }
        }
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get(1)).isNull();
    }

    @Test
    void putReplacesAnOrderWithTheSameId() {
        OrderIndex index = new OrderIndex(16);
        Order first = order(7);
        Order second = order(7);
        index.put(first);
        index.put(second);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get(7)).isSameAs(second);
    }
}
