package dev.hivemind.engine.hub;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A fixed set of client records held in memory (embedding, tests). Lookups compare keys in constant time. */
public final class InMemoryClientRegistry implements ClientRegistry {
    private final List<ClientRecord> clients;

    public InMemoryClientRegistry(List<ClientRecord> clients) {
        this.clients = List.copyOf(clients);
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

    public List<ClientRecord> clients() {
        return clients;
    }
}
