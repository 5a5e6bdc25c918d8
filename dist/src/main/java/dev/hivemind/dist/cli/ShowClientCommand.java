package dev.hivemind.dist.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code show-client ID}: every field of one client, one per line, labelled as {@code add-client} labels them. The
 * access key, password and crypto key only with {@code --show-secrets}; otherwise whether each is set.
 */
@Command(name = "show-client", mixinStandardHelpOptions = true,
        description = {"Show one client: permissions, credentials, metadata.",
                "Every field of the client; the access key, password and crypto key only with --show-secrets."})
final class ShowClientCommand extends ClientStoreCommand {
    private static final String HIDDEN = "(hidden; --show-secrets shows it)";
    private static final java.util.Set<String> BUILT_IN = java.util.Set.of(ClientRecord.PASSWORD, ClientRecord.PSK,
            ClientRecord.RSA);

    @Parameters(paramLabel = "ID", description = "The client's id.")
    int clientId;

    @Option(names = "--show-secrets", description = "Also print the access key, password and crypto key.")
    boolean showSecrets;

    @Override
    protected void run(ClientStore store, PrintWriter out) {
        ClientRecord c = store.get(clientId).orElseThrow(() -> new CliFailure("no client with id " + clientId));
        line(out, "Node ID", Integer.toString(c.clientId()));
        line(out, "Friendly Name", c.name());
        line(out, "Description", c.description().isEmpty() ? "-" : c.description());
        line(out, "Status", c.revoked() ? "revoked" : "active");
        line(out, "Last Seen", ClientPermissions.lastSeen(c.lastSeen()));
        ConfiguredAuth auth = ConfiguredAuth.load(root, config);
        line(out, "Auth Methods", c.revoked() ? "-" : auth.methods(c));
        line(out, "Access Key", c.revoked() ? "-" : secret(c.apiKey()));
        line(out, "Password", c.password() == null ? "(none)" : secret(c.password()));
        line(out, "Encryption Key", c.cryptoKey() == null ? "(none)" : secret(c.cryptoKey()));
        line(out, "RSA Public Key", c.credential(ClientRecord.RSA)
                .map(k -> "enrolled, " + auth.fingerprint(ClientRecord.RSA, k)).orElse("(none)"));
        c.credentials().keySet().stream().filter(m -> !BUILT_IN.contains(m)).sorted().forEach(m ->
                line(out, "Credential " + m, secret(c.credential(m).orElse(""))));
        line(out, "Admin Privileges", Boolean.toString(c.admin()));
        line(out, "Can Broadcast", Boolean.toString(c.canBroadcast()));
        line(out, "Can Escalate", Boolean.toString(c.canEscalate()));
        line(out, "Can Propagate", Boolean.toString(c.canPropagate()));
        line(out, "Allowed Types", String.join(", ", c.allowedTypes()));
        line(out, "Message Blacklist", String.join(", ", c.messageBlacklist()));
        line(out, "Skill Blacklist", String.join(", ", c.skillBlacklist()));
        line(out, "Intent Blacklist", String.join(", ", c.intentBlacklist()));
        line(out, "Metadata", metadata(c));
    }

    private String secret(String value) {
        return showSecrets ? value : HIDDEN;
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(label + ": " + Text.printable(value.isEmpty() ? "-" : value));
    }

    private static String metadata(ClientRecord c) {
        if (c.metadata().isEmpty()) {
            return "-";
        }
        try {
            return new ObjectMapper().writeValueAsString(c.metadata());
        } catch (JsonProcessingException e) {
            return "(not printable)";
        }
    }
}
