package dev.hivemind.auth.password;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.plugin.Availability;
import dev.hivemind.api.registry.ClientRecord;
import java.util.Optional;

/**
 * The {@code password} auth method: poorman_handshake's password handshake (PBKDF2 session key). Selected by the
 * {@code envelope} field of the client HANDSHAKE, advertised with the offer flag {@code password}; serves clients
 * whose record holds a password, and clients configured with one.
 */
public final class PasswordAuthFactory implements AuthMethodFactory {
    /** The method's name: config key, registry key and log label. */
    public static final String NAME = "password";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "password handshake (poorman_handshake PasswordHandShake, PBKDF2-HMAC-SHA256 session key)";
    }

    @Override
    public Availability availability() {
        return PasswordKdf.available() ? Availability.ok()
                : Availability.unavailable("this JDK provides no SHA-256");
    }

    @Override
    public Optional<String> selectorField() {
        return Optional.of(ClientHandshake.ENVELOPE);
    }

    @Override
    public Optional<String> offerFlag() {
        return Optional.of(HandshakeOffer.PASSWORD);
    }

    @Override
    public boolean appliesTo(ClientRecord client) {
        return client.optionalPassword().isPresent();
    }

    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.optionalPassword().isPresent();
    }

    @Override
    public ServerAuthExchange newServerExchange(ServerAuthContext context) {
        return new PasswordServerExchange(context);
    }

    @Override
    public ClientAuthExchange newClientExchange(ClientAuthContext context) {
        return new PasswordClientExchange(context);
    }
}
