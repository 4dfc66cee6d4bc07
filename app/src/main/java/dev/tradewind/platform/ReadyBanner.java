package dev.tradewind.platform;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who ran {@code ./tradewind up} where to go, once the app really serves requests.
 * Modules add lines (e.g. the demo login) through {@link ReadyBannerLine} beans.
 */
@Component
class ReadyBanner {
    private final List<ReadyBannerLine> lines;

    ReadyBanner(List<ReadyBannerLine> lines) {
        this.lines = lines;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        StringBuilder out = new StringBuilder("\n  Tradewind is ready at http://localhost:").append(port).append('\n');
        lines.forEach(line -> out.append("  ").append(line.text()).append('\n'));
        System.out.println(out);
    }
}
