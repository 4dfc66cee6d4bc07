package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AdjustBalance;
import dev.tradewind.engine.command.ConfirmWithdrawal;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.HoldWithdrawal;
import dev.tradewind.engine.command.ReleaseWithdrawal;
import dev.tradewind.engine.event.BalanceChanged;
import dev.tradewind.engine.event.DepositCredited;
import dev.tradewind.engine.event.WithdrawalConfirmed;
import dev.tradewind.engine.result.BalanceResult;
import dev.tradewind.engine.result.RejectCode;
import org.junit.jupiter.api.Test;

import static dev.tradewind.engine.core.TestMarket.BTC;
import static dev.tradewind.engine.core.TestMarket.USD;
import static org.assertj.core.api.Assertions.assertThat;

class MoneyCommandTest {
    private final TestMarket t = TestMarket.create();

    private BalanceResult money(dev.tradewind.engine.command.Command command) {
        return (BalanceResult) t.apply(command);
    }

    @Test
    void aDepositIsCreditedOnceWhateverTheRepeats() {
        BalanceResult first = money(new CreditDeposit("evt_1", 7, USD, 500));
        assertThat(first.total()).isEqualTo(500);
        assertThat(first.replayed()).isFalse();
        assertThat(t.last(DepositCredited.class)).hasSize(1);
        assertThat(t.last(BalanceChanged.class)).singleElement().satisfies(b -> assertThat(b.total()).isEqualTo(500));
        money(new CreditDeposit("evt_2", 7, USD, 100));
        long hash = t.engine.contentHash();

        BalanceResult repeat = money(new CreditDeposit("evt_1", 7, USD, 500));

        assertThat(repeat.accepted()).isTrue();
        assertThat(repeat.replayed()).isTrue();
        assertThat(repeat.total()).isEqualTo(500); // the original outcome, not today's balance
        assertThat(t.lastEvents).isEmpty();
        assertThat(t.engine.contentHash()).isEqualTo(hash);
        assertThat(t.usd(7).total()).isEqualTo(600);
    }

    @Test
    void aReusedReferenceWithAnotherRequestIsADuplicate() {
        money(new CreditDeposit("evt_1", 7, USD, 500));
        assertThat(money(new CreditDeposit("evt_1", 7, USD, 501)).rejectCode()).isEqualTo(RejectCode.DUPLICATE_REFERENCE);
        assertThat(money(new CreditDeposit("evt_1", 8, USD, 500)).rejectCode()).isEqualTo(RejectCode.DUPLICATE_REFERENCE);
        assertThat(money(new AdjustBalance("evt_1", 7, USD, 500)).rejectCode()).isEqualTo(RejectCode.DUPLICATE_REFERENCE);
        assertThat(money(new HoldWithdrawal("evt_1", 7, USD, 500)).rejectCode()).isEqualTo(RejectCode.DUPLICATE_REFERENCE);
    }

    @Test
    void aRejectedRequestDoesNotConsumeItsReference() {
        assertThat(money(new HoldWithdrawal("wd_1", 7, USD, 100)).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        money(new CreditDeposit("evt_1", 7, USD, 500));
        assertThat(money(new HoldWithdrawal("wd_1", 7, USD, 100)).accepted()).isTrue();
    }

    @Test
    void aWithdrawalIsHeldThenConfirmedExactlyOnce() {
        money(new CreditDeposit("evt_1", 7, USD, 500));
        BalanceResult held = money(new HoldWithdrawal("wd_1", 7, USD, 200));
        assertThat(held.total()).isEqualTo(500);
        assertThat(held.reserved()).isEqualTo(200);
        assertThat(t.engine.balance(7, USD).available()).isEqualTo(300);

        BalanceResult confirmed = money(new ConfirmWithdrawal("wd_1"));
        assertThat(confirmed.total()).isEqualTo(300);
        assertThat(confirmed.reserved()).isZero();
        assertThat(t.last(WithdrawalConfirmed.class)).hasSize(1);
        assertThat(t.engine.supply(USD)).isEqualTo(300);

        BalanceResult again = money(new ConfirmWithdrawal("wd_1"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.total()).isEqualTo(300);
        assertThat(t.lastEvents).isEmpty();
        assertThat(money(new ReleaseWithdrawal("wd_1")).rejectCode()).isEqualTo(RejectCode.WITHDRAWAL_NOT_HELD);
        assertThat(money(new HoldWithdrawal("wd_1", 7, USD, 200)).replayed()).isTrue();
    }

    @Test
    void aReleasedWithdrawalGoesBackToAvailable() {
        money(new CreditDeposit("evt_1", 7, BTC, 500));
        money(new HoldWithdrawal("wd_1", 7, BTC, 500));
        assertThat(t.engine.balance(7, BTC).available()).isZero();
        assertThat(money(new ReleaseWithdrawal("wd_1")).reserved()).isZero();
        assertThat(money(new ReleaseWithdrawal("wd_1")).replayed()).isTrue();
        assertThat(money(new ConfirmWithdrawal("wd_1")).rejectCode()).isEqualTo(RejectCode.WITHDRAWAL_NOT_HELD);
        assertThat(money(new ConfirmWithdrawal("evt_1")).rejectCode()).isEqualTo(RejectCode.UNKNOWN_REFERENCE);
        assertThat(money(new ConfirmWithdrawal("nope")).rejectCode()).isEqualTo(RejectCode.UNKNOWN_REFERENCE);
        assertThat(t.engine.balance(7, BTC).total()).isEqualTo(500);
    }

    @Test
    void heldFundsCannotBeTraded() {
        money(new CreditDeposit("evt_1", 7, USD, 1_000));
        money(new HoldWithdrawal("wd_1", 7, USD, 600));
        assertThat(t.buy(7, 100, 5).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(t.buy(7, 100, 4).accepted()).isTrue();
    }

    @Test
    void adjustmentsAreSignedAndCannotOverdraw() {
        money(new CreditDeposit("evt_1", 7, USD, 1_000));
        assertThat(money(new AdjustBalance("adj_1", 7, USD, -400)).total()).isEqualTo(600);
        assertThat(money(new AdjustBalance("adj_2", 7, USD, -601)).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(money(new AdjustBalance("adj_3", 7, USD, 0)).rejectCode()).isEqualTo(RejectCode.INVALID_AMOUNT);
        assertThat(money(new AdjustBalance("adj_4", 9, USD, -1)).rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(money(new AdjustBalance("adj_5", 7, USD, 50)).total()).isEqualTo(650);
        assertThat(t.engine.supply(USD)).isEqualTo(650);
    }

    @Test
    void theFeeAccountCanBeSwept() {
        money(new CreditDeposit("evt_1", MatchingEngine.FEE_ACCOUNT_ID, USD, 10));
        assertThat(money(new AdjustBalance("sweep", MatchingEngine.FEE_ACCOUNT_ID, USD, -10)).total()).isZero();
    }

    @Test
    void suppliesCannotOverflow() {
        money(new CreditDeposit("a", 1, USD, Long.MAX_VALUE - 10));
        assertThat(money(new CreditDeposit("b", 2, USD, 11)).rejectCode()).isEqualTo(RejectCode.BALANCE_OVERFLOW);
        assertThat(money(new AdjustBalance("c", 2, USD, 11)).rejectCode()).isEqualTo(RejectCode.BALANCE_OVERFLOW);
        assertThat(money(new CreditDeposit("d", 2, USD, 10)).accepted()).isTrue();
    }

    @Test
    void invalidRequestsAreRejected() {
        assertThat(money(new CreditDeposit(null, 1, USD, 5)).rejectCode()).isEqualTo(RejectCode.INVALID_REFERENCE);
        assertThat(money(new CreditDeposit("x", -1, USD, 5)).rejectCode()).isEqualTo(RejectCode.INVALID_ACCOUNT);
        assertThat(money(new CreditDeposit("x", 1, 5, 5)).rejectCode()).isEqualTo(RejectCode.UNKNOWN_ASSET);
        assertThat(money(new CreditDeposit("x", 1, USD, -5)).rejectCode()).isEqualTo(RejectCode.INVALID_AMOUNT);
        assertThat(money(new ConfirmWithdrawal(null)).rejectCode()).isEqualTo(RejectCode.INVALID_REFERENCE);
    }
}
