package dev.hivemind.embedded;

import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link Satellite}: where it connects, who it is, and how. Only {@link #url} (or {@link #urls}) and
 * {@link #accessKey} are required, with the secret of one auth method ({@link #password}, {@link #cryptoKey}, {@link #rsa}, or
 * {@link #option} values a drop-in method reads). Builders are not thread-safe; {@link #build()} may be called more
 * than once.
 */
public final class SatelliteBuilder {
    List<String> urls = List.of();
    String accessKey;
    String password;
    String cryptoKey;
    final Map<String, String> options = new LinkedHashMap<>();
    final List<String> authMethods = new ArrayList<>();
    final Map<String, Map<String, Object>> pluginSettings = new LinkedHashMap<>();
    final Map<String, Object> transportSettings = new LinkedHashMap<>();
    String siteId = "unknown";
    String userAgent = AuthorizationToken.DEFAULT_USER_AGENT;
    Duration connectTimeout = Duration.ofSeconds(10);
    int maxConnections = Integer.MAX_VALUE;
    int maxQueuedSends = 256;
    boolean binarize = true;
    List<CipherSuite> ciphers;
    List<TextEncoding> encodings;
    ClientTls tls = ClientTls.defaults();
    int maxFrameBytes = ServerTransportConfig.DEFAULT_MAX_FRAME_BYTES;
    Path dataDirectory;
    Vertx vertx;
    int eventLoops = 1;
    int workerThreads = 2;
    ClassLoader classLoader;
    int failoverRounds = 1;
    Duration failoverInitialDelay = Duration.ofSeconds(1);
    Duration failoverMaxDelay = Duration.ofSeconds(30);

    SatelliteBuilder() {
    }

    /** The hub: {@code ws://HOST:PORT}, {@code wss://…}, {@code tcp://…} or {@code tcps://…}. */
    public SatelliteBuilder url(String hubUrl) {
        this.urls = List.of(Objects.requireNonNull(hubUrl, "url"));
        return this;
    }

    /**
     * Several hubs, the nodes of one cluster (docs/cluster.md), all of one transport: {@link Satellite#connect()} tries
     * them in turn, starting with the one that served the last session, until one serves (see {@link #failover}).
     */
    public SatelliteBuilder urls(String... hubUrls) {
        if (hubUrls.length == 0) {
            throw new IllegalArgumentException("at least one hub URL");
        }
        this.urls = List.of(hubUrls);
        return this;
    }

    /**
     * How {@link Satellite#connect()} goes through the {@link #urls}: every hub once per round, a hub that cannot serve
     * (nothing listens, no session within {@link #connectTimeout}, busy, going away) passed over for the next, for at
     * most {@code rounds} rounds with a wait of {@code initialDelay}, doubling up to {@code maxDelay}, between them.
     * A refusal of the satellite itself (unknown access key, wrong password, too many failures) ends it at once.
     * Default: one round, so each hub once and no wait.
     */
    public SatelliteBuilder failover(int rounds, Duration initialDelay, Duration maxDelay) {
        if (rounds < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("failover needs rounds >= 1 and 0 <= initialDelay <= maxDelay");
        }
        this.failoverRounds = rounds;
        this.failoverInitialDelay = initialDelay;
        this.failoverMaxDelay = maxDelay;
        return this;
    }

    /** The access key the hub knows this satellite by. */
    public SatelliteBuilder accessKey(String key) {
        this.accessKey = Objects.requireNonNull(key, "accessKey");
        return this;
    }

    /** Authenticate with the password handshake (needs {@code hivemind-auth-password}). */
    public SatelliteBuilder password(String secret) {
        this.password = Objects.requireNonNull(secret, "password");
        return this;
    }

    /**
     * Use a pre-shared {@code crypto_key} (16, 24 or 32 characters; needs {@code hivemind-auth-psk}); alone it is the
     * key of the session, with a password the handshake's key replaces it.
     */
    public SatelliteBuilder cryptoKey(String key) {
        this.cryptoKey = Objects.requireNonNull(key, "cryptoKey");
        return this;
    }

    /**
     * Authenticate with this node's RSA identity (needs {@code hivemind-auth-rsa} and a {@link #dataDirectory} for the
     * identity key and the pinned hub keys).
     */
    public SatelliteBuilder rsa() {
        options.put("rsa", "true");
        return this;
    }

    /** A method-specific option, for example {@code token=SECRET} for a drop-in method, or {@code rsa.strict_host_keys}. */
    public SatelliteBuilder option(String key, String value) {
        options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * The auth methods by plugin name, replacing those the secrets imply (password, psk, rsa): at most one handshake
     * method, optionally with {@code psk}. The satellite never falls back to another method.
     */
    public SatelliteBuilder authMethods(String... names) {
        authMethods.clear();
        authMethods.addAll(List.of(names));
        return this;
    }

    /** An auth plugin's own settings (the {@code auth.NAME} section of the hub's configuration, satellite side). */
    public SatelliteBuilder pluginSettings(String method, Map<String, ?> settings) {
        pluginSettings.put(Objects.requireNonNull(method, "method"), Map.copyOf(settings));
        return this;
    }

    /**
     * The transport's own client settings, for example {@code writeHighWaterBytes} or {@code idleTimeout} (see
     * docs/transports.md).
     */
    public SatelliteBuilder transportSetting(String key, Object value) {
        transportSettings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The site id announced in HELLO and carried in the context of BUS messages (default {@code unknown}). */
    public SatelliteBuilder siteId(String id) {
        this.siteId = Objects.requireNonNull(id, "siteId");
        return this;
    }

    /** The user agent sent with the access key. */
    public SatelliteBuilder userAgent(String agent) {
        this.userAgent = Objects.requireNonNull(agent, "userAgent");
        return this;
    }

    /**
     * The one deadline of {@link Satellite#connect()} (default 10 s): TCP connect, TLS, the upgrade and the handshake
     * all happen within it, or the connect fails with a {@link dev.hivemind.api.error.HandshakeTimeoutException}.
     */
    public SatelliteBuilder connectTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * How many sessions (established or still connecting) the satellite may hold at once; beyond it
     * {@link Satellite#connect()} fails at once with a {@link ConnectionLimitException}. No limit by default.
     */
    public SatelliteBuilder maxConnections(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        this.maxConnections = limit;
        return this;
    }

    /**
     * Messages a session holds between {@link SatelliteSession#send} and their write to the socket before
     * {@link SatelliteSession#writeQueueFull()} turns true (default 256); the transport's own high-water mark in bytes
     * turns it true too. Keep this times your largest message below the transport's {@code writeLimitBytes} (64 MiB
     * for a satellite unless set): past that the transport gives up on the hub as a slow reader.
     */
    public SatelliteBuilder maxQueuedSends(int messages) {
        if (messages < 1) {
            throw new IllegalArgumentException("maxQueuedSends must be at least 1");
        }
        this.maxQueuedSends = messages;
        return this;
    }

    /** Ask for bit-packed binary frames when the hub offers them (default true). */
    public SatelliteBuilder binarize(boolean enabled) {
        this.binarize = enabled;
        return this;
    }

    /** Ciphers offered, preferred first (default AES-GCM, ChaCha20-Poly1305). */
    public SatelliteBuilder ciphers(CipherSuite... offered) {
        this.ciphers = List.of(offered);
        return this;
    }

    /** Text encodings offered, preferred first. */
    public SatelliteBuilder encodings(TextEncoding... offered) {
        this.encodings = List.of(offered);
        return this;
    }

    /** TLS for {@code wss://} and {@code tcps://}: a trust file, SPKI pins, or (explicitly) no verification. */
    public SatelliteBuilder tls(ClientTls options) {
        this.tls = Objects.requireNonNull(options, "tls");
        return this;
    }

    /** The largest frame accepted from the hub (default 1 MiB). */
    public SatelliteBuilder maxFrameBytes(int bytes) {
        this.maxFrameBytes = bytes;
        return this;
    }

    /** Where auth methods keep files (RSA: the identity key and the pinned hub keys). */
    public SatelliteBuilder dataDirectory(Path directory) {
        this.dataDirectory = Objects.requireNonNull(directory, "dataDirectory");
        return this;
    }

    /**
     * Run on the application's Vert.x: connections live on its event loops and callbacks run there. The satellite never
     * closes it. Without one the satellite starts its own (see {@link #eventLoops}) and closes it with itself.
     */
    public SatelliteBuilder vertx(Vertx shared) {
        this.vertx = Objects.requireNonNull(shared, "vertx");
        return this;
    }

    /** Event-loop threads of the satellite's own Vert.x (default 1); ignored with {@link #vertx(Vertx)}. */
    public SatelliteBuilder eventLoops(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1");
        }
        this.eventLoops = threads;
        return this;
    }

    /** Threads for the CPU-heavy handshake steps (PBKDF2, RSA); default 2. */
    public SatelliteBuilder workerThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1");
        }
        this.workerThreads = threads;
        return this;
    }

    /** The class loader that finds transports and auth methods (default: this library's). */
    public SatelliteBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "classLoader");
        return this;
    }

    /**
     * Finds the transport for the URL's scheme and the auth methods, and starts what the satellite runs on (its own
     * Vert.x unless one was given). Nothing connects until {@link Satellite#connect()}. With {@link #rsa()} it reads
     * (or, the first time, generates) the identity key file: build such a satellite off the event loop.
     *
     * @throws IllegalArgumentException for a missing or malformed setting
     * @throws IllegalStateException    when no installed transport or auth method fits
     */
    public Satellite build() {
        return SatelliteAssembly.assemble(this);
    }
}
