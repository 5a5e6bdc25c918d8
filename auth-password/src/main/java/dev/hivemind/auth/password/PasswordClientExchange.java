package dev.hivemind.auth.password;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The client side of the password handshake on one connection. It refuses an offer without {@code password: true}
 * (no silent fallback to another mode), sends its envelope, and on the server's response verifies the server's
 * envelope in constant time, rejects a reflected one (our own envelope or IV) and derives the key off the I/O thread.
 */
public final class PasswordClientExchange implements ClientAuthExchange {
    private final ClientAuthContext context;
    private final PasswordHandshake handshake;
    private volatile boolean closed;
    private boolean started;
    private boolean answered;

    /**
     * @throws InternalHiveMindException if the credentials hold no password (a local configuration error)
     */
    public PasswordClientExchange(ClientAuthContext context) {
        this.context = context;
        this.handshake = new PasswordHandshake(context.credentials().optionalPassword().orElseThrow(
                () -> new InternalHiveMindException("password auth is not configured",
                        "the client credentials hold no password")));
    }

    /**
     * @throws AuthenticationException    if the offer does not advertise {@code password: true} (downgrade)
     * @throws ProtocolViolationException if an offer was already answered
     */
    @Override
    public ClientStart start(HandshakeOffer offer) {
        if (closed) {
            throw new IllegalStateException("the exchange is closed");
        }
        if (!offer.password()) {
            throw new AuthenticationException("downgrade: the server does not offer the password handshake; "
                    + "refusing to fall back to another auth mode");
        }
        if (started) {
            throw new ProtocolViolationException("unexpected handshake offer", "the server sent a second offer");
        }
        started = true;
        return new ClientStart.SendHandshake(Map.of(ClientHandshake.ENVELOPE, handshake.createEnvelope(context.random())));
    }

    @Override
    public CompletionStage<AuthStep> onServerResponse(HandshakeResponse response) {
        if (closed) {
            return AuthSteps.failed(new ProtocolViolationException("unexpected handshake", "the exchange is closed"));
        }
        if (!started || answered) {
            return AuthSteps.failed(new ProtocolViolationException("unexpected handshake",
                    started ? "a second handshake response" : "a handshake response before our handshake"));
        }
        answered = true;
        Supplier<byte[]> derivation;
        try {
            byte[] serverIv = handshake.verifyPeer(response.authFields().get(HandshakeResponse.ENVELOPE));
            derivation = handshake.keyDerivation(serverIv);
        } catch (HiveMindException e) {
            return AuthSteps.failed(e);
        }
        return AuthSteps.derive(context::compute, derivation, Map.of(), () -> closed);
    }

    /** Zeroes the password and IV; a derivation still running is discarded (its key zeroed). */
    @Override
    public void close() {
        closed = true;
        handshake.close();
    }
}
