package dev.hivemind.engine.hub.router;

/** What the router reports to the hub's metrics. Called on connection threads; implementations must be cheap. */
public interface RoutingEvents {
    /** An inbound message passed the policy. */
    void accepted();

    /** An inbound message was dropped by the policy or closed its sender's connection. */
    void refused();

    /** A message was handed to a local connection. */
    void delivered();

    /** Reports nothing. */
    RoutingEvents NONE = new RoutingEvents() {
        @Override
        public void accepted() {
        }

        @Override
        public void refused() {
        }

        @Override
        public void delivered() {
        }
    };
}
