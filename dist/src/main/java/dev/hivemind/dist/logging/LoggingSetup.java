package dev.hivemind.dist.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusPrinter2;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging of the distribution (Logback), set up once the command is known. The hub logs one line per event on
 * standard error, as the distribution's {@code conf/logback.xml} says (levels per part, text or JSON lines) or, without
 * that file, as {@link ConsoleLogConfigurator} set it up. A short command (everything but {@code listen}) prints only
 * warnings and errors, written as its own messages ({@code hivemind: warning: …}). {@code --verbose} turns on debug
 * messages from {@code dev.hivemind} and full stack traces, in the hub's line format. {@code java.util.logging} is
 * routed to SLF4J too, and {@code System.Logger} through slf4j-jdk-platform-logging, so every library logs the same
 * way.
 */
public final class LoggingSetup {
    /** The Logback context property {@link OneLineThrowableConverter} reads. */
    public static final String VERBOSE_PROPERTY = "hivemind.verbose";

    /** The operator's logging configuration in the distribution folder. */
    public static final String CONF_FILE = "conf/logback.xml";

    /** Who logs. */
    public enum Mode {
        /** {@code listen}: a long-running process whose log is its record. */
        HUB,
        /** Any other command: the log only adds warnings to the command's own output. */
        COMMAND
    }

    private LoggingSetup() {
    }

    /**
     * Applies the mode and verbosity; safe to call more than once. A short command that is not verbose leaves Logback
     * to start on the first event, if any (most commands log none and save its start-up);
     * {@link ConsoleLogConfigurator} then applies these settings.
     *
     * @param distribution the distribution folder (for {@value #CONF_FILE}), or {@code null}
     */
    public static void configure(Mode mode, boolean verbose, Path distribution) {
        requested = new Settings(mode, verbose, distribution);
        JulBridge.installWhenUsed();
        boolean explicitFile = System.getProperty(ConsoleLogConfigurator.CONFIGURATION_FILE_PROPERTY) != null;
        if (mode == Mode.HUB || verbose || explicitFile || ConsoleLogConfigurator.hasRun()) {
            if (!SLF4JBridgeHandler.isInstalled()) {
                SLF4JBridgeHandler.removeHandlersForRootLogger();
                SLF4JBridgeHandler.install();
            }
            ILoggerFactory factory = LoggerFactory.getILoggerFactory();
            if (factory instanceof LoggerContext context) {
                apply(context, !explicitFile);
            }
        }
    }

    /** What the commands asked for. */
    private record Settings(Mode mode, boolean verbose, Path distribution) {
    }

    private static volatile Settings requested;

    /**
     * Applies the requested settings to a context as it starts (called by {@link ConsoleLogConfigurator}); false if
     * no command has asked for any yet.
     */
    static boolean applyRequested(LoggerContext context) {
        if (requested == null) {
            return false;
        }
        apply(context, true);
        return true;
    }

    private static void apply(LoggerContext context, boolean replaceAppenders) {
        Settings settings = requested;
        if (replaceAppenders) {
            Path conf = settings.distribution() == null ? null : settings.distribution().resolve(CONF_FILE);
            if (settings.mode() == Mode.HUB && conf != null && Files.isRegularFile(conf)) {
                reconfigure(context, conf);
            } else if (settings.mode() == Mode.COMMAND && !settings.verbose()) {
                CommandLineLayout layout = new CommandLineLayout();
                layout.setContext(context);
                layout.start();
                ConsoleLogConfigurator.install(context, layout);
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            } else {
                ConsoleLogConfigurator.install(context, EventLineLayout.create(context));
            }
        }
        context.putProperty(VERBOSE_PROPERTY, Boolean.toString(settings.verbose()));
        if (settings.verbose()) {
            context.getLogger("dev.hivemind").setLevel(Level.DEBUG);
        }
    }

    /** Replaces the configuration with the operator's file; a broken file is reported and the console kept. */
    private static void reconfigure(LoggerContext context, Path conf) {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(conf.toFile());
        } catch (JoranException e) {
            // reported with the other errors below
        }
        if (new StatusUtil(context).getHighestLevel(0) >= Status.ERROR) {
            StatusPrinter2 printer = new StatusPrinter2();
            printer.setPrintStream(System.err);
            printer.printIfErrorsOccured(context);
            context.reset();
            ConsoleLogConfigurator.install(context, EventLineLayout.create(context));
            context.getLogger(LoggingSetup.class).error("{} has errors (above); logging to the console instead", conf);
        }
    }
}
