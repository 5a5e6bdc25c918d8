package dev.hivemind.transport.vertx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * This module is a library the transports share, not a plugin: transports may depend on it only because it
 * registers no services. A {@code META-INF/services} entry (hand-written or generated) would make it a plugin.
 */
class NotAPluginTest {

    @Test
    void registersNoServices() throws URISyntaxException {
        Path classes = Path.of(AbstractVertxConnection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.exists(classes.resolve(AbstractVertxConnection.class.getName().replace('.', '/') + ".class")),
                "the module's own class output: " + classes);
        assertFalse(Files.exists(classes.resolve("META-INF/services")),
                "hivemind-vertx-support must not register services; found " + classes.resolve("META-INF/services"));
    }
}
