package dev.hivemind.auth.password;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The server side of the password handshake on one connection. On the client's HANDSHAKE it verifies the client's
 * envelope in constant time <em>before</em> any key derivation (a wrong password costs one SHA-256, and yields no
 * server envelope) and refuses a replayed one (an IV this client used before, see {@link SeenClientIvs}), then draws
 * its own IV (refusing one equal to the client's), runs PBKDF2 on the engine's worker
 * pool and answers {@code {"envelope": ours}}. One HANDSHAKE per connection; a second one is a protocol violation.
 */
public final class PasswordServerExchange implements ServerAuthExchange {
    private final ServerAuthContext context;
    private final PasswordHandshake handshake;
    private final SeenClientIvs seen;
    private volatile boolean closed;
    private boolean received;

    /** An exchange for the password the hub granted ({@link ServerAuthContext#credential()}); without one it fails. */
    public PasswordServerExchange(ServerAuthContext context) {
        this(context, new SeenClientIvs());
    }

    /** As {@link #PasswordServerExchange(ServerAuthContext)}, refusing envelopes whose IV {@code seen} knows. */
    PasswordServerExchange(ServerAuthContext context, SeenClientIvs seen) {
        this.context = context;
        this.seen = seen;
        this.handshake = context.credential().map(PasswordHandshake::new).orElse(null);
    }

    @Override
    public CompletionStage<AuthStep> onClientHandshake(ClientHandshake clientHandshake) {
        if (closed) {
            return AuthSteps.failed(new ProtocolViolationException("unexpected handshake", "the exchange is closed"));
        }
        if (received) {
            return AuthSteps.failed(new ProtocolViolationException("unexpected handshake",
                    "a second password handshake on the same connection"));
        }
        received = true;
        if (handshake == null) {
            return AuthSteps.failed(new AuthenticationException("the password handshake is not enabled for this client"));
        }
        String ours;
        Supplier<byte[]> derivation;
        try {
            byte[] clientIv = handshake.verifyPeer(clientHandshake.authFields().get(ClientHandshake.ENVELOPE));
            if (!seen.firstSight(context.client().clientId(), clientIv)) {
                throw new AuthenticationException("replayed password envelope (its IV was used before)");
            }
            ours = handshake.createEnvelope(context.random());
            derivation = handshake.keyDerivation(clientIv);
        } catch (HiveMindException e) {
            return AuthSteps.failed(e);
        }
        return AuthSteps.derive(context::compute, derivation, Map.of(ClientHandshake.ENVELOPE, ours), () -> closed);
    }

    /** Zeroes the password and IV; a derivation still running is discarded (its key zeroed). */
    @Override
    public void close() {
        closed = true;
        if (handshake != null) {
            handshake.close();
        }
    }
}
