package dev.hivemind.auth.rsa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes small files so that readers only ever see the old content or the complete new content: the bytes go
 * to a temporary file in the same directory (created with permissions 0600 where the file system is POSIX),
 * are forced to disk, and the temporary file is then moved (or linked) into place. A failed write leaves the
 * target untouched and removes the temporary file.
 */
final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Replaces {@code target} (or creates it) with {@code content}, atomically, mode 0600. */
    static void replace(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            move(temp, target, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates {@code target} with {@code content}, atomically, mode 0600, and never replaces an existing file.
     *
     * @throws FileAlreadyExistsException if {@code target} exists (for example, written meanwhile by another process)
     */
    static void createNew(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            try {
                // a hard link is the one atomic "create only if absent" the file system offers
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links on this file system: check, then move (a narrow race, documented)
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                move(temp, target, false);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path writeTemp(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + target.getFileName() + ".";
        Path temp = isPosix(dir)
                ? Files.createTempFile(dir, prefix, ".tmp", ownerOnly())
                : Files.createTempFile(dir, prefix, ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void move(Path temp, Path target, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target);
            }
        }
    }

    private static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
