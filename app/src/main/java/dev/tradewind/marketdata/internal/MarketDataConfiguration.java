package dev.tradewind.marketdata.internal;

import dev.tradewind.marketdata.MarketDataProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MarketDataConfiguration {
    @Bean
    RecentTrades recentTrades(MarketDataProperties properties) {
        return new RecentTrades(properties.recentTrades());
    }
}
