package dev.tradewind.engine.journal;

import static dev.tradewind.engine.journal.JournalTestSupport.flipByte;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir
    Path dir;

    private static byte[] state(long sequence) {
        return ("state at " + sequence).repeat(100).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(SnapshotStore store, long sequence) throws IOException {
        byte[] state = state(sequence);
        byte[] padded = Arrays.copyOf(state, state.length + 7); // only 'length' bytes count
        store.write(sequence, sequence * 10, padded, state.length);
    }

    @Test
    void keepsTheNewestAndLoadsAtOrBeforeASequence() throws IOException {
        SnapshotStore store = new SnapshotStore(dir, 3);
        for (long sequence = 100; sequence <= 500; sequence += 100) {
            write(store, sequence);
        }
        assertThat(store.sequences()).containsExactly(300L, 400L, 500L);
        assertThat(store.oldestSequence()).isEqualTo(300);
        Snapshot newest = store.recoverNewest().orElseThrow();
        assertThat(newest.sequence()).isEqualTo(500);
        assertThat(newest.timestamp()).isEqualTo(5000);
        assertThat(newest.state()).isEqualTo(state(500));
        assertThat(store.loadNewest(450).orElseThrow().sequence()).isEqualTo(400);
        assertThat(store.loadNewest(299)).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void corruptNewestFallsBackToThePreviousOne() throws IOException {
        SnapshotStore store = new SnapshotStore(dir, 3);
        write(store, 100);
        write(store, 200);
        write(store, 300);
        Path newest = dir.resolve(SnapshotStore.fileName(300));
        flipByte(newest, 200);
        assertThat(store.loadNewest(Long.MAX_VALUE).orElseThrow().sequence()).isEqualTo(200);
        assertThat(newest).as("loadNewest only skips").exists();

        Snapshot recovered = store.recoverNewest().orElseThrow();
        assertThat(recovered.sequence()).isEqualTo(200);
        assertThat(recovered.state()).isEqualTo(state(200));
        assertThat(newest).doesNotExist();
        assertThat(dir.resolve(SnapshotStore.fileName(300) + ".corrupt")).exists();
        assertThat(store.sequences()).containsExactly(100L, 200L);
    }

    @Test
    void tornNewestAndLeftoverTempFilesAreHandled() throws IOException {
        SnapshotStore store = new SnapshotStore(dir, 5);
        write(store, 100);
        write(store, 200);
        Path newest = dir.resolve(SnapshotStore.fileName(200));
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length - 1));
        Path temp = dir.resolve(SnapshotStore.fileName(300) + ".tmp");
        Files.write(temp, new byte[] {1, 2, 3});
        assertThat(store.recoverNewest().orElseThrow().sequence()).isEqualTo(100);
        assertThat(temp).doesNotExist();

        flipByte(dir.resolve(SnapshotStore.fileName(100)), 3); // magic
        assertThat(store.recoverNewest()).isEmpty();
    }

    @Test
    void aSnapshotRenamedToAnotherSequenceIsRejected() throws IOException {
        SnapshotStore store = new SnapshotStore(dir, 5);
        write(store, 100);
        Files.move(dir.resolve(SnapshotStore.fileName(100)), dir.resolve(SnapshotStore.fileName(150)));
        assertThat(store.loadNewest(Long.MAX_VALUE)).isEmpty();
    }
}
