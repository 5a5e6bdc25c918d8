package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.client.HubFailover;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.IntercomFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code hivemind listen --cluster} processes on loopback, one Hazelcast cluster (1 s heartbeat, 3 s failure
 * timeout), one embedded PostgreSQL as the client database: a client added on node 1 logs in at node 3; satellites on
 * different nodes get BUS answers, BROADCAST, PROPAGATE and INTERCOM each exactly once; a lockout attempt spread over
 * the three nodes is refused after the count one node allows; node 2 is killed (SIGKILL) and its satellites are served
 * by the others, while the oldest node drops node 2's peers from the directory within the failure timeout. About a
 * minute on the 2-core build machine, so not part of a plain {@code mvn verify}: {@code mvn -B verify -Pcluster-it}, or
 * alone {@code mvn -B -pl dist -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterIT
 * -Dinvoker.skip=true}. {@code TwoNodeClusterTest} and {@code NodeLossTest} (cluster-hazelcast) run in every build.
 */
class ClusterIT {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();
    private static final Pattern MEMBER = Pattern.compile("cluster: member (\\S+) of cluster");
    /** What docs/cluster.md promises with these settings: the failure timeout, plus a reconnect and a handshake. */
    private static final Duration SERVED_AGAIN_WITHIN = Duration.ofSeconds(10);
    private static final KeyPair KEY_B = IntercomFixtures.keyPair();
    private static final KeyPair KEY_D = IntercomFixtures.keyPair();

    private static EmbeddedPostgres postgres;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void threeNodesServeAsOneHubAndOutliveOneOfThem() throws Exception {
        String cluster = "it-" + UUID.randomUUID();
        try (Launcher launcher = Launcher.distribution(ItSupport.distribution(), tmp);
                ClusterSatellites sats = new ClusterSatellites()) {
            Path config1 = config("n1", cluster, List.of());
            RunningHub node1 = launcher.listen(tmp.resolve("h1"), "--cluster", "--config", config1.toString());
            String first = member(node1);
            Path config2 = config("n2", cluster, List.of(first));
            Path config3 = config("n3", cluster, List.of(first));
            RunningHub node2 = launcher.listen(tmp.resolve("h2"), "--cluster", "--config", config2.toString());
            RunningHub node3 = launcher.listen(tmp.resolve("h3"), "--cluster", "--config", config3.toString());
            assertTrue(node3.output().contains("(3 members: "), node3.output());
            String url1 = node1.url("websocket");
            String url2 = node2.url("websocket");
            String url3 = node3.url("websocket");

            // added through node 1's data directory and configuration; the others read the same PostgreSQL
            AddedClient a = add(launcher, config1, "a", "--admin");
            AddedClient b = add(launcher, config1, "b");
            AddedClient c = add(launcher, config1, "c");
            AddedClient d = add(launcher, config1, "d");
            AddedClient victim = add(launcher, config1, "victim");

            HiveMindConnection satA = sats.connect(url1, a, ClientOptions.defaults().withSiteId("hall"));
            HiveMindConnection satB = sats.connect(url3, b, ClientOptions.defaults().withSiteId("garage")
                    .withHelloPublicKey(IntercomFixtures.pem(KEY_B.getPublic())));
            ClientOptions optionsC = ClientOptions.defaults().withSiteId("attic");
            ClientOptions optionsD = ClientOptions.defaults().withSiteId("kitchen")
                    .withHelloPublicKey(IntercomFixtures.pem(KEY_D.getPublic()));
            HubFailover hubsC = sats.failover(c, optionsC, url2, url3, url1);
            HubFailover hubsD = sats.failover(d, optionsD, url2, url1, url3);
            HiveMindConnection satC = hubsC.connect(null).toCompletableFuture().get(30, TimeUnit.SECONDS).connection();
            HiveMindConnection satD = hubsD.connect(null).toCompletableFuture().get(30, TimeUnit.SECONDS).connection();
            List<HiveMindConnection> all = List.of(satA, satB, satC, satD);
            // every node knows every peer once a broadcast from a reaches the three others
            ClusterSatellites.awaitEveryone(satA, List.of(satB, satC, satD));

            // BUS: each node's agent answers its own satellites
            for (HiveMindConnection s : all) {
                s.send(ClusterSatellites.utterance("ping " + s.sessionId()));
                assertEquals("you said: ping " + s.sessionId(), ClusterSatellites.text(ClusterSatellites.next(s,
                        m -> m.type() == MessageType.BUS, "the echo")));
            }
            // BROADCAST from node 1, PROPAGATE from node 3: everyone else, once
            satA.send(CODEC.wrap(MessageType.BROADCAST, ClusterSatellites.speak("dinner")));
            satB.send(CODEC.wrap(MessageType.PROPAGATE, ClusterSatellites.utterance("shared")));
            ClusterSatellites.expectOnce(List.of(satB, satC, satD), "dinner");
            ClusterSatellites.expectOnce(List.of(satA, satC, satD), "shared");
            // INTERCOM from node 3 to the holder of d's key on node 2, and by site id
            HiveMessage byKey = IntercomFixtures.intercom(KEY_D.getPublic(), KEY_B.getPrivate(), "for d");
            satB.send(byKey);
            assertEquals(byKey.payload(), ClusterSatellites.next(satD, m -> m.type() == MessageType.INTERCOM,
                    "the intercom").payload());
            HiveMessage bySite = byKey.toBuilder().targetPubkey(null).targetSiteId("kitchen").build();
            satB.send(bySite);
            assertEquals(bySite.payload(), ClusterSatellites.next(satD, m -> m.type() == MessageType.INTERCOM,
                    "the intercom by site").payload());
            ClusterSatellites.expectNothingMore(all, satA);

            // a lockout attempt spread over the three nodes: 4 wrong passwords (the limit), then refused everywhere
            List<String> urls = List.of(url1, url2, url3, url1);
            AddedClient wrong = new AddedClient(victim.accessKey(), "not-" + victim.password(), null);
            for (String url : urls) {
                Throwable e = sats.refusal(url, wrong);
                assertFalse(e instanceof ConnectionClosedException cc && cc.peerCode() == 429, url + ": " + e);
            }
            for (String url : List.of(url2, url3)) {
                Throwable e = sats.refusal(url, wrong);
                assertTrue(e instanceof ConnectionClosedException cc && cc.peerCode() == 429,
                        "the fifth attempt is refused at " + url + ": " + e);
            }

            // node 2 dies; c and d were there
            CompletableFuture<?> lostC = satC.closed().toCompletableFuture();
            CompletableFuture<?> lostD = satD.closed().toCompletableFuture();
            long killed = System.nanoTime();
            node2.kill();
            CompletableFuture.allOf(lostC, lostD).handle((v, e) -> null).get(30, TimeUnit.SECONDS);
            hubsC.moveOn();
            hubsD.moveOn();
            HubFailover.Connected againC = hubsC.connect(null, 20).toCompletableFuture().get(30, TimeUnit.SECONDS);
            HubFailover.Connected againD = hubsD.connect(null, 20).toCompletableFuture().get(30, TimeUnit.SECONDS);
            ClusterSatellites.awaitEveryone(satA, List.of(satB, againC.connection(), againD.connection()));
            Duration served = Duration.ofNanos(System.nanoTime() - killed);
            assertTrue(served.compareTo(SERVED_AGAIN_WITHIN) <= 0, "served again after " + served.toMillis() + " ms");
            assertFalse(url2.endsWith(":" + againC.hub().port()) || url2.endsWith(":" + againD.hub().port()),
                    "served by a node that is alive");
            awaitLog(node1, "left: 2 of its peers dropped from the directory", Duration.ofSeconds(10));
            System.out.printf("node 2 killed: its satellites served again after %d ms, its peers dropped from the "
                    + "directory after %d ms%n", served.toMillis(), Duration.ofNanos(System.nanoTime() - killed)
                    .toMillis());
            HiveMessage toD = IntercomFixtures.intercom(KEY_D.getPublic(), KEY_B.getPrivate(), "after the crash");
            satB.send(toD);
            assertEquals(toD.payload(), ClusterSatellites.next(againD.connection(),
                    m -> m.type() == MessageType.INTERCOM, "the intercom on d's new node").payload());
            ClusterSatellites.expectNothingMore(List.of(satA, satB, againC.connection(), againD.connection()), satA);

            for (RunningHub alive : List.of(node1, node3)) {
                RunningHub.Stopped stopped = alive.stop();
                assertEquals(143, stopped.exitCode());
                assertTrue(stopped.log().lines().noneMatch(l -> l.matches("^\\S+ ERROR .*")), stopped.log());
            }
        }
    }

    private Path config(String name, String cluster, List<String> members) throws Exception {
        String yaml = "transports: {websocket: {host: 127.0.0.1, port: 0}}\n"
                + "auth: {methods: [password]}\n"
                + "limits: {max_auth_failures: 4}\n"
                + "registry: {type: postgres, url: \"" + postgres.getJdbcUrl("postgres", "postgres")
                + "\", schema: cluster_it}\n"
                + "cluster:\n  name: " + cluster + "\n  password: it-secret\n  host: 127.0.0.1\n  port: 0\n"
                + "  heartbeat_interval: 1s\n  failure_timeout: 3s\n"
                + "  members: [" + String.join(", ", members) + "]\n";
        return Files.writeString(tmp.resolve(name + ".yaml"), yaml);
    }

    private static String member(RunningHub hub) {
        Matcher m = MEMBER.matcher(hub.output());
        assertTrue(m.find(), hub.output());
        return m.group(1);
    }

    private AddedClient add(Launcher launcher, Path config, String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("add-client", "--name", name, "--config",
                config.toString()));
        args.addAll(List.of(more));
        return AddedClient.parse(launcher.run(tmp.resolve("h1"), args.toArray(String[]::new)));
    }

    private static void awaitLog(RunningHub hub, String fragment, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!hub.logSoFar().contains(fragment)) {
            assertTrue(System.nanoTime() < end, "no '" + fragment + "' in the log:\n" + hub.logSoFar());
            Thread.sleep(50);
        }
    }
}
