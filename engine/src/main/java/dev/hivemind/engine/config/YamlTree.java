package dev.hivemind.engine.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into maps, lists and scalars with Jackson's streaming YAML parser: what an
 * {@code ObjectMapper} reading a {@code LinkedHashMap} gives (mappings as {@link LinkedHashMap}, sequences as
 * {@link ArrayList}, numbers as {@code Integer}, {@code Long}, {@code BigInteger} or {@code Double}), without the
 * data-binding layer, whose start-up every CLI command would otherwise pay. A key twice in one mapping is an error. A
 * document of comments only is empty (data binding called it invalid).
 */
final class YamlTree {
    // the constructor, not the builder: the builder leaves out YAMLParser's default features (an empty value would be
    // "" instead of null)
    private static final JsonFactory YAML = new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private YamlTree() {
    }

    /**
     * The document's top-level mapping; empty for an empty or {@code null} document.
     *
     * @throws IOException        if the text is not YAML (Jackson's {@code JsonProcessingException})
     * @throws NotAMappingException if the document is a sequence or a scalar
     */
    static Map<String, Object> read(String yaml) throws IOException {
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return Map.of();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new NotAMappingException(first == JsonToken.START_ARRAY ? "a list" : "a single value");
            }
            return mapping(parser);
        }
    }

    private static Map<String, Object> mapping(JsonParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            map.put(key, value(parser, parser.nextToken()));
        }
        return map;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of the document");
        }
        return switch (token) {
            case START_OBJECT -> mapping(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject();
            default -> throw new IOException("unexpected " + token);
        };
    }

    /** The document is valid YAML, but not a mapping of keys to values. */
    static final class NotAMappingException extends IOException {
        NotAMappingException(String what) {
            super("the document is " + what + ", not a mapping of keys to values");
        }
    }
}
