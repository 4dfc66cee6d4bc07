package dev.tradewind.engine.sequencer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Deterministic toy state machine: balances of {@value #ACCOUNTS} accounts plus a running hash of every
 * command applied (with its sequence and timestamp), so any reordering, loss, duplication or timestamp
 * change shows in {@link #stateHash()}.
 */
public final class BankMachine implements StateMachine<BankCommand, BankResult, BankEvent> {
    public static final int ACCOUNTS = 64;

    private final long[] balances = new long[ACCOUNTS];
    private long lastSequence;
    private long lastTimestamp;
    private long history = 17;

    @Override
    public BankResult apply(long sequence, long timestamp, BankCommand command, Consumer<? super BankEvent> events) {
        if (sequence != lastSequence + 1) {
            throw new IllegalStateException("sequence " + sequence + " after " + lastSequence);
        }
        lastSequence = sequence;
        lastTimestamp = timestamp;
        history = mix(mix(mix(history, sequence), timestamp), commandHash(command));
        return switch (command) {
            case BankCommand.Deposit d -> {
                balances[d.account()] += d.amount();
                events.accept(new BankEvent.BalanceChanged(sequence, timestamp, d.account(), d.amount(), balances[d.account()]));
                yield new BankResult(sequence, timestamp, true, null);
            }
            case BankCommand.Withdraw w -> {
                if (balances[w.account()] < w.amount()) {
                    events.accept(new BankEvent.Rejected(sequence, timestamp, "INSUFFICIENT_FUNDS"));
                    yield new BankResult(sequence, timestamp, false, "INSUFFICIENT_FUNDS");
                }
                balances[w.account()] -= w.amount();
                events.accept(new BankEvent.BalanceChanged(sequence, timestamp, w.account(), -w.amount(), balances[w.account()]));
                yield new BankResult(sequence, timestamp, true, null);
            }
            case BankCommand.Transfer t -> {
                if (balances[t.from()] < t.amount()) {
                    events.accept(new BankEvent.Rejected(sequence, timestamp, "INSUFFICIENT_FUNDS"));
                    yield new BankResult(sequence, timestamp, false, "INSUFFICIENT_FUNDS");
                }
                balances[t.from()] -= t.amount();
                balances[t.to()] += t.amount();
                events.accept(new BankEvent.BalanceChanged(sequence, timestamp, t.from(), -t.amount(), balances[t.from()]));
                events.accept(new BankEvent.BalanceChanged(sequence, timestamp, t.to(), t.amount(), balances[t.to()]));
                yield new BankResult(sequence, timestamp, true, null);
            }
            case BankCommand.Note n -> {
                events.accept(new BankEvent.Noted(sequence, timestamp, n.text()));
                yield new BankResult(sequence, timestamp, true, null);
            }
            case BankCommand.Explode e -> {
                balances[0] += 1_000_000; // half-mutated state, never journaled
                throw new IllegalStateException("boom at " + sequence);
            }
            case BankCommand.Unencodable u -> new BankResult(sequence, timestamp, true, null);
        };
    }

    static long commandHash(BankCommand command) {
        return switch (command) {
            case BankCommand.Deposit d -> mix(mix(1, d.account()), d.amount());
            case BankCommand.Withdraw w -> mix(mix(2, w.account()), w.amount());
            case BankCommand.Transfer t -> mix(mix(mix(3, t.from()), t.to()), t.amount());
            case BankCommand.Note n -> mix(4, n.text().hashCode());
            case BankCommand.Explode e -> 5;
            case BankCommand.Unencodable u -> 6;
        };
    }

    static long mix(long h, long v) {
        long x = (h ^ v) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    public long balance(int account) {
        return balances[account];
    }

    public long total() {
        long total = 0;
        for (long b : balances) {
            total += b;
        }
        return total;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        out.writeLong(lastSequence);
        out.writeLong(lastTimestamp);
        out.writeLong(history);
        out.writeInt(ACCOUNTS);
        for (long balance : balances) {
            out.writeLong(balance);
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        lastSequence = in.readLong();
        lastTimestamp = in.readLong();
        history = in.readLong();
        int accounts = in.readInt();
        if (accounts != ACCOUNTS) {
            throw new IOException("snapshot has " + accounts + " accounts");
        }
        for (int i = 0; i < ACCOUNTS; i++) {
            balances[i] = in.readLong();
        }
    }

    @Override
    public long stateHash() {
        long h = mix(mix(lastSequence, lastTimestamp), history);
        for (long balance : balances) {
            h = mix(h, balance);
        }
        return h;
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }
}
