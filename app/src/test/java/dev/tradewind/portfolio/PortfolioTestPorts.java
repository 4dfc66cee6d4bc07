package dev.tradewind.portfolio;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** In-memory implementations of the portfolio ports, standing in for the trading module. */
@TestConfiguration(proxyBeanMethods = false)
public class PortfolioTestPorts {
    @Bean
    InMemoryHoldings inMemoryHoldings() {
        return new InMemoryHoldings();
    }

    @Bean
    InMemoryPrices inMemoryPrices() {
        return new InMemoryPrices();
    }

    @Bean
    InMemoryFills inMemoryFills() {
        return new InMemoryFills();
    }
}
