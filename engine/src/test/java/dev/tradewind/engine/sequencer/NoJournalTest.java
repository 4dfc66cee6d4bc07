package dev.tradewind.engine.sequencer;

import static dev.tradewind.engine.sequencer.SequencerTestSupport.smallConfig;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.journal.DurabilityPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DurabilityPolicy#NONE}: the sequencer without a journal, for benchmarks. */
class NoJournalTest {
    @TempDir
    Path dir;

    @Test
    void appliesAndAnswersButWritesNothingAndStartsEmpty() throws IOException {
        SequencerConfig config = smallConfig(dir).withDurability(DurabilityPolicy.NONE, Duration.ofMillis(10)).withSnapshots(10, 2);
        List<BankCommand> commands = BankCommands.random(3, 500);
        BankMachine expected = BankCommands.run(commands, commands.size(), 0);
        try (var sequencer = start(config)) {
            List<BankResult> results = sequencer.submitAll(commands.subList(0, 60)).join();
            for (BankCommand command : commands.subList(60, 500)) {
                sequencer.submit(command);
            }
            assertThat(results.getLast().sequence()).isEqualTo(60);
            for (int account = 0; account < BankMachine.ACCOUNTS; account++) {
                int a = account;
                assertThat(sequencer.query(m -> m.balance(a)).join()).isEqualTo(expected.balance(a));
            }
            SequencerMetrics metrics = sequencer.metrics();
            assertThat(metrics.commands()).isEqualTo(500);
            assertThat(metrics.fsyncs()).isZero();
            assertThat(metrics.snapshots()).isZero();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no journal, no snapshot").isEmpty();
        }
        try (var sequencer = start(config)) {
            assertThat(sequencer.recoveredSequence()).isZero();
            assertThat(sequencer.query(BankMachine::lastSequence).join()).isZero();
        }
    }
}
