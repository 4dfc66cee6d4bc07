package dev.tradewind.trading.internal;

import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.BalanceChanged;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.OrderAccepted;
import dev.tradewind.engine.event.OrderCancelled;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.OrderRejected;
import dev.tradewind.engine.event.OrderReplaced;
import dev.tradewind.engine.event.StopTriggered;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.query.Balance;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.sequencer.EventBatch;
import dev.tradewind.engine.sequencer.EventConsumer;
import dev.tradewind.streams.Channel;
import dev.tradewind.streams.StreamPublisher;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the private WebSocket channels from engine events, on its subscription's own thread (the
 * engine only offers batches to its buffer and never waits for it): every change of an order to its
 * owner's {@code orders} channel ({@link OrderUpdate}), every {@link BalanceChanged} to the owner's
 * {@code balances} channel, conflated per asset.
 *
 * <p>Orders are followed in memory from {@link OrderAccepted} until they are filled, cancelled, expired
 * or rejected, so each message carries the whole order (filled quantity, average price). An order met
 * mid-life (open before this feed attached, or forgotten after a re-sync) is loaded from the engine
 * once; the engine's copy already includes every event up to the sequence it was read at, so those are
 * not applied twice (such an order that is already gone from the engine, filled or cancelled, gets no
 * message: {@code GET /orders/{orderId}} has its end state). Normally every open order is known: the feed
 * starts from the engine's open orders at the sequence it attaches after ({@link #prepare}).
 *
 * <p>Not thread-safe: {@link #prepare} runs before the subscription starts, everything else on the
 * subscription's thread. After a failed subscription a new feed takes over ({@link PrivateStreams}).
 */
final class PrivateChannelFeed implements EventConsumer<EngineEvent> {
    private static final Logger log = LoggerFactory.getLogger(PrivateChannelFeed.class);
    private static final String ORDERS = Channel.ORDERS.name();
    private static final String BALANCES = Channel.BALANCES.name();

    private final TradingEngine engine;
    private final TradingAccounts accounts;
    private final StreamPublisher publisher;
    private final PrivateViews views;
    private final Map<Long, TrackedOrder> orders = new HashMap<>();
    private final Map<Long, Optional<UUID>> users = new HashMap<>();
    private final Runnable onFailure;

    PrivateChannelFeed(TradingEngine engine, TradingAccounts accounts, StreamPublisher publisher, PrivateViews views,
                       Runnable onFailure) {
        this.engine = engine;
        this.accounts = accounts;
        this.publisher = publisher;
        this.views = views;
        this.onFailure = onFailure;
    }

    @Override
    public void onBatch(EventBatch<EngineEvent> batch) {
        for (int i = 0; i < batch.size(); i++) {
            EngineEvent event = batch.event(i);
            try {
                handle(event);
            } catch (RuntimeException e) {
                // One bad event must not stop the stream of everyone: re-send that account's state instead.
                log.error("Private channels: failed on {}; re-sending the account's orders and balances", event, e);
                for (long account : accountsOf(event)) {
                    try {
                        resyncAccount(account);
                    } catch (RuntimeException again) {
                        log.error("Private channels: could not re-send the state of account {} either", account, again);
                    }
                }
            }
        }
    }

    private void handle(EngineEvent event) {
        switch (event) {
            case BalanceChanged b -> userOf(b.accountId()).filter(user -> publisher.hasSubscribers(user, BALANCES))
                    .ifPresent(user -> publishBalance(user, b.assetId(), b.total(), b.reserved()));
            case OrderAccepted a -> userOf(a.accountId()).ifPresent(user -> {
                TrackedOrder o = new TrackedOrder(a.orderId(), a.accountId(), user, a.instrumentId(), a.clientOrderId(),
                        a.side(), a.type(), a.timeInForce(), a.timestamp(), 0);
                o.price = a.price();
                o.stopPrice = a.stopPrice();
                o.quantity = a.quantity();
                o.status = a.status();
                orders.put(o.orderId, o);
                publish(o, "ACCEPTED", null, null, a.sequence(), a.timestamp());
            });
            case OrderRejected r -> userOf(r.accountId()).filter(this::listensToOrders).ifPresent(user ->
                    publisher.publishToUser(user, ORDERS, new OrderUpdate(r.orderId(), r.clientOrderId(), views.symbol(r.instrumentId()), null, null, null, null,
                            null, null, null, null, OrderStatus.REJECTED, r.code().name(), "REJECTED", null, null,
                            r.sequence(), PrivateViews.instant(r.timestamp()), PrivateViews.instant(r.timestamp()))));
            case TradeExecuted t -> {
                onFill(t, t.makerOrderId(), t.makerAccountId(), t.makerFee(), t.makerRemaining(), Liquidity.MAKER);
                onFill(t, t.takerOrderId(), t.takerAccountId(), t.takerFee(), t.takerRemaining(), Liquidity.TAKER);
            }
            case OrderCancelled c -> tracked(c.orderId(), c.accountId(), c.sequence()).ifPresent(o -> {
                if (c.sequence() > o.asOfSequence) {
                    o.filledQuantity = c.filledQuantity();
                    o.status = OrderStatus.CANCELLED;
                }
                orders.remove(o.orderId);
                publish(o, "CANCELLED", null, null, c.sequence(), c.timestamp());
            });
            case OrderExpired x -> tracked(x.orderId(), x.accountId(), x.sequence()).ifPresent(o -> {
                if (x.sequence() > o.asOfSequence) {
                    o.filledQuantity = x.filledQuantity();
                    o.status = OrderStatus.EXPIRED;
                }
                orders.remove(o.orderId);
                publish(o, "EXPIRED", x.reason().name(), null, x.sequence(), x.timestamp());
            });
            case StopTriggered s -> tracked(s.orderId(), s.accountId(), s.sequence()).ifPresent(o -> {
                if (s.sequence() > o.asOfSequence && o.status == OrderStatus.PENDING_TRIGGER) {
                    o.status = OrderStatus.NEW; // it enters the book now; its fills follow as their own changes
                }
                publish(o, "STOP_TRIGGERED", null, null, s.sequence(), s.timestamp());
            });
            case OrderReplaced r -> tracked(r.orderId(), r.accountId(), r.sequence()).ifPresent(o -> {
                if (r.sequence() > o.asOfSequence) {
                    o.price = r.price();
                    o.quantity = r.quantity();
                }
                publish(o, "REPLACED", null, null, r.sequence(), r.timestamp());
            });
            default -> {
            }
        }
    }

    private void onFill(TradeExecuted t, long orderId, long accountId, long fee, long remaining, Liquidity liquidity) {
        tracked(orderId, accountId, t.sequence()).ifPresent(o -> {
            if (t.sequence() > o.asOfSequence) {
                o.filledQuantity += t.quantity();
                o.filledValue += t.price() * t.quantity();
                o.status = remaining == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            }
            if (!o.status.isOpen()) {
                orders.remove(orderId);
            }
            if (listensToOrders(o.userId)) {
                publish(o, "TRADE", null, views.fill(t.instrumentId(), t.tradeId(), t.price(), t.quantity(), fee,
                        liquidity), t.sequence(), t.timestamp());
            }
        });
    }

    /** The followed order, loading it from the engine when the feed meets it mid-life; empty for no user. */
    private Optional<TrackedOrder> tracked(long orderId, long accountId, long sequence) {
        TrackedOrder known = orders.get(orderId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> user = userOf(accountId);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        record Loaded(Optional<OrderSnapshot> order, long sequence) {
        }
        Loaded loaded = engine.query(m -> new Loaded(m.order(orderId), m.lastSequence()));
        if (loaded.order().isEmpty()) {
            // Already closed in the engine (this event or a later one closed it): nothing left to follow.
            log.debug("Private channels: order {} is no longer in the engine at sequence {}", orderId, sequence);
            return Optional.empty();
        }
        TrackedOrder o = TrackedOrder.of(loaded.order().get(), user.get(), loaded.sequence());
        if (o.status.isOpen()) {
            orders.put(orderId, o);
        }
        return Optional.of(o);
    }

    private void publishBalance(UUID user, int assetId, long total, long reserved) {
        BalanceView view = views.balance(assetId, total, reserved);
        publisher.publishToUser(user, BALANCES, view.asset(), view);
    }

    /** Orders are followed whether anyone listens or not; messages are built only for a listener. */
    private boolean listensToOrders(UUID user) {
        return publisher.hasSubscribers(user, ORDERS);
    }

    private void publish(TrackedOrder o, String event, String expiryReason, OrderUpdate.FillUpdate fill, long sequence,
                         long timestamp) {
        if (!listensToOrders(o.userId)) {
            return;
        }
        publisher.publishToUser(o.userId, ORDERS, views.order(o, event, expiryReason, fill, sequence, timestamp));
    }

    private Optional<UUID> userOf(long accountId) {
        if (accountId == MatchingEngine.FEE_ACCOUNT_ID) {
            return Optional.empty();
        }
        // Mappings never change once made, and an engine account exists only after its row: cache both answers.
        return users.computeIfAbsent(accountId, accounts::userOf);
    }

    private static long[] accountsOf(EngineEvent event) {
        return switch (event) {
            case BalanceChanged b -> new long[] {b.accountId()};
            case OrderAccepted a -> new long[] {a.accountId()};
            case OrderCancelled c -> new long[] {c.accountId()};
            case OrderExpired x -> new long[] {x.accountId()};
            case StopTriggered st -> new long[] {st.accountId()};
            case OrderReplaced r -> new long[] {r.accountId()};
            case TradeExecuted t -> new long[] {t.makerAccountId(), t.takerAccountId()};
            default -> new long[0];
        };
    }

    /**
     * Before attaching: follows every open order as of one engine sequence, which the subscription must
     * start after. With {@code resend}, also publishes every user's open orders and balances as of that
     * sequence, so that clients connected across a lost place start again from the current state, and
     * what follows (the events after it) applies on top without gap or overlap.
     *
     * @return the engine sequence the state was read at
     */
    long prepare(boolean resend) {
        record Seed(List<OrderSnapshot> open, Map<Long, List<Balance>> balances, long sequence) {
        }
        Seed seed = engine.query(m -> {
            List<OrderSnapshot> open = new ArrayList<>();
            m.forEachOpenOrder(open::add);
            Map<Long, List<Balance>> balances = new HashMap<>();
            if (resend) {
                for (long id : m.accountIds()) {
                    balances.put(id, m.balances(id));
                }
            }
            return new Seed(open, balances, m.lastSequence());
        });
        orders.clear();
        for (OrderSnapshot o : seed.open()) {
            userOf(o.accountId()).ifPresent(user -> {
                orders.put(o.orderId(), TrackedOrder.of(o, user, seed.sequence()));
                if (resend) {
                    publisher.publishToUser(user, ORDERS, views.snapshot(o, seed.sequence()));
                }
            });
        }
        seed.balances().forEach((account, list) -> userOf(account).ifPresent(user -> {
            for (Balance b : list) {
                publishBalance(user, b.assetId(), b.total(), b.reserved());
            }
        }));
        return seed.sequence();
    }

    /** Re-sends one account's open orders and balances and follows its orders afresh from the engine's copy. */
    void resyncAccount(long accountId) {
        orders.values().removeIf(o -> o.accountId == accountId);
        Optional<UUID> user = userOf(accountId);
        if (user.isEmpty()) {
            return;
        }
        record State(List<OrderSnapshot> orders, List<Balance> balances, long sequence) {
        }
        State state = engine.query(m -> new State(m.openOrders(accountId), m.balances(accountId), m.lastSequence()));
        for (Balance b : state.balances()) {
            publishBalance(user.get(), b.assetId(), b.total(), b.reserved());
        }
        for (OrderSnapshot o : state.orders()) {
            orders.put(o.orderId(), TrackedOrder.of(o, user.get(), state.sequence()));
            publisher.publishToUser(user.get(), ORDERS, views.snapshot(o, state.sequence()));
        }
    }

    @Override
    public void onLag(long lastDeliveredSequence) {
        // The subscription replays what it dropped from the journal before going live again: nothing is lost,
        // clients only get the missed changes late, in order.
        log.warn("Private channels fell behind the engine after sequence {}; catching up from the journal",
                lastDeliveredSequence);
    }

    @Override
    public void onError(Throwable error) {
        log.error("Private channels lost their place in the engine's event stream; re-attaching and re-sending "
                + "every user's orders and balances", error);
        onFailure.run();
    }
}
