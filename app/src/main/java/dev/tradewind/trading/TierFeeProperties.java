package dev.tradewind.trading;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fees of the PRO and ENTERPRISE tiers ({@code tradewind.trading.fees.*}), in basis points of the
 * notional, charged in the quote asset. BASIC pays {@link TradingProperties#makerFeeBps()} /
 * {@link TradingProperties#takerFeeBps()}. Applied to the engine's fee tiers 1 (PRO) and 2 (ENTERPRISE)
 * at every start; each account is put in the tier of its user ({@code users.tier}).
 *
 * @param proMakerBps        default 5 (0.05 %)
 * @param proTakerBps        default 15
 * @param enterpriseMakerBps default 2
 * @param enterpriseTakerBps default 10
 */
@ConfigurationProperties("tradewind.trading.fees")
public record TierFeeProperties(
        @DefaultValue("5") int proMakerBps,
        @DefaultValue("15") int proTakerBps,
        @DefaultValue("2") int enterpriseMakerBps,
        @DefaultValue("10") int enterpriseTakerBps) {

    public TierFeeProperties {
        for (int bps : new int[] {proMakerBps, proTakerBps, enterpriseMakerBps, enterpriseTakerBps}) {
            if (bps < 0 || bps > 10_000) {
                throw new IllegalArgumentException("tradewind.trading.fees.* must be 0..10000 basis points, got " + bps);
            }
        }
    }
}
