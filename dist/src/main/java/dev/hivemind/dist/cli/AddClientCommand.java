package dev.hivemind.dist.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRecordBuilder;
import dev.hivemind.api.registry.ClientStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code add-client}: adds a client and prints its credentials, once. Secrets not given are generated with 128
 * random bits each; the generated crypto key has 32 characters (AES-256).
 */
@Command(name = "add-client", mixinStandardHelpOptions = true,
        description = {"Add a client and print its credentials.",
                "Secrets not given are generated (128 random bits each)."})
final class AddClientCommand extends ClientStoreCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--name", paramLabel = "NAME", description = "Friendly name. Default: HiveMind-Node-<id>.")
    String name;

    @Option(names = "--access-key", paramLabel = "KEY", description = "Access key. Default: 16 random bytes in hex.")
    String accessKey;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Password. Default: 16 random bytes in hex.")
    String password;

    @Option(names = "--crypto-key", paramLabel = "KEY",
            description = "Pre-shared key of 16, 24 or 32 characters. Default: 32 random hex characters.")
    String cryptoKey;

    @Option(names = "--no-crypto-key", description = "Give the client no pre-shared key (password or RSA only).")
    boolean noCryptoKey;

    @Option(names = "--no-password", description = "Give the client no password (pre-shared key, RSA or a drop-in only;"
            + " with --no-crypto-key and no other credential, only first-use RSA enrolment can serve it).")
    boolean noPassword;

    @Option(names = "--admin", arity = "0..1", paramLabel = "BOOLEAN", fallbackValue = "true",
            description = "Make the client an administrator.")
    boolean admin;

    @Option(names = "--metadata", paramLabel = "JSON", description = "Client metadata, a JSON object.")
    String metadata;

    @Option(names = {"--public-key", "--rsa-public-key"}, paramLabel = "PEM_FILE",
            description = "Enrol the client's RSA public key (PEM): the only key it may authenticate with in RSA mode.")
    Path rsaPublicKeyFile;

    @Option(names = "--credential", paramLabel = "METHOD=VALUE",
            description = "The credential of a drop-in auth method, in the form that method defines (repeatable).")
    Map<String, String> credentials = new java.util.LinkedHashMap<>();

    private Map<String, Object> parsedMetadata = Map.of();
    private String rsaPublicKey;

    @Override
    protected void validate() {
        if (accessKey != null) {
            Credentials.accessKeyProblem(accessKey).ifPresent(this::usage);
        }
        if (password != null && password.isEmpty()) {
            usage("the password is empty");
        }
        if (cryptoKey != null && noCryptoKey) {
            usage("--crypto-key and --no-crypto-key exclude each other");
        }
        if (cryptoKey != null) {
            Credentials.cryptoKeyProblem(cryptoKey).ifPresent(this::usage);
        }
        if (name != null && name.isBlank()) {
            usage("the name is empty");
        }
        if (metadata != null) {
            parsedMetadata = parseMetadata(metadata);
        }
        if (password != null && noPassword) {
            usage("--password and --no-password exclude each other");
        }
        ConfiguredAuth auth = rsaPublicKeyFile == null && credentials.isEmpty() ? null : ConfiguredAuth.load(root, config);
        if (rsaPublicKeyFile != null) {
            rsaPublicKey = PublicKeyFiles.read(rsaPublicKeyFile, auth, spec.commandLine());
        }
        credentials.forEach((method, value) -> {
            Credentials.dropInCredentialProblem(method, value).ifPresent(this::usage);
            auth.problem(method, value).ifPresent(p -> usage("--credential " + method + "=...: " + p));
        });
    }

    @Override
    protected void run(ClientStore store, PrintWriter out) {
        var random = root.environment().random();
        String key = accessKey != null ? accessKey : Credentials.newAccessKey(random);
        String secret = noPassword ? null : password != null ? password : Credentials.newPassword(random);
        String psk = noCryptoKey ? null : cryptoKey != null ? cryptoKey : Credentials.newCryptoKey(random);
        if (cryptoKey != null) {
            Credentials.cryptoKeyWarning(cryptoKey).ifPresent(err()::println);
        }
        ClientRecordBuilder draft = ClientRecord.builder(key)
                .name(name == null ? "" : name)
                .password(secret)
                .cryptoKey(psk)
                .admin(admin)
                .metadata(parsedMetadata)
                .credential(ClientRecord.RSA, rsaPublicKey);
        credentials.forEach(draft::credential);
        ClientRecord added = store.add(draft.build());
        out.println("Credentials added to database!");
        out.println();
        out.println("Node ID: " + added.clientId());
        out.println("Friendly Name: " + Text.printable(added.name()));
        out.println("Admin Privileges: " + added.admin());
        out.println("Access Key: " + added.apiKey());
        out.println("Password: " + (added.password() == null ? "(none)" : added.password()));
        out.println("Encryption Key: " + (added.cryptoKey() == null ? "(none)" : added.cryptoKey()));
        if (added.credential(ClientRecord.RSA).isPresent()) {
            out.println("RSA Public Key: enrolled from " + rsaPublicKeyFile);
        }
        for (String method : credentials.keySet()) {
            out.println("Credential of " + method + ": " + Text.printable(added.credential(method).orElse("")));
        }
        if (!added.metadata().isEmpty()) {
            out.println("Metadata: " + Text.printable(toJson(added.metadata())));
        }
        out.println();
        out.println("Give the access key and the password (or the encryption key) to the satellite; "
                + "'hivemind show-client " + added.clientId() + " --show-secrets' prints them again.");
        if (added.credentials().isEmpty()) {
            err().println("note: client " + added.clientId() + " holds no credential, so no auth method can serve it"
                    + " until you enrol its key ('hivemind set-public-key " + added.clientId() + " PEM_FILE') or turn on"
                    + " auth.rsa.enroll_on_first_use");
        }
    }

    private Map<String, Object> parseMetadata(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                usage("--metadata must be a JSON object");
            }
            return JSON.convertValue(node, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            usage("--metadata is not valid JSON");
            return Map.of();
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "{...}";
        }
    }

    private void usage(String message) {
        throw new ParameterException(spec.commandLine(), message);
    }
}
