package dev.hivemind.engine.tck.transport;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small, real {@link ConnectionAcceptor} for transport tests. It admits tokens whose access key it knows (the
 * decision is made on another thread, as a registry lookup would be), greets each opened connection with a text
 * frame (as the engine sends HELLO first) and echoes every frame back. Everything is recorded for assertions.
 */
public final class RecordingAcceptor implements ConnectionAcceptor {
    /** The text the acceptor sends when a connection opens. */
    public static final String GREETING = "{\"msg_type\": \"hello\", \"payload\": {}}";

    private final Map<String, ClientRecord> clientsByKey = new ConcurrentHashMap<>();
    private final List<AdmissionRequest> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<RecordingHandler> opened = new LinkedBlockingQueue<>();
    private final List<RecordingHandler> all = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    /** An acceptor that knows the given access keys (client ids 1, 2, ...). */
    public static RecordingAcceptor knowing(String... accessKeys) {
        RecordingAcceptor acceptor = new RecordingAcceptor();
        int id = 1;
        for (String key : accessKeys) {
            acceptor.add(ClientRecord.builder(key).clientId(id++).name("client-" + id).build());
        }
        return acceptor;
    }

    /** Adds (or replaces) a client record, keyed by its access key. */
    public RecordingAcceptor add(ClientRecord record) {
        clientsByKey.put(record.apiKey(), record);
        return this;
    }

    /** Holds every admission decision until {@link #releaseAdmissions()}. */
    public void holdAdmissions() {
        gate = new CompletableFuture<>();
    }

    /** Lets held and future admission decisions through. */
    public void releaseAdmissions() {
        gate.complete(null);
    }

    @Override
    public CompletionStage<Admission> admit(AdmissionRequest request) {
        requests.add(request);
        return gate.thenApplyAsync(ignored -> decide(request));
    }

    private Admission decide(AdmissionRequest request) {
        Optional<AuthorizationToken> token = AuthorizationToken.parse(request.authorizationToken());
        if (token.isEmpty()) {
            return Admission.Rejected.malformedToken();
        }
        ClientRecord record = clientsByKey.get(token.get().accessKey());
        if (record == null || record.revoked()) {
            return Admission.Rejected.unknownKey();
        }
        return new Admission.Accepted(token.get().userAgent(), record);
    }

    @Override
    public ConnectionHandler open(Connection connection, Admission.Accepted admission) {
        RecordingHandler handler = new RecordingHandler(connection, true, Frame.text(GREETING));
        all.add(handler);
        opened.add(handler);
        return handler;
    }

    /** The next connection the transport opened; fails the test if none opens in time. */
    public RecordingHandler awaitConnection() {
        try {
            RecordingHandler h = opened.poll(RecordingHandler.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(h, "no connection was opened within " + RecordingHandler.TIMEOUT);
            return h;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Every admission request seen, in order. */
    public List<AdmissionRequest> admissionRequests() {
        return List.copyOf(requests);
    }

    /** Handlers of every connection opened so far. */
    public List<RecordingHandler> handlers() {
        return List.copyOf(all);
    }

    /** How many connections were opened. */
    public int openedCount() {
        return all.size();
    }
}
