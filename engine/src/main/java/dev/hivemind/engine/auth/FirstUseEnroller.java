package dev.hivemind.engine.auth;

import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.engine.work.WorkerPool;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a first-use credential in the registry (on the I/O pool: the registry may block) and logs it at WARN with
 * its fingerprint, so the operator can check it with the client's owner. The registry stores it atomically and only
 * if the client still holds none: of two first uses racing with different keys exactly one wins.
 */
public final class FirstUseEnroller {
    private static final Logger LOG = LoggerFactory.getLogger(FirstUseEnroller.class);

    private final ClientRegistry registry;
    private final WorkerPool io;

    public FirstUseEnroller(ClientRegistry registry, WorkerPool io) {
        this.registry = registry;
        this.io = io;
    }

    /** Enrols {@code credential} for {@code client}; completes with whether the client now holds it. */
    public CompletionStage<Boolean> enroll(ClientRecord client, ServerAuthFactory method, String credential,
            InetSocketAddress from) {
        String fingerprint = method.fingerprint(credential);
        return io.compute(() -> registry.enroll(client.clientId(), method.name(), credential), Runnable::run)
                .handle((result, error) -> {
                    if (error != null) {
                        LOG.warn("client {} '{}': cannot enrol {} key {}: {}", client.clientId(), client.name(),
                                method.name(), fingerprint, error.toString());
                        return false;
                    }
                    switch (result) {
                        case STORED -> LOG.warn("client {} '{}': enrolled {} key {} on first use from {}"
                                        + " (auth.{}.enroll_on_first_use); confirm this fingerprint with the client's owner",
                                client.clientId(), client.name(), method.name(), fingerprint, from, method.name());
                        case ALREADY_HELD -> LOG.info("client {} '{}': {} key {} was enrolled by a concurrent first use",
                                client.clientId(), client.name(), method.name(), fingerprint);
                        case REFUSED -> LOG.warn("client {} '{}': refused {} key {} from {}: the client holds another"
                                        + " credential now (or was revoked)", client.clientId(), client.name(),
                                method.name(), fingerprint, from);
                        case NOT_SUPPORTED -> LOG.warn("client {} '{}': cannot enrol {} key {}: the client registry"
                                + " stores no credentials", client.clientId(), client.name(), method.name(), fingerprint);
                        default -> throw new IllegalStateException(result.toString());
                    }
                    return result.holds();
                });
    }
}
