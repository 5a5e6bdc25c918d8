package dev.hivemind.dist.wiring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what the engine logs (sessions, enrolment), to check what the hub says about a connection. */
public final class HubLogCapture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.hivemind.engine");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public HubLogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The WARN events, formatted. */
    public List<String> warnings() {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    public boolean saidHandshakeDone() {
        return lines().stream().anyMatch(l -> l.startsWith("handshake done"));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
