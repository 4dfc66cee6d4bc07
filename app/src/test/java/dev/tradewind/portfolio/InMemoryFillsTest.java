package dev.tradewind.portfolio;

import java.util.UUID;

/** The in-memory test adapter passes the contract (which also shows the contract holds together). */
class InMemoryFillsTest extends FillHistoryContract {
    private final InMemoryFills fills = new InMemoryFills();

    @Override
    protected FillHistory source() {
        return fills;
    }

    @Override
    protected void givenFill(UUID user, Fill fill) {
        fills.add(user, fill);
    }
}
