package dev.hivemind.api.auth;

/**
 * A satellite's half of an auth method, discovered with {@link java.util.ServiceLoader}: register it in
 * {@code META-INF/services/dev.hivemind.api.auth.ClientAuthFactory}. Its {@link #name()}, selector field and offer
 * flag are those of the {@link ServerAuthFactory} it talks to. A satellite runs only the methods its user configured
 * and never falls back to another one.
 */
public interface ClientAuthFactory extends AuthMechanism {
    /** Whether these credentials configure this method (for example: a password is given). */
    boolean configuredBy(ClientCredentials credentials);

    /** A fresh exchange for one connection. */
    ClientAuthExchange newExchange(ClientAuthContext context);
}
