package dev.tradewind.streams.internal;

import dev.tradewind.streams.ChannelType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of {@code /ws} ({@code tradewind_streams_*} in Prometheus). Counters are bound
 * once, so the publish path pays an adder increment, not a registry lookup.
 */
@Component
class StreamMetrics {
    static final String PREFIX = "tradewind.streams.";

    private final MeterRegistry registry;
    private final Map<ChannelType, AtomicInteger> subscriptions = new EnumMap<>(ChannelType.class);
    private final Map<ChannelType, Counter> published = new EnumMap<>(ChannelType.class);
    private final Counter sent;
    private final Counter conflated;
    private final Counter overflowDisconnects;
    private final Counter sendTimeoutDisconnects;

    StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ChannelType type : ChannelType.values()) {
            AtomicInteger count = new AtomicInteger();
            subscriptions.put(type, count);
            Gauge.builder(PREFIX + "subscriptions", count, AtomicInteger::get)
                    .description("Channel subscriptions of open WebSocket sessions")
                    .tag("type", type.prefix()).register(registry);
            published.put(type, Counter.builder(PREFIX + "published")
                    .description("Messages published to channels that had subscribers (each serialized once)")
                    .tag("type", type.prefix()).register(registry));
        }
        sent = Counter.builder(PREFIX + "messages.sent")
                .description("Messages written to WebSocket sessions (data, snapshots and replies)").register(registry);
        conflated = Counter.builder(PREFIX + "messages.conflated")
                .description("State messages replaced by a newer one before a slow session could be sent them")
                .register(registry);
        overflowDisconnects = slowConsumers("queue_overflow");
        sendTimeoutDisconnects = slowConsumers("send_timeout");
    }

    void sessionsGauge(Supplier<Number> open) {
        Gauge.builder(PREFIX + "sessions", open).description("Open WebSocket sessions").register(registry);
    }

    void subscribed(ChannelType type) {
        subscriptions.get(type).incrementAndGet();
    }

    void unsubscribed(ChannelType type) {
        subscriptions.get(type).decrementAndGet();
    }

    void published(ChannelType type) {
        published.get(type).increment();
    }

    void sent() {
        sent.increment();
    }

    void conflated() {
        conflated.increment();
    }

    void queueOverflow() {
        overflowDisconnects.increment();
    }

    void sendTimeout() {
        sendTimeoutDisconnects.increment();
    }

    /** An error reply, by code (low cardinality: the codes of StreamErrorCodes). */
    void error(String code) {
        registry.counter(PREFIX + "errors", "code", code).increment();
    }

    private Counter slowConsumers(String reason) {
        return Counter.builder(PREFIX + "slow.consumers")
                .description("Sessions closed because they could not keep up").tag("reason", reason).register(registry);
    }
}
