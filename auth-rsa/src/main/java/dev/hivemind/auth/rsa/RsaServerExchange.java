package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeResponse;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The server side of the RSA handshake on one connection: check the client's {@code pubkey} against the key policy
 * and against the key the hub granted ({@link ServerAuthContext#credential()}, the key enrolled in the client's
 * record; hivemind-core accepts any key, which lets anyone who knows an access key impersonate its client), draw a
 * 32-byte secret, and answer with the sealed envelope; the secret is the session key.
 */
final class RsaServerExchange implements ServerAuthExchange {
    private final ServerAuthContext context;
    private final NodeIdentity identity;
    private final RsaEnvelope envelopes;
    private boolean used;
    private byte[] pendingSecret;
    private String presented;

    RsaServerExchange(ServerAuthContext context, NodeIdentity identity, RsaEnvelope envelopes) {
        this.context = context;
        this.identity = identity;
        this.envelopes = envelopes;
    }

    @Override
    public CompletionStage<AuthStep> onClientHandshake(ClientHandshake handshake) {
        if (used) {
            return Outcomes.failed(new ProtocolViolationException("duplicate handshake",
                    "a second RSA handshake on one connection"));
        }
        used = true;
        if (identity == null) {
            return Outcomes.failed(new AuthenticationException("this node has no RSA identity key"));
        }
        RsaPeerKey clientKey;
        try {
            Object field = handshake.authField(ClientHandshake.PUBKEY).orElse(null);
            if (!(field instanceof String pem)) {
                throw new ProtocolViolationException("malformed handshake payload", "field \"pubkey\" must be a string");
            }
            clientKey = RsaPublicKeyPolicy.check(pem);
            checkEnrolledKey(clientKey);
        } catch (HiveMindException e) {
            return Outcomes.failed(e);
        }
        byte[] secret = new byte[RsaEnvelope.SECRET_BYTES];
        context.random().nextBytes(secret);
        pendingSecret = secret;
        CompletionStage<String> sealed;
        try {
            sealed = context.compute(() -> {
                try {
                    return envelopes.seal(identity, clientKey, secret, context.random());
                } catch (GeneralSecurityException e) {
                    throw new InternalHiveMindException("RSA handshake failed", "cannot seal the envelope: " + e.getClass().getName());
                }
            });
        } catch (RuntimeException e) {
            discardSecret();
            return Outcomes.failed(Outcomes.unwrap(e));
        }
        return sealed.handle((envelope, error) -> {
            if (error != null || pendingSecret == null) {
                discardSecret();
                return new AuthStep.Failed(error != null ? Outcomes.unwrap(error)
                        : new ProtocolViolationException("handshake aborted", "exchange closed during the RSA handshake"));
            }
            pendingSecret = null; // ownership passes to the session key
            presented = clientKey.pem();
            return new AuthStep.Succeeded(SessionKey.wrap(secret), Map.of(HandshakeResponse.ENVELOPE, envelope));
        });
    }

    /**
     * The presented key must be the enrolled one. Without an enrolled key the hub is enrolling a first one (it grants
     * that only when the operator turned on first-use enrolment): any key the policy allows will do, and it is
     * reported through {@link #presentedCredential()} once the handshake succeeded.
     */
    private void checkEnrolledKey(RsaPeerKey clientKey) {
        String pinnedPem = context.credential().orElse(null);
        if (pinnedPem == null) {
            return;
        }
        RsaPeerKey pinned;
        try {
            pinned = RsaPublicKeyPolicy.check(pinnedPem);
        } catch (ProtocolViolationException e) {
            throw new AuthenticationException("the RSA public key enrolled in client record " + context.client().clientId()
                    + " is not acceptable (" + e.getMessage() + ")");
        }
        if (!pinned.sameKeyAs(clientKey)) {
            throw new AuthenticationException("client " + context.client().clientId() + " presented RSA key "
                    + clientKey.fingerprint() + ", not the key " + pinned.fingerprint() + " enrolled in its client record");
        }
    }

    private void discardSecret() {
        if (pendingSecret != null) {
            Arrays.fill(pendingSecret, (byte) 0);
            pendingSecret = null;
        }
    }

    /** The key the client presented (canonical PEM), once the handshake succeeded. */
    @Override
    public Optional<String> presentedCredential() {
        return Optional.ofNullable(presented);
    }

    @Override
    public void close() {
        discardSecret();
    }
}
