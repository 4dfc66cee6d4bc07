package dev.tradewind.portfolio;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HoldingsSource} for tests: balances set by hand. */
public final class InMemoryHoldings implements HoldingsSource {
    private record Balance(BigDecimal available, BigDecimal reserved) {
    }

    private final Map<UUID, Map<String, Balance>> balances = new ConcurrentHashMap<>();

    public void set(UUID user, String asset, BigDecimal available, BigDecimal reserved) {
        balances.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(asset, new Balance(available, reserved));
    }

    public void set(UUID user, String asset, String quantity) {
        set(user, asset, new BigDecimal(quantity), BigDecimal.ZERO);
    }

    @Override
    public Map<String, BigDecimal> holdings(UUID userId) {
        Map<String, BigDecimal> out = new ConcurrentHashMap<>();
        balances.getOrDefault(userId, Map.of()).forEach((asset, balance) -> {
            BigDecimal total = balance.available().add(balance.reserved());
            if (total.signum() != 0) {
                out.put(asset, total);
            }
        });
        return out;
    }

    @Override
    public Collection<UUID> holders() {
        return balances.keySet().stream().filter(user -> !holdings(user).isEmpty()).toList();
    }

    public void clear() {
        balances.clear();
    }
}
