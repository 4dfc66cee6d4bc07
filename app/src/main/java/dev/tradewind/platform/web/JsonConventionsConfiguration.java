package dev.tradewind.platform.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

/**
 * JSON conventions of API.md that hold for every module: decimal numbers travel as strings
 * ({@code "42000.50"}, plain notation, scale kept), never as JSON floats a client could round.
 */
@Configuration(proxyBeanMethods = false)
class JsonConventionsConfiguration {
    @Bean
    JsonMapperBuilderCustomizer decimalsAsStrings() {
        return builder -> builder
                .withConfigOverride(BigDecimal.class,
                        override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
