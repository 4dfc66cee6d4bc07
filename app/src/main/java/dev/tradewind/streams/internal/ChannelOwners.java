package dev.tradewind.streams.internal;

import dev.tradewind.streams.Channel;
import dev.tradewind.streams.ChannelSnapshots;
import dev.tradewind.streams.ChannelType;
import dev.tradewind.streams.SymbolDirectory;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The ports other modules implement for streams: {@link ChannelSnapshots} (at most one per channel type)
 * and {@link SymbolDirectory} (at most one; {@link WellFormedSymbols} without). Resolved once all beans
 * exist, so an owner may itself depend on the publisher, and a conflict fails the start.
 */
@Component
class ChannelOwners implements SmartInitializingSingleton {
    private final ObjectProvider<ChannelSnapshots> snapshotBeans;
    private final ObjectProvider<SymbolDirectory> directoryBeans;
    private volatile Map<ChannelType, ChannelSnapshots> snapshots = Map.of();
    private volatile SymbolDirectory directory = new WellFormedSymbols();

    ChannelOwners(ObjectProvider<ChannelSnapshots> snapshotBeans, ObjectProvider<SymbolDirectory> directoryBeans) {
        this.snapshotBeans = snapshotBeans;
        this.directoryBeans = directoryBeans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<ChannelType, ChannelSnapshots> byType = new EnumMap<>(ChannelType.class);
        snapshotBeans.orderedStream().forEach(owner -> {
            for (ChannelType type : owner.channelTypes()) {
                ChannelSnapshots other = byType.putIfAbsent(type, owner);
                if (other != null) {
                    throw new IllegalStateException("Two ChannelSnapshots beans answer for channel type " + type + ": "
                            + AopUtils.getTargetClass(other).getName() + " and " + AopUtils.getTargetClass(owner).getName()
                            + "; exactly one module owns each channel type");
                }
            }
        });
        snapshots = Map.copyOf(byType);
        directory = directoryBeans.getIfAvailable(WellFormedSymbols::new); // two beans: NoUniqueBeanDefinitionException
    }

    boolean exists(String symbol) {
        return directory.exists(symbol);
    }

    /** @throws RuntimeException whatever the owner throws */
    Optional<?> snapshot(Channel channel, @Nullable UUID userId) {
        ChannelSnapshots owner = snapshots.get(channel.type());
        if (owner == null) {
            return Optional.empty();
        }
        Optional<?> snapshot = owner.snapshot(channel, userId);
        return snapshot == null ? Optional.empty() : snapshot;
    }
}
