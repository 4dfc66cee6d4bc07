package dev.tradewind.portfolio.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Risk figures from daily portfolio values (formulas in {@code docs/portfolio.md}), all in
 * {@link Decimals#MC}, unrounded. Null means not enough history.
 *
 * @param volatility   annualized: sample standard deviation of daily returns × √365
 * @param var95        1-day historical value at risk at 95 %, a positive USD amount
 * @param sharpeRatio  (mean daily return − daily risk-free rate) / sample stdev × √365
 * @param observations the number of daily returns used
 */
record RiskMetrics(BigDecimal volatility, BigDecimal var95, BigDecimal sharpeRatio, int observations) {
    /** Crypto markets trade every day of the year, so a year has 365 daily returns. */
    static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    static final BigDecimal SQRT_DAYS_PER_YEAR = DAYS_PER_YEAR.sqrt(Decimals.MC);

    /**
     * @param series         values ordered by day, ascending, the current value last
     * @param currentValue   today's value, which VaR is a fraction of
     * @param annualRiskFree annual risk-free rate as a fraction (0.04 = 4 %)
     */
    static RiskMetrics of(List<DailyValue> series, BigDecimal currentValue, BigDecimal annualRiskFree,
            int minReturnsForVolatility, int minReturnsForVar) {
        List<BigDecimal> returns = dailyReturns(series);
        int n = returns.size();
        BigDecimal volatility = null;
        BigDecimal sharpe = null;
        if (n >= Math.max(2, minReturnsForVolatility)) {
            BigDecimal stdev = sampleStdev(returns);
            volatility = stdev.multiply(SQRT_DAYS_PER_YEAR, Decimals.MC);
            sharpe = sharpeRatio(mean(returns), stdev, annualRiskFree);
        }
        BigDecimal var95 = n >= Math.max(1, minReturnsForVar) ? valueAtRisk95(returns, currentValue) : null;
        return new RiskMetrics(volatility, var95, sharpe, n);
    }

    /**
     * r = V_t / V_{t−1} − 1 for every pair of values on consecutive days. Skipped: pairs whose
     * earlier value is zero (no return on nothing), and pairs across a missing day (that would be
     * a multi-day return counted as one day).
     */
    static List<BigDecimal> dailyReturns(List<DailyValue> series) {
        List<BigDecimal> returns = new ArrayList<>();
        for (int i = 1; i < series.size(); i++) {
            DailyValue previous = series.get(i - 1);
            DailyValue current = series.get(i);
            if (!previous.day().plusDays(1).equals(current.day()) || previous.value().signum() == 0) {
                continue;
            }
            returns.add(current.value().divide(previous.value(), Decimals.MC).subtract(BigDecimal.ONE, Decimals.MC));
        }
        return returns;
    }

    static BigDecimal mean(List<BigDecimal> returns) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal r : returns) {
            sum = sum.add(r, Decimals.MC);
        }
        return sum.divide(BigDecimal.valueOf(returns.size()), Decimals.MC);
    }

    /** √(Σ(r − mean)² / (n − 1)); needs n ≥ 2. */
    static BigDecimal sampleStdev(List<BigDecimal> returns) {
        if (returns.size() < 2) {
            throw new IllegalArgumentException("A sample standard deviation needs 2 returns, got " + returns.size());
        }
        BigDecimal mean = mean(returns);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal r : returns) {
            BigDecimal deviation = r.subtract(mean, Decimals.MC);
            squares = squares.add(deviation.multiply(deviation, Decimals.MC), Decimals.MC);
        }
        return squares.divide(BigDecimal.valueOf(returns.size() - 1L), Decimals.MC).sqrt(Decimals.MC);
    }

    /** Null when the returns do not vary (the ratio is undefined). Daily risk-free rate = annual / 365. */
    static BigDecimal sharpeRatio(BigDecimal meanReturn, BigDecimal stdev, BigDecimal annualRiskFree) {
        if (stdev.signum() == 0) {
            return null;
        }
        BigDecimal dailyRiskFree = annualRiskFree.divide(DAYS_PER_YEAR, Decimals.MC);
        return meanReturn.subtract(dailyRiskFree, Decimals.MC).divide(stdev, Decimals.MC)
                .multiply(SQRT_DAYS_PER_YEAR, Decimals.MC);
    }

    /**
     * −q × currentValue, where q is the 5th percentile of the returns by the nearest-rank method:
     * the k-th smallest return with k = ⌈0.05 · n⌉ (n = 20 → the worst, n = 40 → the second worst).
     * Zero when even that return is a gain.
     */
    static BigDecimal valueAtRisk95(List<BigDecimal> returns, BigDecimal currentValue) {
        if (returns.isEmpty()) {
            throw new IllegalArgumentException("VaR needs at least one return");
        }
        List<BigDecimal> sorted = returns.stream().sorted().toList();
        int rank = (5 * sorted.size() + 99) / 100; // ⌈5n / 100⌉ in integers
        BigDecimal percentile = sorted.get(rank - 1);
        return percentile.signum() >= 0 ? BigDecimal.ZERO : percentile.negate().multiply(currentValue, Decimals.MC);
    }
}
