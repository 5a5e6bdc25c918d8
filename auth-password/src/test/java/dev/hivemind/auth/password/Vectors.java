package dev.hivemind.auth.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Reads the known-answer vector files copied under {@code src/test/resources/vectors/}. */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    static JsonNode load(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /vectors/" + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** password_handshake.json, produced by poorman_handshake 1.0.1. */
    static JsonNode passwordHandshake() {
        return load("hivemind/password_handshake.json");
    }

    static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }
}
