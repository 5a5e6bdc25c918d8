package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code list-clients}: a table of the clients: the auth methods the hub lets each one use (from its record and the
 * configuration, as the hub decides), the fingerprint of its enrolled RSA key; their permissions with
 * {@code --permissions}; secrets only with
 * {@code --show-secrets}.
 */
@Command(name = "list-clients", mixinStandardHelpOptions = true,
        description = "List the clients (no secrets unless --show-secrets).")
final class ListClientsCommand extends ClientStoreCommand {
    @Option(names = "--show-secrets", description = "Also print access keys, passwords and crypto keys.")
    boolean showSecrets;

    @Option(names = "--all", description = "Include revoked clients.")
    boolean all;

    @Option(names = "--permissions", description = "Also print what each client may send: BROADCAST, ESCALATE and "
            + "PROPAGATE messages, allowed_types (against hivemind-core's default), and the message, skill and intent "
            + "blacklists.")
    boolean permissions;

    @Override
    protected void run(ClientStore store, PrintWriter out) {
        List<ClientRecord> clients = all ? store.listAll() : store.list();
        if (clients.isEmpty()) {
            out.println("No clients found.");
            return;
        }
        ConfiguredAuth auth = ConfiguredAuth.load(root, config);
        List<String> header = new ArrayList<>(List.of("ID", "NAME", "ADMIN", "METHODS", "RSA KEY", "LAST SEEN"));
        if (all) {
            header.add("STATUS");
        }
        if (permissions) {
            header.addAll(List.of("BROADCAST", "ESCALATE", "PROPAGATE", "ALLOWED TYPES", "MSG BLACKLIST",
                    "SKILL BLACKLIST", "INTENT BLACKLIST"));
        }
        if (showSecrets) {
            header.addAll(List.of("ACCESS KEY", "PASSWORD", "CRYPTO KEY"));
        }
        TextTable table = new TextTable(header);
        for (ClientRecord c : clients) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(c.clientId()), c.name(),
                    ClientPermissions.yesNo(c.admin()), c.revoked() ? "-" : auth.methods(c),
                    c.credential(ClientRecord.RSA).map(k -> auth.fingerprint(ClientRecord.RSA, k)).orElse("-"),
                    ClientPermissions.lastSeen(c.lastSeen())));
            if (all) {
                row.add(c.revoked() ? "revoked" : "active");
            }
            if (permissions) {
                row.addAll(List.of(ClientPermissions.yesNo(c.canBroadcast()), ClientPermissions.yesNo(c.canEscalate()),
                        ClientPermissions.yesNo(c.canPropagate()), ClientPermissions.allowedTypes(c),
                        ClientPermissions.list(c.messageBlacklist()), ClientPermissions.list(c.skillBlacklist()),
                        ClientPermissions.list(c.intentBlacklist())));
            }
            if (showSecrets) {
                row.addAll(List.of(c.revoked() ? "-" : c.apiKey(), orDash(c.password()), orDash(c.cryptoKey())));
            }
            table.add(row);
        }
        table.print(out);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
