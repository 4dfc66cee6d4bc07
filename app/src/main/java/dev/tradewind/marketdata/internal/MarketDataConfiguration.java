package dev.tradewind.marketdata.internal;

import dev.tradewind.marketdata.MarketDataProperties;
import dev.tradewind.streams.StreamPublisher;
import dev.tradewind.streams.SymbolDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;

@Configuration(proxyBeanMethods = false)
@Import(MarketDataConfiguration.AfterOtherOwners.class)
class MarketDataConfiguration {
    @Bean
    RecentTrades recentTrades(MarketDataProperties properties) {
        return new RecentTrades(properties.recentTrades());
    }

    /**
     * Market data owns the public WebSocket channels ({@link MarketStreams}) unless another
     * {@link SymbolDirectory} is already defined, as in the streams module's tests, which bring fake
     * channel owners: two owners of one channel type would fail the start. Deferred so that the condition
     * sees every other configuration first (the same ordering auto-configuration relies on).
     */
    static final class AfterOtherOwners implements DeferredImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[]{StreamOwnership.class.getName()};
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class StreamOwnership {
        @Bean
        @ConditionalOnMissingBean(SymbolDirectory.class)
        MarketStreams marketStreams(StreamPublisher publisher, MarketQueries queries, MarketDataProperties properties) {
            return new MarketStreams(publisher, queries, properties);
        }
    }
}
