package dev.hivemind.api.transport;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * The HiveMind connection token: standard Base64 (with padding) of UTF-8 {@code useragent:access_key}.
 * It travels unescaped as the {@code authorization} query value on WebSocket and in the AUTH frame on TCP.
 *
 * @param userAgent the client's user agent (no ':')
 * @param accessKey the access key (no ':')
 */
public record AuthorizationToken(String userAgent, String accessKey) {
    /** The Python client's default user agent. */
    public static final String DEFAULT_USER_AGENT = "HiveMessageBusClientV0.0.1";

    /** Longest token accepted, in characters. */
    public static final int MAX_TOKEN_CHARS = 4096;

    public AuthorizationToken {
        if (userAgent == null || userAgent.contains(":")) {
            throw new IllegalArgumentException("the user agent must not be null or contain ':'");
        }
        if (accessKey == null || accessKey.isEmpty() || accessKey.contains(":")) {
            throw new IllegalArgumentException("the access key must not be empty or contain ':'");
        }
    }

    /** The Base64 token. */
    public String encode() {
        return Base64.getEncoder().encodeToString((userAgent + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a token as hivemind-core does (Base64, UTF-8, exactly two ':'-separated parts); empty if malformed.
     * Missing padding is tolerated, as Python's lenient decoder does.
     */
    public static Optional<AuthorizationToken> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        String t = token.trim();
        int pad = (4 - t.length() % 4) % 4;
        if (pad == 3) {
            return Optional.empty();
        }
        t = t + "=".repeat(t.endsWith("=") ? 0 : pad);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 2 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuthorizationToken(parts[0], parts[1]));
    }

    /** Never prints the access key. */
    @Override
    public String toString() {
        return "AuthorizationToken[userAgent=" + userAgent + "]";
    }
}
