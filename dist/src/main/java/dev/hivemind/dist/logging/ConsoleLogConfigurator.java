package dev.hivemind.dist.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration for the distribution, found through {@code META-INF/services}: one line per event
 * on standard error, set up in code (parsing an XML file costs a short command a tenth of its start-up). An explicit
 * {@code -Dlogback.configurationFile} is left to Logback; the hub applies the distribution's editable
 * {@code conf/logback.xml} once it knows it is the hub ({@link LoggingSetup}).
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
    /** The appender's name; {@link LoggingSetup} swaps its layout for the command-line one. */
    static final String APPENDER = "CONSOLE";

    /** The system property naming an explicit Logback configuration file. */
    static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

    private static volatile boolean ran;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
            return ExecutionStatus.NEUTRAL;
        }
        ran = true;
        if (!LoggingSetup.applyRequested(context)) {
            install(context, EventLineLayout.create(context));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether Logback has started with this configuration (in this process). */
    static boolean hasRun() {
        return ran;
    }

    /** Replaces every appender by one console appender on standard error with {@code layout}; root at INFO. */
    static void install(LoggerContext context, Layout<ILoggingEvent> layout) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        root.addAppender(console);
        root.setLevel(Level.INFO);
        // Vert.x warns "Connection evicted" whenever a hub refuses a WebSocket upgrade; the refusal is reported already
        context.getLogger("io.vertx.core.http.impl.HttpClientConnectionInternal").setLevel(Level.ERROR);
    }
}
