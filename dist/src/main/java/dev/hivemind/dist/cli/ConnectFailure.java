package dev.hivemind.dist.cli;

import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.transport.vertx.PinMismatchException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a satellite could not reach a hub, in words that blame the right party and say what to do: nothing listening,
 * no answer within {@code --timeout}, a TLS certificate that is not trusted, a pin that does not match, a host name
 * the certificate does not name. Never prints what the transport's own message may carry (such as the request URI
 * with the authorization token).
 */
final class ConnectFailure {
    private static final String PIN_HINT = "pin its key with --pin-sha256 PIN (the hub prints its pin when it starts)";

    private ConnectFailure() {
    }

    /**
     * A failure of the transport before any session existed.
     *
     * @param atDeadline whether it came when the connect timeout ended (a transport may report its time-out as a
     *                   closed connection)
     */
    static String describe(Throwable failure, ClientEndpoint endpoint, boolean atDeadline) {
        String where = endpoint.address();
        Optional<PinMismatchException> pin = find(failure, PinMismatchException.class);
        if (pin.isPresent()) {
            return "the hub at " + where + " presented a TLS key that matches no --pin-sha256 (it presented "
                    + pin.get().presentedPin() + "): if the hub's certificate was replaced, pin the new key; otherwise"
                    + " someone may be intercepting the connection";
        }
        if (find(failure, CertPathBuilderException.class).isPresent()
                || find(failure, CertPathValidatorException.class).isPresent()) {
            return "the hub's TLS certificate at " + where + " is not trusted (self-signed, or signed by a CA this Java"
                    + " does not trust): " + PIN_HINT + ", trust its certificate with --trust PEM, or, on a network"
                    + " you control, use --insecure";
        }
        if (find(failure, SSLPeerUnverifiedException.class).isPresent() || subjectMismatch(failure)) {
            return "the hub's TLS certificate does not name " + endpoint.host() + ": connect with the name it was"
                    + " made for, or " + PIN_HINT;
        }
        Optional<SSLException> tls = find(failure, SSLException.class);
        if (tls.isPresent()) {
            return "the TLS handshake with " + where + " failed (" + rootMessage(tls.get()) + "); is the hub serving"
                    + " TLS on this port? (ws:// and tcp:// are the plain schemes)";
        }
        if (atDeadline || find(failure, TimeoutException.class).isPresent() || isTimeout(failure)) {
            return noAnswer(endpoint);
        }
        if (find(failure, UnknownHostException.class).isPresent()) {
            return "unknown host " + endpoint.host();
        }
        if (find(failure, NoRouteToHostException.class).isPresent()) {
            return "no route to " + where;
        }
        if (find(failure, ConnectException.class).isPresent()) {
            return "nothing accepts connections at " + where + " (is the hub running, and is this its port?)";
        }
        return "cannot connect to " + where + ": " + rootMessage(failure);
    }

    /** The connection ended with no close frame (1006), as when nothing answered within the deadline. */
    static String abnormalClose(String reason, ClientEndpoint endpoint) {
        if (reason.startsWith("no answer")) {
            return noAnswer(endpoint);
        }
        return "the connection to " + endpoint.address() + " was lost before a session existed (" + reason + ")";
    }

    static String noAnswer(ClientEndpoint endpoint) {
        long seconds = Math.max(1, endpoint.connectTimeout().toSeconds());
        return "no answer from " + endpoint.address() + " within " + seconds + " s (--timeout); is a HiveMind hub"
                + " serving " + endpoint.scheme() + ":// on this port?";
    }

    private static boolean subjectMismatch(Throwable failure) {
        return find(failure, CertificateException.class).map(Throwable::getMessage)
                .filter(m -> m.startsWith("No subject alternative") || m.startsWith("No name matching")).isPresent();
    }

    /** Netty and Vert.x report their time-outs with their own exception types. */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("TimeoutException") || name.equals("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
