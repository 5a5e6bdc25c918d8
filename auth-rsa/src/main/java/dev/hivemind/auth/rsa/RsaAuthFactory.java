package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.plugin.PluginContext;
import dev.hivemind.api.registry.ClientRecord;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code rsa} auth method: HiveMind's public-key handshake (OAEP-SHA1 secret, PSS-SHA256 signature) with
 * server-key pinning on the client. Selected by the client HANDSHAKE field {@code pubkey}; it sets no offer flag
 * of its own (it rides on the offer's {@code handshake: true}). The node identity is loaded (or generated) once
 * in {@link #initialize}; settings are described in {@link RsaSettings}.
 */
public final class RsaAuthFactory implements AuthMethodFactory {
    /** The method's name: config key, registry key and log label. */
    public static final String NAME = "rsa";

    private final RsaEnvelope envelopes = new RsaEnvelope(RsaPrimitives.preferred());
    private final RecentEnvelopes recentEnvelopes = new RecentEnvelopes(RecentEnvelopes.DEFAULT_CAPACITY);
    private final Map<Path, NodeIdentity> clientIdentities = new ConcurrentHashMap<>();
    private final Map<Path, KnownHosts> knownHosts = new ConcurrentHashMap<>();
    private volatile RsaSettings settings;
    private volatile Path dataDirectory;
    private volatile SecureRandom random;
    private volatile NodeIdentity identity;

    /** For {@link java.util.ServiceLoader}. */
    public RsaAuthFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RSA public-key handshake (OAEP-SHA1 + PSS-SHA256) with server-key pinning";
    }

    /**
     * Validates the settings and loads the node identity, generating it first if it is missing and
     * {@value RsaSettings#GENERATE_IDENTITY} is on.
     *
     * @throws IllegalArgumentException for a bad setting
     * @throws IllegalStateException    for an unreadable or unacceptable identity file
     */
    @Override
    public void initialize(PluginContext context) {
        RsaSettings s = RsaSettings.from(context.settings(), context.dataDirectory());
        this.dataDirectory = context.dataDirectory();
        this.random = context.random();
        this.identity = NodeIdentity.loadOrGenerate(s.identityFile(), s.keyBits(), s.generateIdentity(), context.random());
        this.settings = s;
        if (identity != null) {
            clientIdentities.put(canonical(s.identityFile()), identity);
        }
    }

    @Override
    public Optional<String> selectorField() {
        return Optional.of(ClientHandshake.PUBKEY);
    }

    @Override
    public Optional<String> offerFlag() {
        return Optional.empty();
    }

    /** Whether this node has an identity key and the client's record holds an enrolled public key. */
    @Override
    public boolean appliesTo(ClientRecord client) {
        return identity != null && client.optionalRsaPublicKey().isPresent();
    }

    /** The node's SubjectPublicKeyInfo PEM, announced in the server HELLO. */
    @Override
    public Optional<String> nodePublicKeyPem() {
        NodeIdentity id = identity;
        return id == null ? Optional.empty() : Optional.of(id.publicKeyPem());
    }

    /** Whether the client options select RSA mode ({@value RsaSettings#OPT_ENABLED} = {@code true}). */
    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return RsaSettings.enabledBy(credentials);
    }

    @Override
    public ServerAuthExchange newServerExchange(ServerAuthContext context) {
        requireInitialized();
        return new RsaServerExchange(context, identity, envelopes);
    }

    /**
     * A client exchange using the identity and known-hosts file of the credentials' {@code rsa.} options (or the
     * plugin settings). An identity named only by an option is loaded on first use and then cached.
     *
     * @throws IllegalArgumentException for a malformed option
     * @throws IllegalStateException    if the identity file is unusable, or missing while generation is off
     */
    @Override
    public ClientAuthExchange newClientExchange(ClientAuthContext context) {
        RsaSettings s = requireInitialized().forClient(context.credentials(), dataDirectory);
        NodeIdentity own = clientIdentities.computeIfAbsent(canonical(s.identityFile()), file -> {
            NodeIdentity id = NodeIdentity.loadOrGenerate(file, s.keyBits(), s.generateIdentity(), random);
            if (id == null) {
                throw new IllegalStateException("no RSA identity file " + file + " and "
                        + RsaSettings.GENERATE_IDENTITY + " is off");
            }
            return id;
        });
        KnownHosts hosts = knownHosts.computeIfAbsent(canonical(s.knownHostsFile()), KnownHosts::new);
        return new RsaClientExchange(context, own, hosts, s.strictHostKeys(), envelopes, recentEnvelopes);
    }

    /** The known-hosts store of {@code file} shared with this factory's exchanges (for a CLI that pins or unpins). */
    public KnownHosts knownHosts(Path file) {
        return knownHosts.computeIfAbsent(canonical(file), KnownHosts::new);
    }

    /** The node identity, or empty before {@link #initialize} or when there is none. */
    public Optional<NodeIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    private static Path canonical(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private RsaSettings requireInitialized() {
        RsaSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("the rsa auth plugin was not initialized");
        }
        return s;
    }
}
