package dev.hivemind.engine.tck.transport;

/**
 * One {@code onClosed} call as a handler saw it.
 *
 * @param code   the close code
 * @param reason the reason text (possibly empty)
 */
public record CloseEvent(int code, String reason) {
}
