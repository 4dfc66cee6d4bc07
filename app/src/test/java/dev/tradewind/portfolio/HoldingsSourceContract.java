package dev.tradewind.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HoldingsSource} must do. An adapter's test extends this and says how to give a
 * user a balance (e.g. by a deposit, and for {@code reserved} by placing an order that reserves it).
 */
public abstract class HoldingsSourceContract {

    protected abstract HoldingsSource source();

    /** Makes {@code user} hold {@code available} of {@code asset} plus {@code reserved} tied up in open orders. */
    protected abstract void givenBalance(UUID user, String asset, BigDecimal available, BigDecimal reserved);

    @Test
    void holdingsAreAvailablePlusReserved() {
        UUID user = UUID.randomUUID();
        givenBalance(user, "USD", new BigDecimal("1000"), new BigDecimal("250.5"));
        givenBalance(user, "BTC", new BigDecimal("0.5"), BigDecimal.ZERO);

        assertThat(source().holdings(user)).hasSize(2);
        assertThat(source().holdings(user).get("USD")).isEqualByComparingTo("1250.5");
        assertThat(source().holdings(user).get("BTC")).isEqualByComparingTo("0.5");
    }

    @Test
    void zeroBalancesAreLeftOutAndUnknownUsersHoldNothing() {
        UUID user = UUID.randomUUID();
        givenBalance(user, "USD", new BigDecimal("10"), BigDecimal.ZERO);
        givenBalance(user, "ETH", BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(source().holdings(user)).containsOnlyKeys("USD");
        assertThat(source().holdings(UUID.randomUUID())).isEmpty();
    }

    @Test
    void holdersAreTheUsersWithAnyNonZeroBalance() {
        UUID holder = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        givenBalance(holder, "USD", new BigDecimal("10"), BigDecimal.ZERO);
        givenBalance(other, "BTC", BigDecimal.ZERO, new BigDecimal("0.1"));
        givenBalance(empty, "USD", BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(source().holders()).contains(holder, other).doesNotContain(empty);
    }

    @Test
    void quantitiesAreNeverNegative() {
        UUID user = UUID.randomUUID();
        givenBalance(user, "USD", new BigDecimal("5"), new BigDecimal("5"));
        assertThat(source().holdings(user).values()).allSatisfy(q -> assertThat(q.signum()).isPositive());
    }
}
