package dev.hivemind.dist.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
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
    void theShippedConfigurationLoadsCleanly() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(OneLineThrowableConverterTest.class.getResource("/logback.xml"));
        assertEquals(Status.INFO, new StatusUtil(context).getHighestLevel(0),
                context.getStatusManager().getCopyOfStatusList().toString());
        assertTrue(context.getLogger("ROOT").isInfoEnabled());
        context.stop();
    }
}
