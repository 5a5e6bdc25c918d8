package dev.hivemind.engine.hub;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Client records held in memory (embedding, tests). Lookups compare keys in constant time. First-use enrolments are
 * kept in memory only: they are lost when the process ends.
 */
public final class InMemoryClientRegistry implements ClientRegistry {
    private final List<ClientRecord> clients;

    public InMemoryClientRegistry(List<ClientRecord> clients) {
        this.clients = new CopyOnWriteArrayList<>(clients);
    }

    @Override
    public Optional<ClientRecord> findByAccessKey(String accessKey) {
        byte[] wanted = accessKey.getBytes(StandardCharsets.UTF_8);
        ClientRecord match = null;
        for (ClientRecord c : clients) {
            if (!c.revoked() && MessageDigest.isEqual(wanted, c.apiKey().getBytes(StandardCharsets.UTF_8))) {
                match = c;
            }
        }
        return Optional.ofNullable(match);
    }

    @Override
    public synchronized Enrollment enroll(int clientId, String method, String credential) {
        for (int i = 0; i < clients.size(); i++) {
            ClientRecord c = clients.get(i);
            if (c.clientId() != clientId) {
                continue;
            }
            Optional<String> held = c.credential(method);
            if (held.isPresent()) {
                return held.get().equals(credential) ? Enrollment.ALREADY_HELD : Enrollment.REFUSED;
            }
            if (c.revoked()) {
                return Enrollment.REFUSED;
            }
            clients.set(i, c.toBuilder().credential(method, credential).build());
            return Enrollment.STORED;
        }
        return Enrollment.REFUSED;
    }

    /** Replaces the record with the same client id (an operator's change while the hub runs). */
    public synchronized void update(ClientRecord changed) {
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).clientId() == changed.clientId()) {
                clients.set(i, changed);
                return;
            }
        }
        throw new IllegalArgumentException("no client " + changed.clientId());
    }

    /** The records as they are now (enrolments included). */
    public List<ClientRecord> clients() {
        return List.copyOf(clients);
    }
}
