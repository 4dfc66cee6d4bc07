package dev.tradewind.portfolio;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PriceSource} for tests: last and reference prices set by hand. */
public final class InMemoryPrices implements PriceSource {
    private final Map<String, BigDecimal> last = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> reference = new ConcurrentHashMap<>();

    public void traded(String asset, BigDecimal lastPrice, BigDecimal referencePrice) {
        last.put(asset, lastPrice);
        reference.put(asset, referencePrice);
    }

    public void referenceOnly(String asset, BigDecimal referencePrice) {
        last.remove(asset);
        reference.put(asset, referencePrice);
    }

    @Override
    public Optional<BigDecimal> price(String asset) {
        if (QUOTE_ASSET.equals(asset)) {
            return Optional.of(BigDecimal.ONE);
        }
        BigDecimal price = last.get(asset);
        return Optional.ofNullable(price != null ? price : reference.get(asset));
    }

    public void clear() {
        last.clear();
        reference.clear();
    }
}
