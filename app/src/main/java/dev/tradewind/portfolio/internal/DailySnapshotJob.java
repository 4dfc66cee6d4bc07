package dev.tradewind.portfolio.internal;

import dev.tradewind.portfolio.HoldingsSource;
import dev.tradewind.portfolio.PriceSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records each holder's portfolio value once per UTC day. Runs at {@code tradewind.portfolio.snapshot-time}
 * (UTC), shortly after midnight, and records the value as the close of the day that just ended.
 * At most one value per user and day: users who have one are skipped, and the insert does nothing
 * on a conflict, so runs on several instances, reruns and the catch-up at start are harmless.
 * Does nothing until {@link HoldingsSource} and {@link PriceSource} beans exist.
 */
class DailySnapshotJob {
    private static final Logger log = LoggerFactory.getLogger(DailySnapshotJob.class);

    private final ObjectProvider<HoldingsSource> holdings;
    private final ObjectProvider<PriceSource> prices;
    private final DailyValueStore store;
    private final Clock clock;

    /** What a run did. */
    record Outcome(int recorded, int skipped, int failed) {
    }

    DailySnapshotJob(ObjectProvider<HoldingsSource> holdings, ObjectProvider<PriceSource> prices, DailyValueStore store,
            Clock clock) {
        this.holdings = holdings;
        this.prices = prices;
        this.store = store;
        this.clock = clock;
    }

    /** The scheduled run: yesterday's close (UTC). */
    void run() {
        try {
            snapshot(LocalDate.now(clock).minusDays(1));
        } catch (RuntimeException e) {
            log.error("Daily portfolio snapshot failed; it is retried at the next start or run", e);
        }
    }

    /** Records every holder's current value for {@code day}, unless they have one; null without ports. */
    Outcome snapshot(LocalDate day) {
        HoldingsSource holdingsSource = holdings.getIfAvailable();
        PriceSource priceSource = prices.getIfAvailable();
        if (holdingsSource == null || priceSource == null) {
            log.debug("No HoldingsSource/PriceSource installed: no portfolio snapshot for {}", day);
            return null;
        }
        Set<UUID> done = store.recordedOn(day);
        int recorded = 0;
        int skipped = 0;
        int failed = 0;
        for (UUID user : holdingsSource.holders()) {
            if (done.contains(user)) {
                skipped++;
                continue;
            }
            try {
                BigDecimal value = Valuation.total(holdingsSource.holdings(user), priceSource);
                if (store.record(user, day, value)) {
                    recorded++;
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Could not record the portfolio value of user {} for {}", user, day, e);
            }
        }
        log.info("Portfolio snapshot for {}: {} recorded, {} already there, {} failed", day, recorded, skipped, failed);
        return new Outcome(recorded, skipped, failed);
    }
}
