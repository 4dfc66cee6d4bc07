package dev.tradewind.engine.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Seeded random command streams and an uninterrupted in-memory reference run. */
public final class BankCommands {
    private BankCommands() {
    }

    public static List<BankCommand> random(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BankCommand> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            int account = random.nextInt(BankMachine.ACCOUNTS);
            long amount = 1 + random.nextInt(1000);
            if (kind < 40) {
                commands.add(new BankCommand.Deposit(account, amount));
            } else if (kind < 60) {
                commands.add(new BankCommand.Withdraw(account, amount));
            } else if (kind < 90) {
                commands.add(new BankCommand.Transfer(account, random.nextInt(BankMachine.ACCOUNTS), amount));
            } else {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(300);
                for (int c = 0; c < length; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                if (random.nextInt(10) == 0) {
                    text.append("\u00e9\u20ac"); // multi-byte modified UTF-8
                }
                commands.add(new BankCommand.Note(text.toString()));
            }
        }
        return commands;
    }

    /** Applies {@code commands[0..count)} with sequences 1..count and the given timestamps. */
    public static BankMachine run(List<BankCommand> commands, int count, long[] timestamps) {
        BankMachine machine = new BankMachine();
        Consumer<BankEvent> ignore = e -> { };
        for (int i = 0; i < count; i++) {
            machine.apply(i + 1, timestamps == null ? 0 : timestamps[i], commands.get(i), ignore);
        }
        return machine;
    }
}
