package dev.hivemind.auth.password;

import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;

/**
 * The hub's half of the {@code password} auth method: poorman_handshake's password handshake (PBKDF2 session key).
 * Selected by the {@code envelope} field of the client HANDSHAKE, advertised with the offer flag {@code password}; the
 * hub grants it to clients whose record holds a password, which the exchange reads from its context.
 */
public final class PasswordServerAuthFactory implements ServerAuthFactory, PasswordMechanism {
    /** The method's name: config key, log label and the name of its credential in a client record. */
    public static final String NAME = "password";

    private final SeenClientIvs seenIvs = new SeenClientIvs();

    @Override
    public String description() {
        return "password handshake (poorman_handshake PasswordHandShake, PBKDF2-HMAC-SHA256 session key)";
    }

    @Override
    public ServerAuthExchange newExchange(ServerAuthContext context) {
        return new PasswordServerExchange(context, seenIvs);
    }
}
