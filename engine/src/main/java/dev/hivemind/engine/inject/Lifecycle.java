package dev.hivemind.engine.inject;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of everything a hub's injector creates that holds threads (worker pools, the scheduler): each is
 * registered as it is made, and {@link #close()} closes them in reverse order of creation, once. A resource registered
 * after the close is closed at once. {@link dev.hivemind.engine.runtime.HubServer} closes it after its transports.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private boolean closed;

    /**
     * Takes ownership of {@code resource}.
     *
     * @throws IllegalStateException if this lifecycle is closed already (the resource is closed first)
     */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        if (closed) {
            closeQuietly(resource);
            throw new IllegalStateException("the hub is closed");
        }
        owned.push(resource);
        return resource;
    }

    /** Resources owned and not closed yet. */
    public synchronized int size() {
        return owned.size();
    }

    /** Closes every owned resource, the last created first. Idempotent; a failing close is logged, not thrown. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!owned.isEmpty()) {
            closeQuietly(owned.pop());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", resource, e.toString());
        }
    }
}
