package dev.hivemind.bench;

import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.config.SourceLimits;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole handshake, satellite and hub in this JVM over the engine's in-memory transport (the "tck"): connect,
 * HELLO, the auth method's exchange, the session key on both sides, then close. Both ends' work is in the time
 * (a password handshake derives the key twice: once per side), nothing of a real socket's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Pbkdf2Benchmark.OPENS)
public class HandshakeBenchmark {
    private static final String ACCESS_KEY = "bench-access-key";

    @Param({"PASSWORD", "PSK", "RSA"})
    public BenchClients method;

    private Path dir;
    private HubHarness hub;
    private HiveMindClient client;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("hivemind-bench");
        // one satellite handshakes without pause: no failure limits or key-derivation budgets (they would refuse it)
        hub = HubHarness.builder().methods(List.of(method.serverFactory()))
                .enrollOnFirstUse(method.enrollOnFirstUse())
                .limits(new LimitSettings(1 << 20, 64, 10_000, 1_000, 0, Duration.ofMinutes(1),
                        new SourceLimits(0, 0, 0, Duration.ofMinutes(1), 1_000)))
                .clients(List.of(method.record(ACCESS_KEY))).dataDirectory(dir)
                .settings(method.settings(dir, "hub.pem")).build();
        client = hub.client(List.of(method.clientFactory()), method.credentials(ACCESS_KEY), ClientOptions.defaults(), dir,
                method.settings(dir, "satellite.pem"));
    }

    @Benchmark
    public String handshake() throws Exception {
        HiveMindConnection c = hub.connectAsync(client).toCompletableFuture().get(30, TimeUnit.SECONDS);
        String id = c.sessionId();
        c.close();
        return id;
    }

    @TearDown
    public void tearDown() throws IOException {
        hub.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
