package dev.hivemind.auth.psk;

import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hub's half of the {@code psk} auth method: the client's pre-shared {@code crypto_key} is the session key, with
 * no handshake (no selector field; advertised with the offer flag {@code preshared_key}). A stored key that is not 16,
 * 24 or 32 UTF-8 bytes is reported by {@link #credentialProblem}, so the hub does not offer the method to that client.
 * Keys shorter than 32 characters are used but logged as weak, once per client.
 */
public final class PskServerAuthFactory implements ServerAuthFactory, PskMechanism {
    /** The method's name: config key, log label and the name of its credential in a client record. */
    public static final String NAME = "psk";

    private static final int MAX_WARNED = 10_000;

    private final Logger logger;
    private final Set<Integer> weakKeyWarned = ConcurrentHashMap.newKeySet();

    /** The factory the service loader creates; logs through SLF4J. */
    public PskServerAuthFactory() {
        this(LoggerFactory.getLogger(PskServerAuthFactory.class));
    }

    /** A factory that logs its warnings to {@code logger}. */
    public PskServerAuthFactory(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public String description() {
        return "pre-shared crypto_key (protocol version 0, no handshake)";
    }

    /** Why the stored key cannot serve (its length), never quoting it. */
    @Override
    public Optional<String> credentialProblem(String credential) {
        return PresharedKey.problem(credential);
    }

    /**
     * @throws dev.hivemind.api.error.InternalHiveMindException if no usable key was granted (the hub checks
     *                                                          {@link #credentialProblem} first)
     */
    @Override
    public ServerAuthExchange newExchange(ServerAuthContext context) {
        PresharedKey key = PresharedKey.of(context.credential().orElse(null));
        int clientId = context.client().clientId();
        if (key.isWeak() && weakKeyWarned.size() < MAX_WARNED && weakKeyWarned.add(clientId)) {
            logger.warn(WeakKeyWarning.text("client " + clientId));
        }
        return new PskServerExchange(key);
    }
}
