package dev.tradewind.ledger.internal;

import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.identity.DemoUserProvisioned;
import dev.tradewind.ledger.LedgerProperties;
import dev.tradewind.trading.ReferenceData;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Funds the demo user once with {@code tradewind.ledger.demo-funding}: one adjustment per asset
 * under the reference {@code demo:<userId>:<asset>}, recorded PostgreSQL-first like any adjustment,
 * so the event firing at every start credits nothing twice.
 */
@Component
class DemoFunding {
    private static final Logger log = LoggerFactory.getLogger(DemoFunding.class);

    private final Adjustments adjustments;
    private final ReferenceData referenceData;
    private final LedgerProperties properties;

    DemoFunding(Adjustments adjustments, ReferenceData referenceData, LedgerProperties properties) {
        this.adjustments = adjustments;
        this.referenceData = referenceData;
        this.properties = properties;
    }

    @EventListener
    void onDemoUser(DemoUserProvisioned event) {
        for (String entry : properties.demoFunding()) {
            String code = entry.substring(0, entry.indexOf('='));
            Asset asset = referenceData.asset(code).orElse(null);
            if (asset == null) {
                log.warn("Demo funding: no asset {}; skipped", code);
                continue;
            }
            BigDecimal amount = new BigDecimal(entry.substring(entry.indexOf('=') + 1)).setScale(asset.scale());
            String reference = "demo:" + event.userId() + ":" + code;
            if (adjustments.record(reference, Adjustments.Kind.DEMO_FUNDING, event.userId(), asset, amount,
                    "demo funding", null)) {
                Adjustments.Outcome outcome = adjustments.apply(reference);
                log.info("Demo user funded with {} {}: {}", amount.toPlainString(), code, outcome.status());
            }
        }
    }
}
