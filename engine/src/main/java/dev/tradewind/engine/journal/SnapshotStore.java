package dev.tradewind.engine.journal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Snapshot files in one directory, named by sequence ({@code snapshot-<20 digits>.snap}), written
 * crash-safely: temp file, fsync, atomic rename, directory fsync. The newest {@code retain} are kept.
 *
 * <pre>
 * header (32 bytes, big-endian)
 *   0  int   magic 0x5457534E ("TWSN")
 *   4  int   version (1)
 *   8  long  sequence
 *   16 long  timestamp
 *   24 int   state length n
 *   28 int   CRC32C of bytes [0, 28) and of the state
 * state (n bytes)
 * </pre>
 *
 * Safe for one writing thread and any number of reading threads.
 */
public final class SnapshotStore {
    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());
    private static final int MAGIC = 0x5457534E;
    private static final int VERSION = 1;
    private static final int HEADER_SIZE = 32;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String CORRUPT_SUFFIX = ".corrupt";

    private final Path directory;
    private final int retain;

    public SnapshotStore(Path directory, int retain) throws IOException {
        if (retain < 1) {
            throw new IllegalArgumentException("retain must be >= 1, got " + retain);
        }
        this.directory = directory;
        this.retain = retain;
        Files.createDirectories(directory);
    }

    public Path directory() {
        return directory;
    }

    static String fileName(long sequence) {
        return PREFIX + String.format("%020d", sequence) + SUFFIX;
    }

    private static long parse(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name.length() != PREFIX.length() + 20 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), PREFIX.length() + 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Sequences of the snapshot files present (valid or not), ascending. */
    public List<Long> sequences() throws IOException {
        List<Long> sequences = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                long sequence = parse(path.getFileName().toString());
                if (sequence >= 0) {
                    sequences.add(sequence);
                }
            }
        }
        sequences.sort(null);
        return sequences;
    }

    /**
     * Writes a snapshot durably, then deletes all but the newest {@code retain}.
     *
     * @return the snapshot file
     */
    public Path write(long sequence, long timestamp, byte[] state, int length) throws IOException {
        byte[] header = new byte[HEADER_SIZE];
        JournalFormat.putInt(header, 0, MAGIC);
        JournalFormat.putInt(header, 4, VERSION);
        JournalFormat.putLong(header, 8, sequence);
        JournalFormat.putLong(header, 16, timestamp);
        JournalFormat.putInt(header, 24, length);
        JournalFormat.putInt(header, 28, crc(header, state, length));

        Path target = directory.resolve(fileName(sequence));
        Path temp = directory.resolve(fileName(sequence) + TEMP_SUFFIX);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer[] buffers = {ByteBuffer.wrap(header), ByteBuffer.wrap(state, 0, length)};
            while (buffers[1].hasRemaining() || buffers[0].hasRemaining()) {
                out.write(buffers);
            }
            out.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        JournalFiles.fsyncDirectory(directory);
        prune();
        return target;
    }

    private static int crc(byte[] header, byte[] state, int length) {
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 28);
        crc.update(state, 0, length);
        return (int) crc.getValue();
    }

    /** Deletes all but the newest {@code retain} snapshots. */
    public void prune() throws IOException {
        List<Long> sequences = sequences();
        boolean deleted = false;
        for (int i = 0; i < sequences.size() - retain; i++) {
            deleted |= Files.deleteIfExists(directory.resolve(fileName(sequences.get(i))));
        }
        if (deleted) {
            JournalFiles.fsyncDirectory(directory);
        }
    }

    /** Sequence of the oldest snapshot file kept, or -1 if there is none. */
    public long oldestSequence() throws IOException {
        List<Long> sequences = sequences();
        return sequences.isEmpty() ? -1 : sequences.getFirst();
    }

    /**
     * The newest valid snapshot at or before {@code maxSequence}; invalid ones are logged and skipped,
     * falling back to older ones.
     */
    public Optional<Snapshot> loadNewest(long maxSequence) throws IOException {
        return load(maxSequence, false);
    }

    /**
     * As {@link #loadNewest} for all sequences, for recovery: also deletes leftover temp files and
     * renames invalid snapshots to {@code *.corrupt} so they stay out of the way but can be inspected.
     */
    public Optional<Snapshot> recoverNewest() throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + TEMP_SUFFIX)) {
            for (Path temp : stream) {
                LOG.log(Level.INFO, "Deleting unfinished snapshot {0} (a crash interrupted it)", temp);
                Files.deleteIfExists(temp);
            }
        }
        return load(Long.MAX_VALUE, true);
    }

    private Optional<Snapshot> load(long maxSequence, boolean quarantine) throws IOException {
        List<Long> sequences = sequences();
        for (int i = sequences.size() - 1; i >= 0; i--) {
            long sequence = sequences.get(i);
            if (sequence > maxSequence) {
                continue;
            }
            Path path = directory.resolve(fileName(sequence));
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (NoSuchFileException deletedMeanwhile) {
                continue;
            }
            String problem = validate(bytes, sequence);
            if (problem == null) {
                int length = JournalFormat.getInt(bytes, 24);
                byte[] state = new byte[length];
                System.arraycopy(bytes, HEADER_SIZE, state, 0, length);
                return Optional.of(new Snapshot(sequence, JournalFormat.getLong(bytes, 16), state));
            }
            if (quarantine) {
                Path aside = directory.resolve(fileName(sequence) + CORRUPT_SUFFIX);
                LOG.log(Level.WARNING, "Snapshot {0} is invalid ({1}); renaming it to {2} and falling back to an older one",
                        path, problem, aside.getFileName());
                Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
                JournalFiles.fsyncDirectory(directory);
            } else {
                LOG.log(Level.WARNING, "Snapshot {0} is invalid ({1}); falling back to an older one", path, problem);
            }
        }
        return Optional.empty();
    }

    private static String validate(byte[] bytes, long sequence) {
        if (bytes.length < HEADER_SIZE) {
            return "only " + bytes.length + " bytes";
        }
        if (JournalFormat.getInt(bytes, 0) != MAGIC || JournalFormat.getInt(bytes, 4) != VERSION) {
            return "bad magic or version";
        }
        int length = JournalFormat.getInt(bytes, 24);
        if (length < 0 || HEADER_SIZE + (long) length != bytes.length) {
            return "length field " + length + " does not match file size " + bytes.length;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 28);
        crc.update(bytes, HEADER_SIZE, length);
        if ((int) crc.getValue() != JournalFormat.getInt(bytes, 28)) {
            return "CRC mismatch";
        }
        if (JournalFormat.getLong(bytes, 8) != sequence) {
            return "header sequence " + JournalFormat.getLong(bytes, 8) + " does not match the file name";
        }
        return null;
    }
}
