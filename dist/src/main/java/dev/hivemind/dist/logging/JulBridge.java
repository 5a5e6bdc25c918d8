package dev.hivemind.dist.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} to SLF4J once something uses it, and not before: named as
 * {@code java.util.logging.config.class}, it is created by the JUL log manager when that starts.
 */
public final class JulBridge {
    private static final String CONFIG_CLASS_PROPERTY = "java.util.logging.config.class";

    /** Called by the JUL log manager as it starts. */
    public JulBridge() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Makes the JUL log manager install the bridge when it starts, unless the user configured JUL. */
    public static void installWhenUsed() {
        if (System.getProperty(CONFIG_CLASS_PROPERTY) == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty(CONFIG_CLASS_PROPERTY, JulBridge.class.getName());
        }
    }
}
