package dev.tradewind.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.command.AdjustBalance;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.HoldWithdrawal;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.Result;
import dev.tradewind.portfolio.Fill;
import dev.tradewind.portfolio.FillHistory;
import dev.tradewind.portfolio.FillHistoryContract;
import dev.tradewind.portfolio.HoldingsSource;
import dev.tradewind.portfolio.HoldingsSourceContract;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trading module's adapters of the portfolio ports on the real engine and embedded PostgreSQL:
 * balances come from engine deposits and holds, fills from real crossed orders stored by the persister.
 */
class PortfolioSourcesIT extends TradingIntegrationTest {
    @Autowired
    HoldingsSource holdings;
    @Autowired
    FillHistory fills;
    @Autowired
    TradingAccounts accounts;
    @Autowired
    ReferenceData referenceData;

    @Nested
    class EngineHoldingsContract extends HoldingsSourceContract {
        @Override
        protected HoldingsSource source() {
            assertThat(holdings).isInstanceOf(EngineHoldings.class);
            return holdings;
        }

        @Override
        protected void givenBalance(UUID user, String asset, BigDecimal available, BigDecimal reserved) {
            long account = accountOf(user);
            Asset a = referenceData.asset(asset).orElseThrow();
            BigDecimal total = available.add(reserved);
            if (total.signum() > 0) {
                run(new CreditDeposit("contract-" + UUID.randomUUID(), account, a.id(),
                        DecimalConverter.amountMinor(a, total.toPlainString())));
            } else { // the engine knows the account and asset, at zero: a deposit taken back
                run(new CreditDeposit("contract-" + UUID.randomUUID(), account, a.id(), 1));
                run(new AdjustBalance("contract-" + UUID.randomUUID(), account, a.id(), -1));
            }
            if (reserved.signum() > 0) { // a withdrawal being paid out reserves exactly this much
                run(new HoldWithdrawal("contract-" + UUID.randomUUID(), account, a.id(),
                        DecimalConverter.amountMinor(a, reserved.toPlainString())));
            }
        }
    }

    @Nested
    class JdbcFillHistoryContract extends FillHistoryContract {
        @Override
        protected FillHistory source() {
            assertThat(fills).isInstanceOf(JdbcFillHistory.class);
            return fills;
        }

        /** {@code user} rests the order (maker, 10 bps), a fresh counterparty takes it. */
        @Override
        protected void givenFill(UUID user, Fill fill) {
            Instrument btcUsd = referenceData.instrument(fill.symbol()).orElseThrow().instrument();
            Asset usd = referenceData.asset("USD").orElseThrow();
            Asset btc = referenceData.asset("BTC").orElseThrow();
            long price = DecimalConverter.priceTicks(btcUsd, fill.price().toPlainString());
            long quantity = DecimalConverter.quantityLots(btcUsd, fill.quantity().toPlainString());
            BigDecimal notional = fill.price().multiply(fill.quantity(), MathContext.DECIMAL128);
            long cash = DecimalConverter.amountMinor(usd, notional.multiply(new BigDecimal("1.01")).setScale(2,
                    RoundingMode.UP).toPlainString());
            long coins = DecimalConverter.amountMinor(btc, fill.quantity().toPlainString());
            long maker = accountOf(user);
            long taker = accountOf(UUID.randomUUID());
            boolean buy = fill.side() == Fill.Side.BUY;
            run(new CreditDeposit("contract-" + UUID.randomUUID(), maker, buy ? usd.id() : btc.id(), buy ? cash : coins));
            run(new CreditDeposit("contract-" + UUID.randomUUID(), taker, buy ? btc.id() : usd.id(), buy ? coins : cash));
            run(PlaceOrder.limit(maker, btcUsd.id(), buy ? Side.BUY : Side.SELL, TimeInForce.GTC, price, quantity));
            run(PlaceOrder.limit(taker, btcUsd.id(), buy ? Side.SELL : Side.BUY, TimeInForce.IOC, price, quantity));
            awaitPersisted();
        }
    }

    /** The engine account of a user that exists only as a row (no password: it never signs in). */
    long accountOf(UUID user) {
        jdbc.update("INSERT INTO users (id, email, display_name, password_hash) VALUES (?, ?, 'Contract', 'none') "
                + "ON CONFLICT (id) DO NOTHING", user, user + "@contract.example.com");
        return accounts.accountOf(user);
    }

    void run(Command command) {
        Result result = engine.execute(command);
        assertThat(result.accepted()).as("%s: %s", command, result.rejectCode()).isTrue();
    }
}
