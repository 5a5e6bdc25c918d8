package dev.hivemind.embedded;

import static dev.hivemind.embedded.Fixtures.CRYPTO_KEY;
import static dev.hivemind.embedded.Fixtures.KEY;
import static dev.hivemind.embedded.Fixtures.PASSWORD;
import static dev.hivemind.embedded.Fixtures.WAIT;
import static dev.hivemind.embedded.Fixtures.await;
import static dev.hivemind.embedded.Fixtures.utterance;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub and a satellite that made their own Vert.x and pools leave no thread behind once closed. */
class ThreadsTest {

    private static void useAndClose(Path home) throws Exception {
        try (EmbeddedHub hub = await(Fixtures.hub(new TestAgent(), home).build().start());
                Satellite psk = HiveMind.satellite().url(hub.url()).accessKey(KEY).cryptoKey(CRYPTO_KEY).build();
                Satellite password = HiveMind.satellite().url(hub.url()).accessKey(KEY).password(PASSWORD).build()) {
            LinkedBlockingQueue<Object> replies = new LinkedBlockingQueue<>();
            SatelliteSession a = await(psk.connect(replies::add));
            SatelliteSession b = await(password.connect(replies::add)); // PBKDF2 on the satellite's worker pool
            await(a.send(utterance("a")));
            await(b.send(utterance("b")));
            for (int i = 0; i < 2; i++) {
                if (replies.poll(WAIT.toSeconds(), TimeUnit.SECONDS) == null) {
                    throw new AssertionError("no echo");
                }
            }
        }
    }

    @Test
    void closingReleasesEveryThreadItStarted(@TempDir Path warmUp, @TempDir Path home) throws Exception {
        useAndClose(warmUp); // JVM-wide lazy threads (Netty's global executors) start once and are not ours
        Awaitility.await().pollInSameThread().atMost(WAIT).until(() -> liveThreads().stream().noneMatch(ThreadsTest::ours));
        Set<Thread> before = liveThreads();

        useAndClose(home);

        Awaitility.await().pollInSameThread().atMost(WAIT)
                .untilAsserted(() -> assertEquals(names(before), names(liveThreads())));
    }

    private static boolean ours(Thread t) {
        return t.getName().startsWith("hivemind") || t.getName().startsWith("vert.x-");
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    private static Set<String> names(Set<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).map(t -> t.getName() + "#" + t.getId())
                .collect(Collectors.toSet());
    }
}
