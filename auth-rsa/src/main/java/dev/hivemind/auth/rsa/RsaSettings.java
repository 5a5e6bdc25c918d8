package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code rsa} plugin's settings, validated once at start-up. Keys of the plugin section
 * ({@link PluginSettings}); relative paths are resolved against the node's data directory:
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #IDENTITY_FILE}</td><td>{@code HiveMindComs.pem}</td><td>the node's RSA private key (PKCS#1 or PKCS#8 PEM)</td></tr>
 *   <tr><td>{@value #KEY_BITS}</td><td>2048</td><td>size of a generated identity: 2048, 3072 or 4096</td></tr>
 *   <tr><td>{@value #GENERATE_IDENTITY}</td><td>true</td><td>generate the identity file when it is missing</td></tr>
 *   <tr><td>{@value #KNOWN_HOSTS_FILE}</td><td>{@code rsa_known_hosts}</td><td>client: pinned server keys</td></tr>
 *   <tr><td>{@value #STRICT_HOST_KEYS}</td><td>false</td><td>client: refuse servers without a pin (no trust on first use)</td></tr>
 * </table>
 * Client credentials may override the client-side ones per connection with {@code rsa.}-prefixed options
 * ({@value #OPT_IDENTITY_FILE}, {@value #OPT_KNOWN_HOSTS_FILE}, {@value #OPT_STRICT_HOST_KEYS}); the option
 * {@value #OPT_ENABLED} = {@code true} selects RSA mode for a client.
 *
 * @param identityFile     the identity file
 * @param keyBits          size of a generated identity
 * @param generateIdentity whether a missing identity file is generated
 * @param knownHostsFile   the known-hosts file
 * @param strictHostKeys   whether a server needs a pre-existing pin
 */
public record RsaSettings(Path identityFile, int keyBits, boolean generateIdentity, Path knownHostsFile,
        boolean strictHostKeys) {

    public static final String IDENTITY_FILE = "identity_file";
    public static final String KEY_BITS = "key_bits";
    public static final String GENERATE_IDENTITY = "generate_identity";
    public static final String KNOWN_HOSTS_FILE = "known_hosts_file";
    public static final String STRICT_HOST_KEYS = "strict_host_keys";

    /** Client option that selects RSA mode ({@code "true"}). */
    public static final String OPT_ENABLED = "rsa";
    public static final String OPT_IDENTITY_FILE = "rsa." + IDENTITY_FILE;
    public static final String OPT_KNOWN_HOSTS_FILE = "rsa." + KNOWN_HOSTS_FILE;
    public static final String OPT_STRICT_HOST_KEYS = "rsa." + STRICT_HOST_KEYS;

    /** Default identity file name: the one HiveMind uses. */
    public static final String DEFAULT_IDENTITY_FILE = "HiveMindComs.pem";
    /** Default known-hosts file name. */
    public static final String DEFAULT_KNOWN_HOSTS_FILE = "rsa_known_hosts";

    private static final List<String> KEYS = List.of(IDENTITY_FILE, KEY_BITS, GENERATE_IDENTITY, KNOWN_HOSTS_FILE,
            STRICT_HOST_KEYS);

    /**
     * Reads and validates the plugin section.
     *
     * @throws IllegalArgumentException naming the key for an unknown key, a wrong type or a bad key size
     */
    public static RsaSettings from(PluginSettings settings, Path dataDirectory) {
        for (String key : settings.keys()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown rsa setting '" + key + "' (known: " + KEYS + ")");
            }
        }
        int bits = settings.integer(KEY_BITS, NodeIdentity.DEFAULT_KEY_BITS);
        if (!NodeIdentity.GENERATED_KEY_BITS.contains(bits)) {
            throw new IllegalArgumentException("setting '" + KEY_BITS + "' must be one of "
                    + NodeIdentity.GENERATED_KEY_BITS + ", not " + bits);
        }
        return new RsaSettings(
                resolve(dataDirectory, settings.string(IDENTITY_FILE, DEFAULT_IDENTITY_FILE)),
                bits,
                settings.bool(GENERATE_IDENTITY, true),
                resolve(dataDirectory, settings.string(KNOWN_HOSTS_FILE, DEFAULT_KNOWN_HOSTS_FILE)),
                settings.bool(STRICT_HOST_KEYS, false));
    }

    /** Whether the credentials select RSA mode. */
    static boolean enabledBy(ClientCredentials credentials) {
        return credentials.option(OPT_ENABLED).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /**
     * The client-side settings for one connection: {@code rsa.}-prefixed options win over the plugin settings.
     *
     * @throws IllegalArgumentException for a malformed option value
     */
    RsaSettings forClient(ClientCredentials credentials, Path dataDirectory) {
        Path identity = credentials.option(OPT_IDENTITY_FILE).map(p -> resolve(dataDirectory, p)).orElse(identityFile);
        Path knownHosts = credentials.option(OPT_KNOWN_HOSTS_FILE).map(p -> resolve(dataDirectory, p))
                .orElse(knownHostsFile);
        boolean strict = parseBool(credentials.option(OPT_STRICT_HOST_KEYS), OPT_STRICT_HOST_KEYS)
                .orElse(strictHostKeys);
        return new RsaSettings(identity, keyBits, generateIdentity, knownHosts, strict);
    }

    private static Optional<Boolean> parseBool(Optional<String> value, String name) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("option '" + name + "' must be true or false");
        }
        return Optional.of(v.equals("true"));
    }

    private static Path resolve(Path dataDirectory, String path) {
        if (path.isBlank()) {
            throw new IllegalArgumentException("rsa file settings must not be empty");
        }
        Path p = Path.of(path);
        return p.isAbsolute() || dataDirectory == null ? p : dataDirectory.resolve(p);
    }
}
