package dev.hivemind.api.auth;

import java.util.Map;
import java.util.Objects;

/** How a client-side auth exchange answers the server's HANDSHAKE offer. */
public sealed interface ClientStart {
    /** Send a HANDSHAKE carrying these auth fields (for example {@code {"envelope": ...}}) and await the response. */
    record SendHandshake(Map<String, Object> authFields) implements ClientStart {
        public SendHandshake {
            authFields = Map.copyOf(authFields);
        }
    }

    /** The key is known without an exchange (pre-shared key). */
    record KeyReady(SessionKey key) implements ClientStart {
        public KeyReady {
            Objects.requireNonNull(key, "key");
        }
    }
}
