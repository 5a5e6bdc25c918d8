package dev.hivemind.dist.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Renders an event's exception for the console: normally on the event's own line as
 * {@code  [SimpleClassName: first line of message]}; with {@code --verbose} the full stack trace on the lines
 * after it.
 */
public final class OneLineThrowableConverter extends ThrowableHandlingConverter {
    private final ThrowableProxyConverter full = new ThrowableProxyConverter();

    @Override
    public void start() {
        full.setContext(getContext());
        full.start();
        super.start();
    }

    @Override
    public void stop() {
        full.stop();
        super.stop();
    }

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return "";
        }
        if (Boolean.parseBoolean(getContext() == null ? null : getContext().getProperty(LoggingSetup.VERBOSE_PROPERTY))) {
            String trace = full.convert(event);
            return CoreConstants.LINE_SEPARATOR + trace.stripTrailing();
        }
        return summary(thrown);
    }

    /** {@code  [SimpleClassName: first line of message]}, or nothing without an exception. */
    static String summary(IThrowableProxy thrown) {
        if (thrown == null) {
            return "";
        }
        String className = thrown.getClassName();
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String message = thrown.getMessage();
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("").strip();
        return " [" + simpleName + (firstLine.isEmpty() ? "" : ": " + firstLine) + "]";
    }
}
