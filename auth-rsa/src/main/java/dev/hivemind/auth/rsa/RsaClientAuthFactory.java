package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The satellite's half of the {@code rsa} auth method: presents this satellite's key (its identity file, generated on
 * first use unless turned off) and pins the hub's key per {@code host:port} (known-hosts file, trust on first use
 * unless strict). Selected by the client option {@value RsaSettings#OPT_ENABLED} = {@code true}.
 */
public final class RsaClientAuthFactory implements ClientAuthFactory, RsaMechanism {
    private final RsaEnvelope envelopes = new RsaEnvelope(RsaPrimitives.preferred());
    private final RecentEnvelopes recentEnvelopes = new RecentEnvelopes(RecentEnvelopes.DEFAULT_CAPACITY);
    private final Map<Path, NodeIdentity> identities = new ConcurrentHashMap<>();
    private final Map<Path, KnownHosts> knownHosts = new ConcurrentHashMap<>();
    private volatile RsaSettings settings;
    private volatile Path dataDirectory;
    private volatile SecureRandom random;

    /** For {@link java.util.ServiceLoader}. */
    public RsaClientAuthFactory() {
    }

    @Override
    public String description() {
        return "RSA public-key handshake with hub-key pinning, satellite side";
    }

    /**
     * Validates the settings and loads this satellite's identity, generating it first if it is missing and
     * {@value RsaSettings#GENERATE_IDENTITY} is on (an identity named only by a connection's options is loaded on
     * first use).
     *
     * @throws IllegalArgumentException for a bad setting
     * @throws IllegalStateException    for an unreadable identity file, or a missing one while generation is off
     */
    @Override
    public void initialize(PluginContext context) {
        this.dataDirectory = context.dataDirectory();
        this.random = context.random();
        this.settings = RsaSettings.from(context.settings(), context.dataDirectory());
        identity(settings);
    }

    /** Whether the client options select RSA mode ({@value RsaSettings#OPT_ENABLED} = {@code true}). */
    @Override
    public boolean configuredBy(ClientCredentials credentials) {
        return RsaSettings.enabledBy(credentials);
    }

    /**
     * An exchange using the identity and known-hosts file of the credentials' {@code rsa.} options (or the plugin
     * settings). An identity is loaded on first use and then cached.
     *
     * @throws IllegalArgumentException for a malformed option
     * @throws IllegalStateException    if the identity file is unusable, or missing while generation is off
     */
    @Override
    public ClientAuthExchange newExchange(ClientAuthContext context) {
        RsaSettings s = requireInitialized().forClient(context.credentials(), dataDirectory);
        NodeIdentity own = identity(s);
        KnownHosts hosts = knownHosts(s.knownHostsFile());
        return new RsaClientExchange(context, own, hosts, s.strictHostKeys(), envelopes, recentEnvelopes);
    }

    /** This satellite's identity for the settings (or options) in force, loaded or generated once. */
    public NodeIdentity identity(RsaSettings s) {
        return identities.computeIfAbsent(canonical(s.identityFile()), file -> {
            NodeIdentity id = NodeIdentity.loadOrGenerate(file, s.keyBits(), s.generateIdentity(), random);
            if (id == null) {
                throw new IllegalStateException("no RSA identity file " + file + " and "
                        + RsaSettings.GENERATE_IDENTITY + " is off");
            }
            return id;
        });
    }

    /** This satellite's identity under the plugin settings (what it presents without {@code rsa.} options). */
    public NodeIdentity identity() {
        return identity(requireInitialized());
    }

    /** The known-hosts store of {@code file} shared with this factory's exchanges (for a CLI that pins or unpins). */
    public KnownHosts knownHosts(Path file) {
        return knownHosts.computeIfAbsent(canonical(file), KnownHosts::new);
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
