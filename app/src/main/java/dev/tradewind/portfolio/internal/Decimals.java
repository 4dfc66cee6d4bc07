package dev.tradewind.portfolio.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How the portfolio module computes and rounds. All arithmetic is {@link BigDecimal} in
 * {@link MathContext#DECIMAL128} (34 significant digits, half-even); results are rounded half-even
 * only when they leave the module:
 * <ul>
 * <li>USD amounts in responses (market value, total value, P&amp;L, VaR, history values): {@value #MONEY_SCALE} decimals;</li>
 * <li>average cost: {@value #PRICE_SCALE} decimals (cheap assets need them);</li>
 * <li>volatility and Sharpe ratio (plain ratios, 0.45 = 45 %): {@value #RATIO_SCALE} decimals;</li>
 * <li>daily values stored in PostgreSQL: {@value #STORED_SCALE} decimals, so returns are computed from
 * values finer than cents.</li>
 * </ul>
 * Quantities and prices are passed through as the ports give them.
 */
final class Decimals {
    static final MathContext MC = MathContext.DECIMAL128;
    static final int MONEY_SCALE = 2;
    static final int PRICE_SCALE = 8;
    static final int RATIO_SCALE = 6;
    static final int STORED_SCALE = 8;

    private Decimals() {
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal price(BigDecimal value) {
        return value == null ? null : value.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal ratio(BigDecimal value) {
        return value == null ? null : value.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal stored(BigDecimal value) {
        return value.setScale(STORED_SCALE, RoundingMode.HALF_EVEN);
    }
}
