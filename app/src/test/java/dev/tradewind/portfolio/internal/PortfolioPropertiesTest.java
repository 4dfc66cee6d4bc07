package dev.tradewind.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.scheduling.support.CronExpression;

/** Defaults and environment variable names documented in docs/portfolio.md. */
class PortfolioPropertiesTest {

    private static PortfolioProperties bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("tradewind.portfolio", PortfolioProperties.class);
    }

    @Test
    void defaults() {
        PortfolioProperties properties = bind(Map.of());
        assertThat(properties.snapshotEnabled()).isTrue();
        assertThat(properties.snapshotTime()).isEqualTo(LocalTime.of(0, 5));
        assertThat(properties.snapshotCron()).isEqualTo("0 5 0 * * *");
        assertThat(CronExpression.isValidExpression(properties.snapshotCron())).isTrue();
        assertThat(properties.catchUpOnStart()).isTrue();
        assertThat(properties.riskFreeRate()).isEqualByComparingTo("0");
        assertThat(properties.minReturnsForVolatility()).isEqualTo(2);
        assertThat(properties.minReturnsForVar()).isEqualTo(20);
        assertThat(properties.lookbackDays()).isEqualTo(365);
    }

    @Test
    void environmentVariables() {
        PortfolioProperties properties = bind(Map.of(
                "TRADEWIND_PORTFOLIO_SNAPSHOTTIME", "01:30",
                "TRADEWIND_PORTFOLIO_RISKFREERATE", "0.04",
                "TRADEWIND_PORTFOLIO_MINRETURNSFORVAR", "30",
                "TRADEWIND_PORTFOLIO_LOOKBACKDAYS", "180",
                "TRADEWIND_PORTFOLIO_SNAPSHOTENABLED", "false"));
        assertThat(properties.snapshotCron()).isEqualTo("0 30 1 * * *");
        assertThat(properties.riskFreeRate()).isEqualByComparingTo(new BigDecimal("0.04"));
        assertThat(properties.minReturnsForVar()).isEqualTo(30);
        assertThat(properties.lookbackDays()).isEqualTo(180);
        assertThat(properties.snapshotEnabled()).isFalse();
    }

    @Test
    void nonsenseFailsAtStartWithTheName() {
        assertThatThrownBy(() -> bind(Map.of("TRADEWIND_PORTFOLIO_MINRETURNSFORVOLATILITY", "1")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("min-returns-for-volatility");
        assertThatThrownBy(() -> bind(Map.of("TRADEWIND_PORTFOLIO_RISKFREERATE", "4")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("risk-free-rate");
    }
}
