package dev.tradewind.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.platform.web.ApiException;
import dev.tradewind.portfolio.FillHistory;
import dev.tradewind.portfolio.HoldingsSource;
import dev.tradewind.portfolio.PriceSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;

/**
 * Without the ports (a build without the modules that implement them): a clear 503, an idle job.
 * The running app has the ports (trading, market data), so this is checked without it.
 */
class PortfolioUnavailableTest {
    private final StaticListableBeanFactory noBeans = new StaticListableBeanFactory();
    private final PortfolioProperties properties = new PortfolioProperties(true, LocalTime.of(0, 5), true,
            BigDecimal.ZERO, 2, 20, 365);

    @Test
    void endpointsAnswer503AndTheJobDoesNothing() {
        PortfolioService service = new PortfolioService(noBeans.getBeanProvider(HoldingsSource.class),
                noBeans.getBeanProvider(PriceSource.class), noBeans.getBeanProvider(FillHistory.class), null, properties,
                Clock.systemUTC());

        for (Runnable call : new Runnable[] {() -> service.overview(UUID.randomUUID()),
                () -> service.history(UUID.randomUUID(), 30)}) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(e.getMessage()).contains("trading module");
            });
        }
        DailySnapshotJob job = new DailySnapshotJob(noBeans.getBeanProvider(HoldingsSource.class),
                noBeans.getBeanProvider(PriceSource.class), null, Clock.systemUTC());
        assertThat(job.snapshot(LocalDate.now())).isNull();
    }
}
