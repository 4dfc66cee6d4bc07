package dev.tradewind.portfolio.internal;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portfolio analytics ({@code tradewind.portfolio.*}; environment {@code TRADEWIND_PORTFOLIO_*}).
 * See {@code docs/portfolio.md}.
 *
 * @param snapshotEnabled         record every holder's portfolio value once a day
 * @param snapshotTime            when, in UTC ({@code HH:mm}); the value is recorded as the close of
 *                                the previous UTC day, so keep it shortly after midnight
 * @param catchUpOnStart          at start, record yesterday's close for holders who lack it (the app
 *                                was down at {@code snapshotTime}), with their current value
 * @param riskFreeRate            annual risk-free rate for the Sharpe ratio, as a fraction (0.04 = 4 %)
 * @param minReturnsForVolatility daily returns needed for volatility and the Sharpe ratio (at least 2)
 * @param minReturnsForVar        daily returns needed for VaR 95 %
 * @param lookbackDays            days of history the metrics use
 */
@ConfigurationProperties("tradewind.portfolio")
public record PortfolioProperties(
        @DefaultValue("true") boolean snapshotEnabled,
        @DefaultValue("00:05") LocalTime snapshotTime,
        @DefaultValue("true") boolean catchUpOnStart,
        @DefaultValue("0") BigDecimal riskFreeRate,
        @DefaultValue("2") int minReturnsForVolatility,
        @DefaultValue("20") int minReturnsForVar,
        @DefaultValue("365") int lookbackDays) {

    public PortfolioProperties {
        if (minReturnsForVolatility < 2) {
            throw new IllegalArgumentException("tradewind.portfolio.min-returns-for-volatility must be at least 2 "
                    + "(a sample standard deviation needs two returns); was " + minReturnsForVolatility);
        }
        if (minReturnsForVar < 1) {
            throw new IllegalArgumentException("tradewind.portfolio.min-returns-for-var must be at least 1; was "
                    + minReturnsForVar);
        }
        if (lookbackDays < 2) {
            throw new IllegalArgumentException("tradewind.portfolio.lookback-days must be at least 2; was " + lookbackDays);
        }
        if (riskFreeRate.compareTo(BigDecimal.ONE.negate()) <= 0 || riskFreeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("tradewind.portfolio.risk-free-rate is an annual fraction between -1 "
                    + "and 1, e.g. 0.04 for 4 %; was " + riskFreeRate);
        }
    }

    /** Spring cron (second minute hour day month weekday) for {@link #snapshotTime}, evaluated in UTC. */
    String snapshotCron() {
        return snapshotTime.getSecond() + " " + snapshotTime.getMinute() + " " + snapshotTime.getHour() + " * * *";
    }
}
