package dev.tradewind;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TradewindApplication {
    public static void main(String[] args) {
        SpringApplication.run(TradewindApplication.class, args);
    }
}
