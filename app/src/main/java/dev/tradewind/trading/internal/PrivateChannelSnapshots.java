package dev.tradewind.trading.internal;

import dev.tradewind.engine.query.Balance;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.streams.Channel;
import dev.tradewind.streams.ChannelSnapshots;
import dev.tradewind.streams.ChannelType;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The first message of the private channels, read from the engine (like {@code GET /balances}): on
 * {@code orders} the user's open orders, oldest first, as {@link OrderUpdate}s with event SNAPSHOT and the
 * engine sequence they were read at; on {@code balances} every asset, zeros included, as on
 * {@code GET /balances}. Changes that follow carry higher sequences (orders) or newer states (balances).
 */
@Component
class PrivateChannelSnapshots implements ChannelSnapshots {
    private final TradingEngine engine;
    private final TradingAccounts accounts;
    private final ReferenceData referenceData;
    private final PrivateViews views;

    PrivateChannelSnapshots(TradingEngine engine, TradingAccounts accounts, ReferenceData referenceData) {
        this.engine = engine;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.views = new PrivateViews(new EngineCatalogCache(engine));
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.ORDERS, ChannelType.BALANCES);
    }

    @Override
    public Optional<?> snapshot(Channel channel, @Nullable UUID userId) {
        if (userId == null) {
            throw new IllegalArgumentException(channel + " is a private channel: it needs the user");
        }
        Optional<Long> account = accounts.findAccount(userId);
        return switch (channel.type()) {
            case ORDERS -> Optional.of(account.map(this::openOrders).orElse(List.of()));
            case BALANCES -> Optional.of(balances(account));
            default -> Optional.empty();
        };
    }

    private List<OrderUpdate> openOrders(long accountId) {
        record Open(List<OrderSnapshot> orders, long sequence) {
        }
        Open open = engine.query(m -> new Open(m.openOrders(accountId), m.lastSequence()));
        return open.orders().stream().map(o -> views.snapshot(o, open.sequence())).toList();
    }

    private List<BalanceView> balances(Optional<Long> account) {
        Map<Integer, Balance> byAsset = new HashMap<>();
        account.ifPresent(id -> engine.query(m -> m.balances(id)).forEach(b -> byAsset.put(b.assetId(), b)));
        return referenceData.assets().stream().map(asset -> {
            Balance b = byAsset.getOrDefault(asset.id(), new Balance(asset.id(), 0, 0));
            return new BalanceView(asset.code(), PrivateViews.amount(asset, b.total()),
                    PrivateViews.amount(asset, b.available()), PrivateViews.amount(asset, b.reserved()));
        }).toList();
    }
}
