package dev.hivemind.dist.cli;

/** How {@code connect} reports a connection the hub closed: always its code, and its reason when it gave one. */
final class HubClose {
    private HubClose() {
    }

    /** For example "the connection was closed by the hub: bye (1000)" or "… without a reason (1005)". */
    static String describe(int code, String reason) {
        String text = reason == null ? "" : reason.strip();
        return text.isEmpty() ? "the connection was closed by the hub without a reason (" + code + ")"
                : "the connection was closed by the hub: " + text + " (" + code + ")";
    }
}
