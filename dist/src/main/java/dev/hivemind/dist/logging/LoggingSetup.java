package dev.hivemind.dist.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Console logging of the distribution (Logback, configured by {@code logback.xml}): one line per event on
 * standard error. {@code --verbose} turns on debug messages from {@code dev.hivemind} and full stack traces.
 * {@code java.util.logging} is routed to SLF4J too, and {@code System.Logger} through
 * slf4j-jdk-platform-logging, so every library logs the same way.
 */
public final class LoggingSetup {
    /** The Logback context property {@link OneLineThrowableConverter} reads. */
    public static final String VERBOSE_PROPERTY = "hivemind.verbose";

    private LoggingSetup() {
    }

    /**
     * For a client command ({@code connect}) that reports its own outcome on one line: the transports' INFO events
     * (such as a refused upgrade) would only repeat it, so below {@code --verbose} they log warnings and errors only.
     */
    public static void quietTransports(boolean verbose) {
        if (!verbose && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("dev.hivemind.transport").setLevel(Level.WARN);
        }
    }

    /** Applies the verbosity; safe to call more than once. */
    public static void configure(boolean verbose) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.putProperty(VERBOSE_PROPERTY, Boolean.toString(verbose));
            if (verbose) {
                context.getLogger("dev.hivemind").setLevel(Level.DEBUG);
            }
        }
    }
}
