package dev.hivemind.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link YamlTree} gives what Jackson's data binding gave the configuration loader before it, value for value. */
class YamlTreeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest
    @ValueSource(strings = {
        "node_id: hub\nbinarize: true\n",
        "a: 1\nb: -7\nc: 4294967296\nd: 123456789012345678901234567890\ne: 1.5\nf: 1e3\ng: -0.25\n",
        "a: yes\nb: no\nc: on\nd: off\ne: True\nf: FALSE\ng: ~\nh: null\ni:\nj: 'quoted: 1'\nk: \"2\"\n",
        "a: 0x1F\nb: 0o17\nc: 1_000\nd: +5\ne: 2001-12-14\nf: 12:30\n",
        "list: [1, two, 3.0, true, null]\nblock:\n  - a\n  - {b: c}\n  - [d, [e]]\nempty_list: []\nempty_map: {}\n",
        "auth:\n  methods: [password, psk]\n  password:\n    enroll_on_first_use: false\n    iterations: 100000\n",
        "anchor: &x {a: 1}\nalias: *x\n",
        "1: one\ntrue: yes\nnull: x\n",
        "multi: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
        "bin: !!binary aGVsbG8=\n",
        "first: doc\n---\nsecond: doc\n",
        "~\n",
    })
    void readsWhatDataBindingRead(String yaml) throws IOException {
        Map<String, Object> bound = MAPPER.readValue(yaml, new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object> expected = bound == null ? Map.of() : bound;
        Map<String, Object> actual = YamlTree.read(yaml);
        assertEquals(deepArrays(expected), deepArrays(actual));
        if (!actual.isEmpty()) {
            assertEquals(LinkedHashMap.class, actual.getClass());
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "key order");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"# only a comment\n", "---\n", "\n\n"})
    void aDocumentWithoutContentIsEmpty(String yaml) throws IOException {
        assertEquals(Map.of(), YamlTree.read(yaml));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: 1\na: 2\n", "outer:\n  k: 1\n  k: 2\n", "list: [{k: 1, k: 2}]\n"})
    void aKeyTwiceInOneMappingIsAnError(String yaml) {
        IOException e = assertThrows(IOException.class, () -> YamlTree.read(yaml));
        assertTrue(e.getMessage().contains("Duplicate field"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"- a\n- b\n", "just a string\n", "42\n"})
    void aDocumentThatIsNotAMappingIsAnError(String yaml) {
        IOException e = assertThrows(YamlTree.NotAMappingException.class, () -> YamlTree.read(yaml));
        assertTrue(e.getMessage().contains("not a mapping of keys to values"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"handshake: [\n", "a: {b: [1, 2}\n", "a: b: c\n", "\"unterminated\n"})
    void brokenYamlIsAnError(String yaml) {
        assertThrows(IOException.class, () -> YamlTree.read(yaml));
    }

    /** byte[] values compared by content. */
    private static Object deepArrays(Object o) {
        if (o instanceof byte[] b) {
            return List.of(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, deepArrays(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(YamlTreeTest::deepArrays).toList();
        }
        return o;
    }
}
