package dev.tradewind.engine.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Seeded random command streams and an uninterrupted in-memory reference run. */
public final class BankCommands {
    private final SplittableRandom random;

    /** An unbounded deterministic stream. */
    public BankCommands(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public BankCommand next() {
        int kind = random.nextInt(100);
        int account = random.nextInt(BankMachine.ACCOUNTS);
        long amount = 1 + random.nextInt(1000);
        if (kind < 40) {
            return new BankCommand.Deposit(account, amount);
        }
        if (kind < 60) {
            return new BankCommand.Withdraw(account, amount);
        }
        if (kind < 90) {
            return new BankCommand.Transfer(account, random.nextInt(BankMachine.ACCOUNTS), amount);
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(300);
        for (int c = 0; c < length; c++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        if (random.nextInt(10) == 0) {
            text.append("\u00e9\u20ac"); // multi-byte modified UTF-8
        }
        return new BankCommand.Note(text.toString());
    }

    public static List<BankCommand> random(long seed, int count) {
        BankCommands stream = new BankCommands(seed);
        List<BankCommand> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            commands.add(stream.next());
        }
        return commands;
    }

    /** Applies {@code commands[0..count)} with sequences 1..count and the given timestamps (all 0 if null). */
    public static BankMachine run(List<BankCommand> commands, int count, long[] timestamps) {
        BankMachine machine = new BankMachine();
        Consumer<BankEvent> ignore = e -> { };
        for (int i = 0; i < count; i++) {
            machine.apply(i + 1, timestamps == null ? 0 : timestamps[i], commands.get(i), ignore);
        }
        return machine;
    }

    /** As {@link #run} with one constant timestamp. */
    public static BankMachine run(List<BankCommand> commands, int count, long timestamp) {
        long[] timestamps = new long[count];
        java.util.Arrays.fill(timestamps, timestamp);
        return run(commands, count, timestamps);
    }
}
