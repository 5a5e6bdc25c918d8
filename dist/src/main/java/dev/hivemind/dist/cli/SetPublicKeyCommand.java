package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code set-public-key ID PEM_FILE|--remove}: enrols, replaces or removes the RSA public key a client authenticates
 * with (the only key RSA accepts for it). Prints the key's fingerprint, to compare with the satellite's.
 */
@Command(name = "set-public-key", mixinStandardHelpOptions = true,
        description = "Enrol, replace or remove a client's RSA public key.")
final class SetPublicKeyCommand extends ClientChangeCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The client's id.")
    int clientId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PEM_FILE", description = "The client's public key (PEM).")
    Path file;

    @Option(names = "--remove", description = "Remove the enrolled key (RSA then refuses the client).")
    boolean remove;

    private String pem;
    private ConfiguredAuth auth;

    @Override
    protected int clientId() {
        return clientId;
    }

    @Override
    protected void validate() {
        if ((file == null) == !remove) {
            throw new ParameterException(spec.commandLine(), "Give either PEM_FILE or --remove");
        }
        auth = ConfiguredAuth.load(root, config);
        if (file != null) {
            pem = PublicKeyFiles.read(file, auth, spec.commandLine());
        }
    }

    @Override
    protected Change change(ClientRecord client) {
        Optional<String> current = client.credential(ClientRecord.RSA);
        if (pem == null) {
            return current.isEmpty() ? Change.none("Client " + clientId + " has no enrolled RSA key")
                    : Change.to(client.toBuilder().credential(ClientRecord.RSA, null).build(), "Client " + clientId
                            + ": removed RSA key " + auth.fingerprint(ClientRecord.RSA, current.get()));
        }
        String fingerprint = auth.fingerprint(ClientRecord.RSA, pem);
        if (current.isPresent() && current.get().equals(pem)) {
            return Change.none("Client " + clientId + " already has RSA key " + fingerprint);
        }
        return Change.to(client.toBuilder().credential(ClientRecord.RSA, pem).build(), "Client " + clientId
                + ": enrolled RSA key " + fingerprint + current.map(c -> " (replaces "
                + auth.fingerprint(ClientRecord.RSA, c) + ")").orElse(""));
    }
}
