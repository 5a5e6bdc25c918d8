package dev.hivemind.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The source-level half of {@link PublicApiOnlyTest}: not even an unused import or a local variable's type names the
 * engine, a transport or an auth plugin (the compiled classes would not show those).
 */
class NoInternalImportsTest {
    private static final List<String> INTERNAL = List.of("dev.hivemind.engine", "dev.hivemind.transport",
            "dev.hivemind.auth");

    @Test
    void noSourceFileNamesAnInternalPackage() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                String text = read(p).replace("\"dev.hivemind.engine..\"", "");
                return INTERNAL.stream().anyMatch(text::contains) && !p.endsWith(Path.of("NoInternalImportsTest.java"));
            }).map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
