package dev.tradewind.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.event.BalanceAdjusted;
import dev.tradewind.engine.event.DepositCredited;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.OrderAccepted;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.event.WithdrawalConfirmed;
import dev.tradewind.engine.event.WithdrawalHeld;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InstrumentRules;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.sequencer.EventBatch;
import dev.tradewind.trading.EngineCatalog;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerWriterTest {
    private static final Asset BTC = new Asset(0, "BTC", 8);
    private static final Asset USD = new Asset(1, "USD", 8);
    private static final Instrument BTC_USD = InstrumentRules.define(0, "BTC-USD", BTC, USD, new Increment(1, 2),
            new Increment(1, 5), 10);
    private static final EngineCatalog CATALOG = new EngineCatalog() {
        @Override
        public Asset asset(int assetId) {
            return List.of(BTC, USD).get(assetId);
        }

        @Override
        public Instrument instrument(int instrumentId) {
            return BTC_USD;
        }
    };

    @Test
    void everyMovementOfMoneyBecomesABalancedEntry() throws Exception {
        // price 40000.00 (4,000,000 ticks) x 0.5 BTC (50,000 lots); taker buys; fees 10 / 20 bps
        TradeExecuted trade = new TradeExecuted(7, 7_000, 3, 0, 4_000_000, 50_000, Side.BUY,
                5, 11, 2_000_000_000L, 0, 7, 12, 4_000_000_000L, 0);
        List<LedgerWriter.Entry> entries = LedgerWriter.entries(batch(5, 8,
                new DepositCredited(5, 5_000, "dep-1", 12, 1, 10_000_000_000_000L),
                new WithdrawalHeld(6, 6_000, "wd-1", 12, 1, 100),
                new OrderAccepted(7, 7_000, 7, 12, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 4_000_000, 0, 50_000,
                        null, OrderStatus.NEW),
                trade,
                new BalanceAdjusted(8, 8_000, "adj-1", 11, 0, -1),
                new WithdrawalConfirmed(8, 8_000, "wd-1", 12, 1, 100)), CATALOG);

        assertThat(entries).extracting(LedgerWriter.Entry::type)
                .containsExactly("DEPOSIT", "TRADE", "ADJUSTMENT", "WITHDRAWAL");
        entries.forEach(LedgerWriter::checkBalanced);
        LedgerWriter.Entry tradeEntry = entries.get(1);
        assertThat(tradeEntry.reference()).isEqualTo("trade:3");
        assertThat(tradeEntry.eventIndex()).isEqualTo(1); // second event of sequence 7
        Map<String, BigDecimal> byLine = new HashMap<>();
        tradeEntry.postings().forEach(p -> byLine.merge(p.accountId() + ":" + p.asset() + ":" + p.kind(), p.amount(),
                BigDecimal::add));
        assertThat(byLine.get("12:BTC:TRADE")).isEqualByComparingTo("0.5");
        assertThat(byLine.get("11:BTC:TRADE")).isEqualByComparingTo("-0.5");
        assertThat(byLine.get("12:USD:TRADE")).isEqualByComparingTo("-20000");
        assertThat(byLine.get("11:USD:TRADE")).isEqualByComparingTo("20000");
        assertThat(byLine.get("12:USD:FEE")).isEqualByComparingTo("-40");
        assertThat(byLine.get("11:USD:FEE")).isEqualByComparingTo("-20");
        assertThat(byLine.get("0:USD:FEE")).isEqualByComparingTo("60");
        assertThat(entries.get(2).postings()).extracting(LedgerWriter.Posting::accountId).containsExactly(11L, -3L);
        assertThat(entries.get(3).postings().getFirst().amount()).isEqualByComparingTo("-0.000001");
    }

    @Test
    void anUnbalancedEntryIsRefusedBeforeItReachesTheDatabase() {
        LedgerWriter.Entry entry = new LedgerWriter.Entry(1, 0, "ADJUSTMENT", "x", 0, List.of(
                new LedgerWriter.Posting(1, "USD", new BigDecimal("1"), "ADJUSTMENT"),
                new LedgerWriter.Posting(-3, "USD", new BigDecimal("-0.99"), "ADJUSTMENT")));
        assertThatThrownBy(() -> LedgerWriter.checkBalanced(entry)).hasMessageContaining("does not balance");
    }

    @SuppressWarnings("unchecked")
    private static EventBatch<EngineEvent> batch(long first, long last, EngineEvent... events) throws Exception {
        Constructor<?> constructor = EventBatch.class.getDeclaredConstructor(long.class, long.class, long[].class,
                Object[].class);
        constructor.setAccessible(true);
        long[] sequences = new long[events.length];
        for (int i = 0; i < events.length; i++) {
            sequences[i] = events[i].sequence();
        }
        return (EventBatch<EngineEvent>) constructor.newInstance(first, last, sequences, events);
    }
}
