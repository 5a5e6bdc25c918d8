package dev.hivemind.dist.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;

/** The hub's console line: {@code HH:mm:ss.SSS LEVEL Logger - message [Exception: first line]}. */
final class EventLineLayout {
    /** The pattern; {@code %oneLineEx} is {@link OneLineThrowableConverter}. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%oneLineEx%n";

    private EventLineLayout() {
    }

    static PatternLayout create(LoggerContext context) {
        return create(context, PATTERN);
    }

    /** A started layout with {@code pattern}, which may use {@code %oneLineEx}. */
    static PatternLayout create(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("oneLineEx", OneLineThrowableConverter::new);
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }
}
