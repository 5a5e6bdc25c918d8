package dev.hivemind.dist.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OneLineThrowableConverterTest {
    private static String render(boolean verbose, Throwable thrown) {
        LoggerContext context = new LoggerContext();
        context.putProperty(LoggingSetup.VERBOSE_PROPERTY, Boolean.toString(verbose));
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("oneLineEx", OneLineThrowableConverter::new);
        layout.setPattern("%-5level %logger{0} - %msg%oneLineEx%n");
        layout.start();
        LoggingEvent event = new LoggingEvent(OneLineThrowableConverterTest.class.getName(),
                context.getLogger("dev.hivemind.Test"), Level.WARN, "could not record last_seen", thrown, null);
        return layout.doLayout(event);
    }

    @Test
    void anExceptionIsSummedUpOnTheEventsLine() {
        String line = render(false, new IllegalStateException("database is locked\nmore detail",
                new RuntimeException("cause")));
        assertEquals("WARN  Test - could not record last_seen [IllegalStateException: database is locked]"
                + System.lineSeparator(), line);
    }

    @Test
    void anEventWithoutExceptionIsOneLine() {
        assertEquals("WARN  Test - could not record last_seen" + System.lineSeparator(), render(false, null));
    }

    @Test
    void verboseAddsTheStackTrace() {
        String text = render(true, new IllegalStateException("database is locked"));
        assertTrue(text.startsWith("WARN  Test - could not record last_seen" + System.lineSeparator()
                + "java.lang.IllegalStateException: database is locked"), text);
        assertTrue(text.contains("\tat dev.hivemind.dist.logging.OneLineThrowableConverterTest"), text);
    }

    @Test
    void theShippedConfigurationLoadsCleanlyAsTextOrJsonLines() throws Exception {
        assertTrue(render(configure(null)).matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} WARN  Test - could not record last_seen"
                + " \\[IllegalStateException: locked\\]\\R"), render(configure(null)));
        String json = render(configure("json"));
        assertTrue(json.startsWith("{") && json.contains("\"level\":\"WARN\"")
                && json.contains("\"formattedMessage\":\"could not record last_seen\"") && json.endsWith("}\n"), json);
        assertEquals(1, json.lines().count(), json);
    }

    /** One event through the configuration's console encoder. */
    @SuppressWarnings("unchecked")
    private static String render(LoggerContext context) {
        ch.qos.logback.core.OutputStreamAppender<ILoggingEvent> console =
                (ch.qos.logback.core.OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("CONSOLE");
        LoggingEvent event = new LoggingEvent(OneLineThrowableConverterTest.class.getName(),
                context.getLogger("dev.hivemind.Test"), Level.WARN, "could not record last_seen",
                new IllegalStateException("locked"), null);
        return new String(console.getEncoder().encode(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The distribution's conf/logback.xml, with {@code HIVEMIND_LOG_FORMAT} set to {@code format}. */
    private static LoggerContext configure(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        if (format != null) {
            context.putProperty("HIVEMIND_LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/dist/conf/logback.xml").toFile());
        assertEquals(Status.INFO, new StatusUtil(context).getHighestLevel(0),
                context.getStatusManager().getCopyOfStatusList().toString());
        return context;
    }
}
