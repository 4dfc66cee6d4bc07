package dev.tradewind.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTest {
    @Test
    void parsesRequestsPerPeriod() {
        assertThat(Limit.valueOf("300/1m")).isEqualTo(new Limit(300, Duration.ofMinutes(1)));
        assertThat(Limit.valueOf(" 10 / 30s ")).isEqualTo(new Limit(10, Duration.ofSeconds(30)));
        assertThat(Limit.valueOf("5/PT1H")).isEqualTo(new Limit(5, Duration.ofHours(1)));
        assertThat(Limit.valueOf("6000/1d").period()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void printsCompactly() {
        assertThat(Limit.valueOf("300/60s")).hasToString("300/1m");
        assertThat(Limit.valueOf("10/90s")).hasToString("10/90s");
        assertThat(Limit.valueOf("1/1500ms")).hasToString("1/1500ms");
        assertThat(Limit.valueOf("5/PT2H").periodText()).isEqualTo("2h");
    }

    @Test
    void rejectsNonsenseWithAHint() {
        for (String bad : new String[] {"300", "/1m", "x/1m", "10/soon", "0/1m", "10/0s", "-1/1m"}) {
            assertThatThrownBy(() -> Limit.valueOf(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("e.g. 300/1m");
        }
    }

    @Test
    void bucketHoldsTheWholeLimit() {
        assertThat(Limit.valueOf("7/1m").bucketConfiguration().getBandwidths()).singleElement()
                .satisfies(b -> assertThat(b.getCapacity()).isEqualTo(7));
    }
}
