package dev.hivemind.engine.hub.router;

/** What the router reports to the hub's metrics. Called on connection threads; implementations must be cheap. */
public interface RoutingEvents {
    /** An inbound message of this type ({@code bus}, {@code broadcast}, ...) passed the policy. */
    void accepted(String type);

    /** An inbound message of this type was dropped by the policy or closed its sender's connection. */
    void refused(String type);

    /** A message of this type was handed to a local connection. */
    void delivered(String type);

    /** Reports nothing. */
    RoutingEvents NONE = new RoutingEvents() {
        @Override
        public void accepted(String type) {
        }

        @Override
        public void refused(String type) {
        }

        @Override
        public void delivered(String type) {
        }
    };
}
