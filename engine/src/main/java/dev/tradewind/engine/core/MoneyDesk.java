package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AdjustBalance;
import dev.tradewind.engine.command.ConfirmWithdrawal;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.HoldWithdrawal;
import dev.tradewind.engine.command.ReleaseWithdrawal;
import dev.tradewind.engine.event.BalanceAdjusted;
import dev.tradewind.engine.event.DepositCredited;
import dev.tradewind.engine.event.WithdrawalConfirmed;
import dev.tradewind.engine.event.WithdrawalHeld;
import dev.tradewind.engine.event.WithdrawalReleased;
import dev.tradewind.engine.result.BalanceResult;
import dev.tradewind.engine.result.RejectCode;
import dev.tradewind.engine.risk.Account;

/**
 * Money in and out, idempotent by reference: a repeated reference with the same request answers
 * the original outcome (flagged {@code replayed}) and changes nothing; the same reference with a
 * different request is {@code DUPLICATE_REFERENCE}. Only successful commands record their
 * reference, because a rejection must not change state (so a refused request can be retried).
 * Every credit and debit goes through the per-asset supply, which therefore always equals the sum of
 * all balances and bounds each of them: a balance can never overflow.
 */
final class MoneyDesk {
    private final EngineState state;
    private final EventEmitter events;

    MoneyDesk(EngineState state, EventEmitter events) {
        this.state = state;
        this.events = events;
    }

    BalanceResult credit(CreditDeposit c) {
        RejectCode code = checkRequest(c.reference(), c.accountId(), c.assetId(), c.amount() > 0);
        if (code != null) {
            return rejected(code, c.accountId(), c.assetId());
        }
        MoneyRecord previous = state.moneyRecords.get(c.reference());
        if (previous != null) {
            return replay(previous, MoneyRecord.CREDIT, c.accountId(), c.assetId(), c.amount());
        }
        if (state.supply(c.assetId()) > Long.MAX_VALUE - c.amount()) {
            return rejected(RejectCode.BALANCE_OVERFLOW, c.accountId(), c.assetId());
        }
        Account account = state.accountOrCreate(c.accountId());
        state.addSupply(c.assetId(), c.amount());
        account.addTotal(c.assetId(), c.amount());
        events.emit(new DepositCredited(events.sequence, events.timestamp, c.reference(), c.accountId(), c.assetId(), c.amount()));
        return record(MoneyRecord.CREDIT, c.reference(), account, c.assetId(), c.amount());
    }

    BalanceResult hold(HoldWithdrawal c) {
        RejectCode code = checkRequest(c.reference(), c.accountId(), c.assetId(), c.amount() > 0);
        if (code != null) {
            return rejected(code, c.accountId(), c.assetId());
        }
        MoneyRecord previous = state.moneyRecords.get(c.reference());
        if (previous != null) {
            return replay(previous, MoneyRecord.HOLD, c.accountId(), c.assetId(), c.amount());
        }
        Account account = state.account(c.accountId());
        if (account == null || account.available(c.assetId()) < c.amount()) {
            return rejected(RejectCode.INSUFFICIENT_FUNDS, c.accountId(), c.assetId());
        }
        account.reserve(c.assetId(), c.amount());
        events.emit(new WithdrawalHeld(events.sequence, events.timestamp, c.reference(), c.accountId(), c.assetId(), c.amount()));
        return record(MoneyRecord.HOLD, c.reference(), account, c.assetId(), c.amount());
    }

    BalanceResult confirm(ConfirmWithdrawal c) {
        return settle(c.reference(), MoneyRecord.CONFIRMED);
    }

    BalanceResult release(ReleaseWithdrawal c) {
        return settle(c.reference(), MoneyRecord.RELEASED);
    }

    private BalanceResult settle(String reference, byte outcome) {
        if (reference == null || reference.isEmpty()) {
            return rejected(RejectCode.INVALID_REFERENCE, -1, -1);
        }
        MoneyRecord hold = state.moneyRecords.get(reference);
        if (hold == null || hold.kind != MoneyRecord.HOLD) {
            return rejected(RejectCode.UNKNOWN_REFERENCE, -1, -1);
        }
        if (hold.holdState == outcome) {
            return new BalanceResult(events.sequence, null, hold.accountId, hold.assetId, hold.settledTotal, hold.settledReserved, true);
        }
        if (hold.holdState != MoneyRecord.HELD) {
            return rejected(RejectCode.WITHDRAWAL_NOT_HELD, hold.accountId, hold.assetId);
        }
        Account account = state.account(hold.accountId);
        if (outcome == MoneyRecord.CONFIRMED) {
            account.spendReserved(hold.assetId, hold.amount);
            state.addSupply(hold.assetId, -hold.amount);
            events.emit(new WithdrawalConfirmed(events.sequence, events.timestamp, reference, hold.accountId, hold.assetId, hold.amount));
        } else {
            account.release(hold.assetId, hold.amount);
            events.emit(new WithdrawalReleased(events.sequence, events.timestamp, reference, hold.accountId, hold.assetId, hold.amount));
        }
        events.balance(account, hold.assetId);
        hold.holdState = outcome;
        hold.settledTotal = account.total(hold.assetId);
        hold.settledReserved = account.reserved(hold.assetId);
        return new BalanceResult(events.sequence, null, hold.accountId, hold.assetId, hold.settledTotal, hold.settledReserved, false);
    }

    BalanceResult adjust(AdjustBalance c) {
        RejectCode code = checkRequest(c.reference(), c.accountId(), c.assetId(), c.amount() != 0);
        if (code != null) {
            return rejected(code, c.accountId(), c.assetId());
        }
        MoneyRecord previous = state.moneyRecords.get(c.reference());
        if (previous != null) {
            return replay(previous, MoneyRecord.ADJUST, c.accountId(), c.assetId(), c.amount());
        }
        Account existing = state.account(c.accountId());
        if (c.amount() < 0) {
            if (existing == null || existing.available(c.assetId()) < -c.amount()) {
                return rejected(RejectCode.INSUFFICIENT_FUNDS, c.accountId(), c.assetId());
            }
        } else if (state.supply(c.assetId()) > Long.MAX_VALUE - c.amount()) {
            return rejected(RejectCode.BALANCE_OVERFLOW, c.accountId(), c.assetId());
        }
        Account account = state.accountOrCreate(c.accountId());
        state.addSupply(c.assetId(), c.amount());
        account.addTotal(c.assetId(), c.amount());
        events.emit(new BalanceAdjusted(events.sequence, events.timestamp, c.reference(), c.accountId(), c.assetId(), c.amount()));
        return record(MoneyRecord.ADJUST, c.reference(), account, c.assetId(), c.amount());
    }

    private RejectCode checkRequest(String reference, long accountId, int assetId, boolean amountValid) {
        if (reference == null || reference.isEmpty()) {
            return RejectCode.INVALID_REFERENCE;
        }
        if (accountId < 0) {
            return RejectCode.INVALID_ACCOUNT;
        }
        if (!state.assetExists(assetId)) {
            return RejectCode.UNKNOWN_ASSET;
        }
        return amountValid ? null : RejectCode.INVALID_AMOUNT;
    }

    private BalanceResult replay(MoneyRecord previous, byte kind, long accountId, int assetId, long amount) {
        if (!previous.sameRequest(kind, accountId, assetId, amount)) {
            return rejected(RejectCode.DUPLICATE_REFERENCE, accountId, assetId);
        }
        return new BalanceResult(events.sequence, null, accountId, assetId, previous.totalAfter, previous.reservedAfter, true);
    }

    private BalanceResult record(byte kind, String reference, Account account, int assetId, long amount) {
        events.balance(account, assetId);
        long total = account.total(assetId);
        long reserved = account.reserved(assetId);
        state.moneyRecords.put(reference, new MoneyRecord(reference, kind, account.id(), assetId, amount, total, reserved));
        return new BalanceResult(events.sequence, null, account.id(), assetId, total, reserved, false);
    }

    private BalanceResult rejected(RejectCode code, long accountId, int assetId) {
        return new BalanceResult(events.sequence, code, accountId, assetId, 0, 0, false);
    }
}
