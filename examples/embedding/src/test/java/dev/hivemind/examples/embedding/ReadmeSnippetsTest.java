package dev.hivemind.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding snippets are the example's code: each {@code <!-- snippet: FILE#TAG -->} block in README.md
 * must equal the region between {@code // tag::TAG[]} and {@code // end::TAG[]} of that file, which
 * {@link EmbeddingExampleTest} compiles and runs.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("..", "..", "README.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "hivemind", "examples", "embedding");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([A-Za-z]+\\.java)#([a-z-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyEmbeddingSnippetInTheReadmeIsTheExamplesCode() throws IOException {
        Matcher m = SNIPPET.matcher(Files.readString(README));
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            String file = m.group(1);
            String tag = m.group(2);
            assertEquals(region(SOURCES.resolve(file), tag), m.group(3).stripTrailing(),
                    "README snippet " + file + "#" + tag + " differs from the example's code");
            seen.add(tag);
        }
        assertTrue(seen.containsAll(List.of("imports", "build", "connect", "send", "receive", "reconnect", "hub")),
                "README snippets found: " + seen);
    }

    /** The lines between the tag markers, without the indentation they share. */
    private static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// tag::" + tag + "[]")).findFirst()
                .orElseThrow(() -> new AssertionError("no tag " + tag + " in " + file)));
        int end = start + 1;
        while (!lines.get(end).strip().equals("// end::" + tag + "[]")) {
            end++;
        }
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : body) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
