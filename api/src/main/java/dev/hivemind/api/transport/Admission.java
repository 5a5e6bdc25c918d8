package dev.hivemind.api.transport;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.registry.ClientRecord;
import java.util.Objects;

/** The engine's answer to an {@link AdmissionRequest}. */
public sealed interface Admission permits Admission.Accepted, Admission.Rejected {

    /**
     * The access key is known: accept the connection.
     *
     * @param userAgent the useragent part of the token
     * @param client    the client record that holds the access key
     */
    record Accepted(String userAgent, ClientRecord client) implements Admission {
        public Accepted {
            Objects.requireNonNull(client, "client");
        }
    }

    /**
     * Refuse the connection. A transport that can refuse before its upgrade answers with {@code httpStatus}
     * (401 unknown/revoked key, 400 malformed token, 429 too many failures, 503 busy); otherwise it closes with {@code closeCode}.
     *
     * @param httpStatus HTTP status for a refused WebSocket upgrade
     * @param closeCode  close code for transports without an upgrade step
     * @param reason     short reason for the peer and the log, never a secret
     */
    record Rejected(int httpStatus, CloseCode closeCode, String reason) implements Admission {
        public Rejected {
            Objects.requireNonNull(closeCode, "closeCode");
            Objects.requireNonNull(reason, "reason");
        }

        public static Rejected unknownKey() {
            return new Rejected(401, CloseCode.POLICY_VIOLATION, "invalid access key");
        }

        public static Rejected malformedToken() {
            return new Rejected(400, CloseCode.PROTOCOL_ERROR, "malformed authorization token");
        }

        public static Rejected tooManyFailures() {
            return new Rejected(429, CloseCode.POLICY_VIOLATION, "too many failed attempts, try again later");
        }

        public static Rejected busy() {
            return new Rejected(503, CloseCode.TRY_AGAIN_LATER, "server busy");
        }
    }
}
