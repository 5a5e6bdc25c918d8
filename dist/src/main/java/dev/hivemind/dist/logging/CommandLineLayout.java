package dev.hivemind.dist.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * A short command's log line, written like the command's own messages: {@code hivemind: warning: message} (an
 * exception summed up on the same line), so a library's warning does not read as a stray hub log line.
 */
final class CommandLineLayout extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
        Level level = event.getLevel();
        String prefix = level.isGreaterOrEqual(Level.ERROR) ? "error: " : level.isGreaterOrEqual(Level.WARN)
                ? "warning: " : "";
        return "hivemind: " + prefix + event.getFormattedMessage()
                + OneLineThrowableConverter.summary(event.getThrowableProxy()) + CoreConstants.LINE_SEPARATOR;
    }
}
