package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: complete content or none, mode 0600, no temporary files left behind. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void replaceWritesTheContentWithMode0600() throws Exception {
        Path file = tmp.resolve("a/b/key.pem");
        AtomicFiles.replace(file, new byte[] {1, 2, 3});
        AtomicFiles.replace(file, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, Files.list(file.getParent()).count());
    }

    @Test
    void replaceTightensTheModeOfAnOldFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("key.pem"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.replace(file, new byte[] {1});
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void createNewNeverReplaces() throws Exception {
        Path file = Files.writeString(tmp.resolve("key.pem"), "old");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.createNew(file, new byte[] {1}));
        assertEquals("old", Files.readString(file));
        assertEquals(1, Files.list(tmp).count(), "the temporary file is gone");
    }

    @Test
    void failedMoveLeavesTheTargetAndNoTemporaryFile() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("taken"));
        Files.writeString(target.resolve("inside"), "x"); // a non-empty directory cannot be replaced by a file
        assertThrows(IOException.class, () -> AtomicFiles.replace(target, new byte[] {1}));
        assertTrue(Files.isDirectory(target));
        assertEquals(1, Files.list(tmp).count(), "only the directory, no temporary file");
    }
}
