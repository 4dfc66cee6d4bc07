package dev.tradewind.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected numbers worked out by hand (and checked with Python's decimal module at 34 digits). */
class RiskMetricsTest {
    private static final LocalDate DAY0 = LocalDate.parse("2026-03-01");

    private static List<DailyValue> series(String... values) {
        List<DailyValue> series = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            series.add(new DailyValue(DAY0.plusDays(i), new BigDecimal(values[i])));
        }
        return series;
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /*
     * Six daily values                       100, 102, 99.96, 104.958, 102.85884, 105.9446052
     * returns r = V_t / V_t-1 − 1            0.02, −0.02, 0.05, −0.02, 0.03            (n = 5)
     * mean = 0.06 / 5                        0.012
     * deviations r − mean                    0.008, −0.032, 0.038, −0.032, 0.018
     * squares                                0.000064, 0.001024, 0.001444, 0.001024, 0.000324   Σ = 0.00388
     * sample variance = 0.00388 / (5 − 1)    0.00097
     * sample stdev = √0.00097                0.031144823004794873934…
     * √365                                   19.104973174542800179…
     * volatility = stdev × √365              0.595021008032489555… → "0.595021"
     * Sharpe, rf = 0: 0.012 / stdev × √365   7.361084635453479… → "7.361085"
     * Sharpe, rf = 3.65 % a year: daily rf = 0.0365 / 365 = 0.0001
     *   (0.012 − 0.0001) / stdev × √365      7.299742263491366… → "7.299742"
     */
    @Test
    void sixDaySeries() {
        List<DailyValue> values = series("100", "102", "99.96", "104.958", "102.85884", "105.9446052");
        List<BigDecimal> returns = RiskMetrics.dailyReturns(values);

        assertThat(returns).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(decimals("0.02", "-0.02", "0.05", "-0.02", "0.03"));
        assertThat(RiskMetrics.mean(returns)).isEqualByComparingTo("0.012");
        assertThat(RiskMetrics.sampleStdev(returns).pow(2, Decimals.MC).setScale(20, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("0.00097");
        assertThat(RiskMetrics.sampleStdev(returns).setScale(12, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("0.031144823005");

        RiskMetrics metrics = RiskMetrics.of(values, new BigDecimal("105.9446052"), BigDecimal.ZERO, 2, 20);
        assertThat(Decimals.ratio(metrics.volatility())).isEqualTo(new BigDecimal("0.595021"));
        assertThat(Decimals.ratio(metrics.sharpeRatio())).isEqualTo(new BigDecimal("7.361085"));
        assertThat(metrics.var95()).as("5 returns are not enough for VaR").isNull();
        assertThat(metrics.observations()).isEqualTo(5);

        RiskMetrics withRiskFree = RiskMetrics.of(values, new BigDecimal("105.9446052"), new BigDecimal("0.0365"), 2, 20);
        assertThat(Decimals.ratio(withRiskFree.sharpeRatio())).isEqualTo(new BigDecimal("7.299742"));
    }

    /*
     * 40 returns: −0.05, −0.04, then 38 × +0.01, shuffled.
     * nearest rank k = ⌈0.05 × 40⌉ = 2 → the second smallest, −0.04
     * VaR = 0.04 × 12,345.67 = 493.8268 → "493.83"
     * With 20 returns k = ⌈1.0⌉ = 1 (the worst); with 21, k = ⌈1.05⌉ = 2.
     */
    @Test
    void historicalVarIsTheNearestRankFifthPercentileLoss() {
        List<BigDecimal> returns = new ArrayList<>(decimals("-0.05", "-0.04"));
        returns.addAll(Collections.nCopies(38, new BigDecimal("0.01")));
        Collections.shuffle(returns, new java.util.Random(7));
        BigDecimal value = new BigDecimal("12345.67");

        assertThat(Decimals.money(RiskMetrics.valueAtRisk95(returns, value))).isEqualTo(new BigDecimal("493.83"));

        List<BigDecimal> twenty = new ArrayList<>(decimals("-0.03", "-0.01"));
        twenty.addAll(Collections.nCopies(18, new BigDecimal("0.02")));
        assertThat(RiskMetrics.valueAtRisk95(twenty, new BigDecimal("1000"))).isEqualByComparingTo("30"); // worst: 3 %
        twenty.add(new BigDecimal("0.02"));
        assertThat(RiskMetrics.valueAtRisk95(twenty, new BigDecimal("1000"))).isEqualByComparingTo("10"); // 2nd: 1 %

        List<BigDecimal> allGains = Collections.nCopies(20, new BigDecimal("0.01"));
        assertThat(RiskMetrics.valueAtRisk95(allGains, value)).isEqualByComparingTo("0");
    }

    /*
     * 21 values alternating 100, 125, 100, … → 20 returns: 10 × +0.25, 10 × −0.2.
     * VaR: k = 1, the worst return −0.2; current value 100 → 20.00
     * mean 0.025; Σ(r − mean)² = 20 × 0.225² = 1.0125; variance 1.0125 / 19 = 0.0532894736…;
     * stdev 0.2308451292…; volatility × √365 = 4.410290…; Sharpe 0.025 / stdev × √365 = 2.069025…
     */
    @Test
    void metricsFromAValueSeries() {
        String[] values = new String[21];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? "100" : "125";
        }
        RiskMetrics metrics = RiskMetrics.of(series(values), new BigDecimal("100"), BigDecimal.ZERO, 2, 20);

        assertThat(metrics.observations()).isEqualTo(20);
        assertThat(Decimals.money(metrics.var95())).isEqualTo(new BigDecimal("20.00"));
        assertThat(Decimals.ratio(metrics.volatility())).isEqualTo(new BigDecimal("4.410290"));
        assertThat(Decimals.ratio(metrics.sharpeRatio())).isEqualTo(new BigDecimal("2.069025"));

        RiskMetrics short19 = RiskMetrics.of(series(java.util.Arrays.copyOf(values, 20)), new BigDecimal("125"),
                BigDecimal.ZERO, 2, 20);
        assertThat(short19.observations()).isEqualTo(19);
        assertThat(short19.var95()).as("19 returns < 20").isNull();
        assertThat(short19.volatility()).isNotNull();
    }

    @Test
    void notEnoughHistoryGivesNulls() {
        assertThat(RiskMetrics.of(series(), BigDecimal.ZERO, BigDecimal.ZERO, 2, 20))
                .isEqualTo(new RiskMetrics(null, null, null, 0));
        assertThat(RiskMetrics.of(series("100"), new BigDecimal("100"), BigDecimal.ZERO, 2, 20))
                .isEqualTo(new RiskMetrics(null, null, null, 0));
        // one return: no standard deviation yet
        assertThat(RiskMetrics.of(series("100", "110"), new BigDecimal("110"), BigDecimal.ZERO, 2, 20))
                .isEqualTo(new RiskMetrics(null, null, null, 1));
        // a higher configured minimum
        assertThat(RiskMetrics.of(series("100", "110", "99"), new BigDecimal("99"), BigDecimal.ZERO, 5, 20).volatility())
                .isNull();
        assertThatThrownBy(() -> RiskMetrics.sampleStdev(decimals("0.1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroValuesAndMissingDaysAreSkipped() {
        List<DailyValue> values = new ArrayList<>(series("0", "100", "110"));          // 0 → 100 skipped
        values.add(new DailyValue(DAY0.plusDays(4), new BigDecimal("121")));          // day 3 missing: skipped
        values.add(new DailyValue(DAY0.plusDays(5), new BigDecimal("108.9")));        // 121 → 108.9 = −0.1

        assertThat(RiskMetrics.dailyReturns(values)).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(decimals("0.1", "-0.1"));
    }

    @Test
    void constantValuesHaveZeroVolatilityAndNoSharpeRatio() {
        RiskMetrics metrics = RiskMetrics.of(series("50", "50", "50", "50"), new BigDecimal("50"), BigDecimal.ZERO, 2, 20);
        assertThat(metrics.volatility()).isEqualByComparingTo("0");
        assertThat(metrics.sharpeRatio()).isNull();
    }
}
