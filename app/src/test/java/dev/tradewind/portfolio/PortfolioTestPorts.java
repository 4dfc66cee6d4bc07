package dev.tradewind.portfolio;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In-memory implementations of the portfolio ports, standing in for the real adapters (trading's holdings
 * and fills, market data's prices), which exist too: primary, so the portfolio module uses these.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PortfolioTestPorts {
    @Bean
    @Primary
    InMemoryHoldings inMemoryHoldings() {
        return new InMemoryHoldings();
    }

    @Bean
    @Primary
    InMemoryPrices inMemoryPrices() {
        return new InMemoryPrices();
    }

    @Bean
    @Primary
    InMemoryFills inMemoryFills() {
        return new InMemoryFills();
    }
}
