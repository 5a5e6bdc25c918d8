package dev.hivemind.dist.db;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRecordBuilder;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports the clients of a Python hub into any {@link ClientStore}, keeping ids, access keys, passwords and crypto
 * keys. All or nothing, in one transaction; running it again with the same file changes nothing. A client that
 * differs from the stored one with its id, or whose access key another client holds, is a conflict: without
 * {@code overwrite} nothing is written and the conflicts are reported; with it the file's version replaces the
 * stored one. An access key held by a different client, and a client revoked here, stay conflicts either way
 * (a revoked client is never revived). An import never revokes either: a client the file marks revoked but that is
 * active here stays active, with a warning naming the command that revokes it.
 */
public final class ClientImporter {
    private final ClientStore store;

    public ClientImporter(ClientStore store) {
        this.store = store;
    }

    /** Imports the clients read from a file. */
    public ImportReport importAll(LegacyClientFile.Contents contents, boolean overwrite) {
        List<String> notes = new ArrayList<>(contents.notes());
        notes.addAll(credentialWarnings(contents.records()));
        try {
            return store.inTransaction(table -> {
                Plan plan = new Plan();
                for (ClientRecord record : contents.records()) {
                    importOne(table, record, overwrite, plan);
                }
                notes.addAll(plan.notes);
                ImportReport report = new ImportReport(plan.added, plan.unchanged, plan.replaced, plan.kept,
                        plan.conflicts, notes, plan.conflicts.isEmpty());
                if (!report.applied()) {
                    throw new RolledBack(report);
                }
                return report;
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.report;
        }
    }

    private void importOne(ClientTransaction table, ClientRecord record, boolean overwrite, Plan plan) {
        int id = record.clientId();
        Optional<ClientRecord> stored = table.get(id);
        if (stored.isPresent() && sameIgnoringLastSeen(stored.get(), record)) {
            plan.unchanged.add(id);
            return;
        }
        if (stored.isPresent() && stored.get().revoked()) {
            plan.conflicts.add("client " + id + ": is revoked here and is never revived");
            return;
        }
        if (stored.isPresent() && record.revoked()) {
            plan.kept.add(id);
            plan.notes.add("warning: client " + id + " is revoked in the file but active here; it stays active"
                    + " (revoke it with 'hivemind delete-client " + id + "')");
            return;
        }
        if (!record.revoked()) {
            for (ClientRecord holder : table.activeByAccessKey(record.apiKey())) {
                if (holder.clientId() != id) {
                    plan.conflicts.add("client " + id + ": its access key is already used by client " + holder.clientId());
                    return;
                }
            }
        }
        if (stored.isEmpty()) {
            table.insert(record);
            plan.added.add(id);
        } else if (overwrite) {
            table.replace(keepingJvmCredentials(record, stored.get()));
            plan.replaced.add(id);
        } else {
            plan.conflicts.add("client " + id + ": differs from the stored client in " + differences(stored.get(), record));
        }
    }

    private static boolean sameIgnoringLastSeen(ClientRecord stored, ClientRecord imported) {
        ClientRecord comparable = keepingJvmCredentials(imported, stored).toBuilder().lastSeen(stored.lastSeen()).build();
        return comparable.equals(stored);
    }

    /**
     * {@code imported} with the credentials a hivemind-core file cannot hold (an enrolled key, a drop-in method's
     * credential) taken from {@code stored}: keeping them is not a difference, and an overwrite does not drop them.
     */
    private static ClientRecord keepingJvmCredentials(ClientRecord imported, ClientRecord stored) {
        ClientRecordBuilder merged = imported.toBuilder();
        stored.credentials().forEach((method, credential) -> {
            if (!method.equals(ClientRecord.PASSWORD) && !method.equals(ClientRecord.PSK)) {
                merged.credential(method, credential);
            }
        });
        return merged.build();
    }

    /** Names (never values) of the fields that differ. */
    static List<String> differences(ClientRecord a, ClientRecord b) {
        List<String> fields = new ArrayList<>();
        diff(fields, "api_key", a.apiKey(), b.apiKey());
        diff(fields, "name", a.name(), b.name());
        diff(fields, "description", a.description(), b.description());
        diff(fields, "is_admin", a.admin(), b.admin());
        diff(fields, "intent_blacklist", a.intentBlacklist(), b.intentBlacklist());
        diff(fields, "skill_blacklist", a.skillBlacklist(), b.skillBlacklist());
        diff(fields, "message_blacklist", a.messageBlacklist(), b.messageBlacklist());
        diff(fields, "allowed_types", a.allowedTypes(), b.allowedTypes());
        diff(fields, "crypto_key", a.cryptoKey(), b.cryptoKey());
        diff(fields, "password", a.password(), b.password());
        diff(fields, "can_broadcast", a.canBroadcast(), b.canBroadcast());
        diff(fields, "can_escalate", a.canEscalate(), b.canEscalate());
        diff(fields, "can_propagate", a.canPropagate(), b.canPropagate());
        diff(fields, "metadata", a.metadata(), b.metadata());
        return fields;
    }

    private static void diff(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    /** Warnings about credentials that are weak (W9) or cannot work on the wire; ids only. */
    static List<String> credentialWarnings(List<ClientRecord> records) {
        List<Integer> legacyKeys = new ArrayList<>();
        List<Integer> badKeys = new ArrayList<>();
        List<Integer> colonKeys = new ArrayList<>();
        for (ClientRecord r : records) {
            if (r.revoked()) {
                continue;
            }
            if (r.cryptoKey() != null) {
                int bytes = r.cryptoKey().getBytes(StandardCharsets.UTF_8).length;
                if (bytes != 16 && bytes != 24 && bytes != 32) {
                    badKeys.add(r.clientId());
                } else if (bytes < 32) {
                    legacyKeys.add(r.clientId());
                }
            }
            if (r.apiKey().contains(":")) {
                colonKeys.add(r.clientId());
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!legacyKeys.isEmpty()) {
            warnings.add("warning: clients " + legacyKeys + " have a crypto key shorter than 32 characters"
                    + " (hivemind-core's 16-character keys hold at most 64 random bits); prefer passwords,"
                    + " or provision new 32-character keys");
        }
        if (!badKeys.isEmpty()) {
            warnings.add("warning: clients " + badKeys + " have a crypto key that is not 16, 24 or 32 bytes long;"
                    + " a pre-shared-key handshake with them cannot work");
        }
        if (!colonKeys.isEmpty()) {
            warnings.add("warning: clients " + colonKeys + " have an access key containing ':', which the"
                    + " connection's authorization token cannot carry");
        }
        return warnings;
    }

    private static final class Plan {
        final List<Integer> added = new ArrayList<>();
        final List<Integer> unchanged = new ArrayList<>();
        final List<Integer> replaced = new ArrayList<>();
        final List<Integer> kept = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
    }

    /** Carries a report out of a transaction that must roll back. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        RolledBack(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }
}
