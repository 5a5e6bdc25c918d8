package dev.hivemind.auth.password;

import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;

/** The satellite's half of the {@code password} auth method; configured by credentials that hold a password. */
public final class PasswordClientAuthFactory implements ClientAuthFactory, PasswordMechanism {
    @Override
    public String description() {
        return "password handshake (poorman_handshake PasswordHandShake), satellite side";
    }

    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.optionalPassword().isPresent();
    }

    @Override
    public ClientAuthExchange newExchange(ClientAuthContext context) {
        return new PasswordClientExchange(context);
    }
}
