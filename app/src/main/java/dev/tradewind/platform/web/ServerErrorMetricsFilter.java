package dev.tradewind.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts responses with a 5xx status as {@code tradewind.http.server.errors{status}}
 * (Prometheus {@code tradewind_http_server_errors_total}), the figure to alert on. An exception
 * that escapes the whole chain becomes a 500 in the container, so it counts as one.
 */
public class ServerErrorMetricsFilter extends OncePerRequestFilter {
    static final String METRIC = "tradewind.http.server.errors";
    private final MeterRegistry registry;

    public ServerErrorMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            count(500);
            throw e;
        }
        if (response.getStatus() >= 500) {
            count(response.getStatus());
        }
    }

    private void count(int status) {
        Counter.builder(METRIC).description("HTTP responses with a 5xx status").tag("status", Integer.toString(status))
                .register(registry).increment();
    }
}
