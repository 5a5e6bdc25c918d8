package dev.hivemind.dist.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library for this platform, copied out of the sqlite-jdbc jar into the distribution's
 * {@code lib/native/} once. Otherwise the driver copies it to the temporary folder on every start (and scans that
 * folder for stale copies). {@code bin/hivemind} points the driver at it ({@code org.sqlite.lib.path}); one that does
 * not load (another platform) makes the driver fall back to its own copy.
 */
public final class NativeSqlite {
    private NativeSqlite() {
    }

    /** The folder in the distribution. */
    public static Path folder(Path distribution) {
        return distribution.resolve("lib").resolve("native");
    }

    /** Copies the library into {@link #folder}; returns the file. */
    public static Path extract(Path distribution) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Path folder = Files.createDirectories(folder(distribution));
        Path target = folder.resolve(name);
        Path partial = folder.resolve(name + ".partial");
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("sqlite-jdbc has no native library for this platform (" + resource + ")");
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
