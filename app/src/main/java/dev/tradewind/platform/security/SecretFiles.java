package dev.tradewind.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets generated once and kept under {@code <dataDir>/secrets/}, readable by the owner only.
 * The content is never logged.
 */
public final class SecretFiles {
    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {
    }

    /** {@code <dataDir>/secrets/<name>}. */
    public static Path in(Path dataDir, String name) {
        return dataDir.toAbsolutePath().normalize().resolve("secrets").resolve(name);
    }

    /**
     * The trimmed content of {@code file}; when it does not exist, {@code generate} is called once
     * and its result written with owner-only permissions (atomically, so a crash leaves no half file).
     */
    public static String readOrCreate(Path file, Supplier<String> generate) {
        try {
            if (Files.exists(file)) {
                restrictToOwner(file, OWNER_FILE);
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                }
            }
            String secret = generate.get();
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temp, OWNER_FILE);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.UTF_8)));
                    channel.force(true); // on disk before it gets its name: a power cut leaves no empty key
                }
                moveIntoPlace(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            log.info("Generated {} (owner-only permissions)", file);
            return Files.readString(file, StandardCharsets.UTF_8).trim(); // whoever won a concurrent start
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file
                    + ": check that the data dir is writable by this user", e);
        }
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            // a hard link fails if the file appeared meanwhile, so a concurrent start never replaces it
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // keep the existing secret
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (!Files.exists(file)) {
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file);
                }
            }
        }
    }

    private static void restrictToOwner(Path path, Set<PosixFilePermission> wanted) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix == null) {
            return; // not a POSIX file system: rely on the data dir's own protection
        }
        Set<PosixFilePermission> actual = posix.readAttributes().permissions();
        if (!actual.equals(wanted)) {
            log.warn("Restricting {} to its owner (permissions were {})", path, PosixFilePermissions.toString(actual));
            posix.setPermissions(wanted);
        }
    }
}
