package dev.hivemind.api.auth;

import dev.hivemind.api.error.HiveMindException;
import java.util.Map;
import java.util.Objects;

/** The outcome of one step of an auth exchange. */
public sealed interface AuthStep {
    /**
     * The exchange succeeded. {@code responseFields} go into the server's HANDSHAKE response (for example
     * {@code {"envelope": ...}}); on the client side they are empty.
     */
    record Succeeded(SessionKey key, Map<String, Object> responseFields) implements AuthStep {
        public Succeeded {
            Objects.requireNonNull(key, "key");
            responseFields = responseFields == null ? Map.of() : Map.copyOf(responseFields);
        }
    }

    /** Another round is needed: send these fields in a HANDSHAKE and wait for the peer's next one. */
    record Continue(Map<String, Object> fields) implements AuthStep {
        public Continue {
            fields = Map.copyOf(fields);
        }
    }

    /** The exchange failed; the connection is closed with the error's close code and reason. */
    record Failed(HiveMindException error) implements AuthStep {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
