package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The satellite's half of the {@code psk} auth method: configured by credentials that hold a {@code crypto_key}; the
 * key is in force as soon as the hub's offer says {@code preshared_key: true}. A key shorter than 32 characters is
 * used but logged as weak, once.
 */
public final class PskClientAuthFactory implements ClientAuthFactory, PskMechanism {
    private final Logger logger;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** The factory the service loader creates; logs through SLF4J. */
    public PskClientAuthFactory() {
        this(LoggerFactory.getLogger(PskClientAuthFactory.class));
    }

    /** A factory that logs its warnings to {@code logger}. */
    public PskClientAuthFactory(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public String description() {
        return "pre-shared crypto_key (protocol version 0, no handshake), satellite side";
    }

    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return credentials.optionalCryptoKey().isPresent();
    }

    /**
     * @throws dev.hivemind.api.error.InternalHiveMindException if the configured key is not 16, 24 or 32 UTF-8 bytes
     */
    @Override
    public ClientAuthExchange newExchange(ClientAuthContext context) {
        PresharedKey key = PresharedKey.of(context.credentials().cryptoKey());
        if (key.isWeak() && warned.compareAndSet(false, true)) {
            logger.warn(WeakKeyWarning.text("the configured client"));
        }
        return new PskClientExchange(key);
    }
}
