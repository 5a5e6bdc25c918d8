package dev.hivemind.registry.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The database file holds secrets: it is created with mode 0600 and a missing folder for it with 0700, set at
 * creation (never created wider and narrowed later). Without POSIX permissions the platform's defaults apply.
 */
final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code dir} (0700) and its missing parents (default mode) unless it exists. */
    static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            if (posix(dir.toAbsolutePath().getParent())) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(dir, DIRECTORY); // the umask may have taken bits away
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(dir)) {
                throw raced;
            }
        }
    }

    /** Creates an empty {@code file} (0600) unless something exists there; whether it did. */
    static boolean ensureFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                Files.setPosixFilePermissions(file, FILE);
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
    }

    /** Whether group or others hold any permission on {@code path}. */
    static boolean isSharedWithOthers(Path path) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return false;
        }
        Set<PosixFilePermission> granted = Files.getPosixFilePermissions(path);
        granted.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        return !granted.isEmpty();
    }

    private static boolean posix(Path existingDir) {
        return existingDir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
