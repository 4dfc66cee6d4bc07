package dev.tradewind.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link FillHistory} for tests: fills recorded by hand, returned oldest first. */
public final class InMemoryFills implements FillHistory {
    private final Map<UUID, List<Fill>> fills = new ConcurrentHashMap<>();

    public synchronized void add(UUID user, Fill fill) {
        fills.computeIfAbsent(user, u -> new ArrayList<>()).add(fill);
    }

    @Override
    public synchronized List<Fill> fills(UUID userId) {
        // stable sort: fills of the same instant keep the order they were recorded in
        return fills.getOrDefault(userId, List.of()).stream().sorted(Comparator.comparing(Fill::time)).toList();
    }

    public synchronized void clear() {
        fills.clear();
    }
}
