package dev.tradewind.portfolio.internal;

import dev.tradewind.portfolio.FillHistory;
import dev.tradewind.portfolio.HoldingsSource;
import dev.tradewind.portfolio.PriceSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Portfolio analytics: the service behind the endpoints and the daily snapshot job (scheduled at
 * {@code snapshot-time} UTC, plus a catch-up once the app is ready). The ports are looked up lazily,
 * so both work as soon as a module provides them and answer or skip cleanly before.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PortfolioConfiguration implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(PortfolioConfiguration.class);
    private static final Clock UTC = Clock.systemUTC();

    private final PortfolioProperties properties;
    private final ObjectProvider<DailySnapshotJob> job;

    PortfolioConfiguration(PortfolioProperties properties, ObjectProvider<DailySnapshotJob> job) {
        this.properties = properties;
        this.job = job;
    }

    @Bean
    DailyValueStore dailyValueStore(JdbcClient jdbc) {
        return new DailyValueStore(jdbc);
    }

    @Bean
    PortfolioService portfolioService(ObjectProvider<HoldingsSource> holdings, ObjectProvider<PriceSource> prices,
            ObjectProvider<FillHistory> fills, DailyValueStore store) {
        return new PortfolioService(holdings, prices, fills, store, properties, UTC);
    }

    @Bean
    DailySnapshotJob dailySnapshotJob(ObjectProvider<HoldingsSource> holdings, ObjectProvider<PriceSource> prices,
            DailyValueStore store) {
        return new DailySnapshotJob(holdings, prices, store, UTC);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.snapshotEnabled()) {
            registrar.addCronTask(new org.springframework.scheduling.config.CronTask(
                    () -> job.getObject().run(), new CronTrigger(properties.snapshotCron(), ZoneOffset.UTC)));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp(ApplicationReadyEvent ready) {
        if (properties.snapshotEnabled() && properties.catchUpOnStart()) {
            DailySnapshotJob snapshots = job.getObject();
            log.debug("Portfolio snapshot catch-up for {}", LocalDate.now(UTC).minusDays(1));
            snapshots.run();
        }
    }
}
