package dev.hivemind.dist.cli;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.client.HubFailover;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How {@code connect} reaches a hub of its URLs: the first session (each hub within {@code --timeout}; a failure
 * explained as for one hub), and with {@code --reconnect} a new one after a loss. Prints the "connected to" line of
 * each session.
 */
final class HubDialer {
    /** How long after {@code --timeout} the command waits for the transport or handshake to report its failure. */
    private static final long REPORT_GRACE_MILLIS = 1500;
    /** A failure this close to the deadline is the deadline's doing. */
    private static final long DEADLINE_SLACK = TimeUnit.MILLISECONDS.toNanos(200);

    private final HubFailover hubs;
    private final long timeoutSeconds;
    private final PrintWriter out;

    HubDialer(HubFailover hubs, long timeoutSeconds, PrintWriter out) {
        this.hubs = hubs;
        this.timeoutSeconds = timeoutSeconds;
        this.out = out;
    }

    /** The first session: with the first of the URLs that serves. */
    HiveMindConnection first() throws InterruptedException {
        long start = System.nanoTime();
        int n = hubs.hubs().size();
        try {
            // the transport and the handshake each stop at the deadline; the grace covers their reporting
            return connected(hubs.connect(null).toCompletableFuture().get(n * (timeoutSeconds * 1000
                    + REPORT_GRACE_MILLIS), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new CliFailure("no session with " + (n == 1 ? hubs.hubs().get(0).address() : "any of the " + n
                    + " hubs") + " within " + timeoutSeconds + " s" + (n == 1 ? "" : " each") + " (--timeout)");
        } catch (ExecutionException e) {
            ClientEndpoint last = hubs.lastTried();
            boolean atDeadline = System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(timeoutSeconds) - DEADLINE_SLACK;
            String why = ConnectCommand.explain(e.getCause(), last, n == 1 && atDeadline);
            throw new CliFailure(n == 1 || !HubFailover.hubUnavailable(e.getCause()) ? why
                    : "none of the " + n + " hubs served; the last, " + last.address() + ": " + why);
        }
    }

    /**
     * After a lost session: the URLs again, starting after the hub that was lost, with a wait between rounds, until
     * one serves; {@code null} when the satellite itself is refused (then nothing would change on the next try).
     */
    HiveMindConnection again() throws InterruptedException {
        hubs.moveOn();
        try {
            return connected(hubs.connect(null, Integer.MAX_VALUE).toCompletableFuture().get());
        } catch (ExecutionException e) {
            synchronized (out) {
                out.println("not reconnecting: " + ConnectCommand.explain(e.getCause(), hubs.lastTried(), false));
                out.flush();
            }
            return null;
        }
    }

    private HiveMindConnection connected(HubFailover.Connected c) {
        SessionInfo info = c.connection().sessionInfo();
        synchronized (out) {
            out.printf(Locale.ROOT, "connected to %s: mode=%s protocol=%d cipher=%s encoding=%s binarize=%s "
                    + "handshake=%d ms%n", c.hub().scheme() + "://" + c.hub().address(), info.authMethod(),
                    info.protocolVersion().number(), info.cipher().wireName(), info.encoding().wireName(),
                    info.binarize(), info.handshakeTime().toMillis());
            out.flush();
        }
        return c.connection();
    }
}
