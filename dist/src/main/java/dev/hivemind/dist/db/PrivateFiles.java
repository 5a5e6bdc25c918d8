package dev.hivemind.dist.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Creates directories and files that only their owner may read: directories 0700, files 0600, set at
 * creation (never created wider and narrowed later). On file systems without POSIX permissions the
 * platform's defaults apply.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} with mode 0700 if it does not exist (its missing parents get the default mode).
     * An existing directory is left as it is.
     */
    public static Path ensureDirectory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (isPosix(parent)) {
                Files.createDirectory(absolute, attribute(OWNER_DIRECTORY));
                // the umask may have removed bits we want; it can never have added any
                Files.setPosixFilePermissions(absolute, OWNER_DIRECTORY);
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
        return absolute;
    }

    /**
     * Creates an empty {@code file} with mode 0600 if it does not exist; returns {@code true} if it did so.
     * An existing file is left as it is.
     */
    public static boolean ensureFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        try {
            if (isPosix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, attribute(OWNER_FILE));
                Files.setPosixFilePermissions(file, OWNER_FILE);
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
    }

    /** The POSIX permissions of {@code path} if the file system has them. */
    public static Optional<Set<PosixFilePermission>> permissions(Path path) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return Optional.empty();
        }
        return Optional.of(Files.getPosixFilePermissions(path));
    }

    /** Whether group or others have any permission on {@code path}. */
    public static boolean isSharedWithOthers(Path path) throws IOException {
        return permissions(path).map(p -> p.stream().anyMatch(PrivateFiles::isGroupOrOther)).orElse(false);
    }

    private static boolean isGroupOrOther(PosixFilePermission p) {
        return switch (p) {
            case OWNER_READ, OWNER_WRITE, OWNER_EXECUTE -> false;
            default -> true;
        };
    }

    private static boolean isPosix(Path existingDir) {
        Path probe = existingDir == null ? Path.of("").toAbsolutePath() : existingDir;
        return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
