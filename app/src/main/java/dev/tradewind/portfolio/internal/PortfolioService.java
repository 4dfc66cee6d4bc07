package dev.tradewind.portfolio.internal;

import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.portfolio.FillHistory;
import dev.tradewind.portfolio.HoldingsSource;
import dev.tradewind.portfolio.PriceSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

/**
 * A user's portfolio: positions from the ports, metrics from the stored daily closes plus the
 * current value as today's point. Answers 503 {@code SERVICE_UNAVAILABLE} while the ports it needs
 * have no implementation (the trading module provides them).
 */
class PortfolioService {
    static final String UNAVAILABLE = "Portfolio data is not available on this server yet: no module provides "
            + "holdings, prices and fills (the trading module does). Try again after it is installed.";

    private final ObjectProvider<HoldingsSource> holdings;
    private final ObjectProvider<PriceSource> prices;
    private final ObjectProvider<FillHistory> fills;
    private final DailyValueStore store;
    private final PortfolioProperties properties;
    private final Clock clock;

    record Overview(Valuation valuation, RiskMetrics metrics) {
    }

    PortfolioService(ObjectProvider<HoldingsSource> holdings, ObjectProvider<PriceSource> prices,
            ObjectProvider<FillHistory> fills, DailyValueStore store, PortfolioProperties properties, Clock clock) {
        this.holdings = holdings;
        this.prices = prices;
        this.fills = fills;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    Overview overview(UUID userId) {
        FillHistory fillHistory = required(fills);
        Valuation valuation = Valuation.of(required(holdings).holdings(userId), required(prices),
                AverageCostBook.of(fillHistory.fills(userId)));
        LocalDate today = LocalDate.now(clock);
        List<DailyValue> series = new ArrayList<>(store.between(userId, today.minusDays(properties.lookbackDays()), today));
        series.add(new DailyValue(today, valuation.totalValue()));
        RiskMetrics metrics = RiskMetrics.of(series, valuation.totalValue(), properties.riskFreeRate(),
                properties.minReturnsForVolatility(), properties.minReturnsForVar());
        return new Overview(valuation, metrics);
    }

    /** The last {@code days} days, oldest first: stored closes, then today's current value. */
    List<DailyValue> history(UUID userId, int days) {
        HoldingsSource holdingsSource = required(holdings);
        PriceSource priceSource = required(prices);
        LocalDate today = LocalDate.now(clock);
        List<DailyValue> series = new ArrayList<>(store.between(userId, today.minusDays(days - 1L), today));
        series.add(new DailyValue(today, Valuation.total(holdingsSource.holdings(userId), priceSource)));
        return series;
    }

    private static <T> T required(ObjectProvider<T> port) {
        T source = port.getIfAvailable();
        if (source == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE, UNAVAILABLE);
        }
        return source;
    }
}
