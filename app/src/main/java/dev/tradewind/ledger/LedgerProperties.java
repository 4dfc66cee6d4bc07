package dev.tradewind.ledger;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger ({@code tradewind.ledger.*}).
 *
 * @param reconcileInterval how often the reconciler compares PostgreSQL's ledger balances with the
 *                          engine's (default 60s; 0 disables the schedule, on-demand runs still work)
 * @param demoFunding       what demo mode credits the demo user once, as {@code ASSET=amount}
 *                          (default USD=100000, BTC=2, ETH=20, SOL=500, AAPL=200)
 */
@ConfigurationProperties("tradewind.ledger")
public record LedgerProperties(
        @DefaultValue("60s") Duration reconcileInterval,
        @DefaultValue({"USD=100000", "BTC=2", "ETH=20", "SOL=500", "AAPL=200"}) List<String> demoFunding) {

    public LedgerProperties {
        if (reconcileInterval.isNegative()) {
            throw new IllegalArgumentException("tradewind.ledger.reconcile-interval must not be negative");
        }
        for (String entry : demoFunding) {
            if (!entry.matches("[A-Z0-9]{2,12}=[0-9]+(\\.[0-9]+)?")) {
                throw new IllegalArgumentException("tradewind.ledger.demo-funding entries look like USD=100000, got '"
                        + entry + "'");
            }
        }
    }
}
