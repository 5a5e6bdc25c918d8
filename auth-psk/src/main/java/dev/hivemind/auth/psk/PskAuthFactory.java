package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.registry.ClientRecord;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code psk} auth method: the client's pre-shared {@code crypto_key} is the session key, with no handshake
 * (no selector field; advertised with the offer flag {@code preshared_key}). Serves records whose
 * {@code crypto_key} is 16, 24 or 32 UTF-8 bytes; a record with any other length is not served, and a warning
 * names the client and the length. Keys shorter than 32 characters are used but logged as weak, once per client.
 */
public final class PskAuthFactory implements AuthMethodFactory {
    /** The method's name: config key, registry key and log label. */
    public static final String NAME = "psk";

    private final Logger logger;
    private final Set<Integer> invalidKeyWarned = ConcurrentHashMap.newKeySet();
    private final Set<Integer> weakKeyWarned = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warnedCredentials = new AtomicBoolean();

    /** The factory the service loader creates; logs through {@link System#getLogger}. */
    public PskAuthFactory() {
        this(System.getLogger(PskAuthFactory.class.getName()));
    }

    /** A factory that logs its warnings to {@code logger}. */
    public PskAuthFactory(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pre-shared crypto_key (protocol version 0, no handshake)";
    }

    @Override
    public Optional<String> selectorField() {
        return Optional.empty();
    }

    @Override
    public Optional<String> offerFlag() {
        return Optional.of(HandshakeOffer.PRESHARED_KEY);
    }

    @Override
    public boolean isHandshake() {
        return false;
    }

    /** Whether the record holds a usable {@code crypto_key}; an unusable one is reported once per client. */
    @Override
    public boolean appliesTo(ClientRecord client) {
        if (client.optionalCryptoKey().isEmpty()) {
            return false;
        }
        Optional<String> problem = PresharedKey.problem(client.cryptoKey());
        if (problem.isPresent()) {
            if (invalidKeyWarned.add(client.clientId())) {
                logger.log(Level.WARNING, "client " + client.clientId() + ": pre-shared key mode is off for this client: "
                        + problem.get());
            }
            return false;
        }
        return true;
    }

    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.optionalCryptoKey().isPresent();
    }

    /**
     * @throws dev.hivemind.api.error.InternalHiveMindException if the record's key is unusable
     *                                                          ({@link #appliesTo} said false)
     */
    @Override
    public ServerAuthExchange newServerExchange(ServerAuthContext context) {
        ClientRecord client = context.client();
        PresharedKey key = PresharedKey.of(client.cryptoKey());
        if (key.isWeak() && weakKeyWarned.add(client.clientId())) {
            logger.log(Level.WARNING, weakKeyWarning("client " + client.clientId()));
        }
        return new PskServerExchange(key);
    }

    /**
     * @throws dev.hivemind.api.error.InternalHiveMindException if the configured key is not 16, 24 or 32 UTF-8 bytes
     */
    @Override
    public ClientAuthExchange newClientExchange(ClientAuthContext context) {
        PresharedKey key = PresharedKey.of(context.credentials().cryptoKey());
        if (key.isWeak() && warnedCredentials.compareAndSet(false, true)) {
            logger.log(Level.WARNING, weakKeyWarning("the configured client"));
        }
        return new PskClientExchange(key);
    }

    private static String weakKeyWarning(String who) {
        return who + " uses a pre-shared crypto_key shorter than " + PresharedKey.RECOMMENDED_MIN_CHARS
                + " characters (hivemind-core's 16-hex-character keys carry 64 bits of entropy); "
                + "provision a random 32-character key (AES-256)";
    }
}
