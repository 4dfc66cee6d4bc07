package dev.tradewind.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** File-level operations on a journal directory, safe to call from any thread. */
public final class JournalFiles {
    private static final System.Logger LOG = System.getLogger(JournalFiles.class.getName());

    private JournalFiles() {
    }

    record SegmentFile(Path path, long firstSequence) {
    }

    /** The segment files of a directory, by first sequence. */
    static List<SegmentFile> list(Path directory) throws IOException {
        List<SegmentFile> segments = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return segments;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                long first = JournalFormat.parseSegmentName(path.getFileName().toString());
                if (first >= 0) {
                    segments.add(new SegmentFile(path, first));
                }
            }
        }
        segments.sort(Comparator.comparingLong(SegmentFile::firstSequence));
        return segments;
    }

    /**
     * Deletes every segment all of whose records have a sequence {@code <= sequence} (the next segment
     * starts at or before {@code sequence + 1}). The newest segment is never deleted. Call it with the
     * sequence of the oldest snapshot you keep.
     *
     * @return how many segments were deleted
     */
    public static int deleteSegmentsUpTo(Path directory, long sequence) throws IOException {
        List<SegmentFile> segments = list(directory);
        int deleted = 0;
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i + 1).firstSequence() - 1 <= sequence) {
                Files.deleteIfExists(segments.get(i).path());
                deleted++;
            }
        }
        if (deleted > 0) {
            fsyncDirectory(directory);
            LOG.log(System.Logger.Level.DEBUG, "Deleted {0} journal segments covered by sequence {1}", deleted, sequence);
        }
        return deleted;
    }

    /** Makes creations, renames and deletions in a directory durable. */
    static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
