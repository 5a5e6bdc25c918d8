package dev.hivemind.dist.db;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreException;
import dev.hivemind.api.registry.ClientTransaction;
import java.util.List;

/**
 * Copies every client of one registry into another, revoked ones included, with its id, every field, every credential
 * and {@code last_seen}: the source is read in one transaction (a consistent snapshot) and the target written in one,
 * then read back and compared record for record before it commits, and once more after. A target that already holds
 * clients is refused unless {@code replace}, which deletes them first (in the same transaction).
 */
public final class RegistryMigration {
    /**
     * What was copied.
     *
     * @param clients     every client
     * @param revoked     of which revoked
     * @param credentials credentials, all clients together
     * @param replaced    clients the target held before, deleted by {@code replace}
     */
    public record Report(int clients, int revoked, int credentials, int replaced) {
    }

    /** The target holds clients and {@code replace} was not asked for; nothing was written. */
    public static final class TargetNotEmptyException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int clients;

        TargetNotEmptyException(int clients) {
            super(null, null, false, false);
            this.clients = clients;
        }

        /** How many clients the target holds. */
        public int clients() {
            return clients;
        }
    }

    private RegistryMigration() {
    }

    /**
     * Copies {@code source} into {@code target}.
     *
     * @throws TargetNotEmptyException if the target holds clients and {@code replace} is false
     * @throws ClientStoreException    if a record cannot be stored (the target is left as it was) or the copy
     *                                 read back differs
     */
    public static Report copy(ClientStore source, ClientStore target, boolean replace) {
        List<ClientRecord> records = source.inTransaction(ClientTransaction::listAll);
        int replaced = target.inTransaction(tx -> {
            int before = tx.listAll().size();
            if (before > 0 && !replace) {
                throw new TargetNotEmptyException(before);
            }
            if (before > 0) {
                tx.deleteAll();
            }
            for (ClientRecord r : records) {
                tx.insert(r);
            }
            requireSame(records, tx.listAll(), "before commit");
            return before;
        });
        requireSame(records, target.listAll(), "after commit");
        int credentials = records.stream().mapToInt(r -> r.credentials().size()).sum();
        int revoked = (int) records.stream().filter(ClientRecord::revoked).count();
        return new Report(records.size(), revoked, credentials, replaced);
    }

    private static void requireSame(List<ClientRecord> expected, List<ClientRecord> found, String when) {
        if (found.size() != expected.size()) {
            throw new ClientStoreException("verification failed " + when + ": the target holds " + found.size()
                    + " client(s), the source " + expected.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(found.get(i))) {
                throw new ClientStoreException("verification failed " + when + ": client "
                        + expected.get(i).clientId() + " differs in the target in "
                        + ClientImporter.differences(expected.get(i), found.get(i)));
            }
        }
    }
}
