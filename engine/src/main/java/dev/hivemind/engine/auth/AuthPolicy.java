package dev.hivemind.engine.auth;

import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which auth methods may authenticate a client: the hub's policy, decided from the client's record, never by a
 * method. A method may authenticate a client only when the record holds that method's credential and the method finds
 * nothing wrong with it (password → a password, psk → a usable {@code crypto_key}, rsa → an enrolled public key, a
 * drop-in → its own credential).
 *
 * <p>First-use enrolment ({@code auth.<method>.enroll_on_first_use}, off by default) adds one case: an
 * {@linkplain ServerAuthFactory#enrollable() enrollable} method may serve a client that holds <em>no credential at
 * all</em>, and the first key it proves is stored. A client that has a password or a pre-shared key never qualifies,
 * so turning enrolment on cannot open such a client to a stranger's key.
 */
public final class AuthPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AuthPolicy.class);
    private static final int MAX_WARNED = 10_000;

    private final List<ServerAuthFactory> methods;
    private final Set<String> enrollOnFirstUse;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param methods          the enabled methods, in configured order
     * @param enrollOnFirstUse names of enabled, enrollable methods that enrol a first credential
     * @throws IllegalArgumentException if a name in {@code enrollOnFirstUse} is not an enabled, enrollable method
     */
    public AuthPolicy(List<ServerAuthFactory> methods, Set<String> enrollOnFirstUse) {
        this.methods = List.copyOf(methods);
        this.enrollOnFirstUse = Set.copyOf(enrollOnFirstUse);
        for (String name : enrollOnFirstUse) {
            ServerAuthFactory m = method(name).orElseThrow(() -> new IllegalArgumentException(
                    "auth." + name + "." + EnrollmentSettings.KEY + ": '" + name + "' is not an enabled auth method"));
            if (!m.enrollable()) {
                throw new IllegalArgumentException("auth." + name + "." + EnrollmentSettings.KEY + ": the " + name
                        + " method cannot enrol a credential on first use (its credential is a secret the hub must"
                        + " hold beforehand)");
            }
        }
    }

    /** The enabled methods, in configured order. */
    public List<ServerAuthFactory> methods() {
        return methods;
    }

    /** The enabled method of this name. */
    public Optional<ServerAuthFactory> method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Whether {@code method} enrols a first credential. */
    public boolean enrollsOnFirstUse(String method) {
        return enrollOnFirstUse.contains(method);
    }

    /** The methods that may authenticate {@code client}, in configured order, each with its credential. */
    public List<MethodGrant> grants(ClientRecord client) {
        List<MethodGrant> out = new ArrayList<>();
        for (ServerAuthFactory m : methods) {
            Optional<String> credential = client.credential(m.name());
            if (credential.isPresent()) {
                Optional<String> problem = m.credentialProblem(credential.get());
                if (problem.isEmpty()) {
                    out.add(new MethodGrant(m, credential));
                } else {
                    warnOnce(client, m, problem.get());
                }
            } else if (enrollOnFirstUse.contains(m.name()) && client.credentials().isEmpty()) {
                out.add(new MethodGrant(m, Optional.empty()));
            }
        }
        return List.copyOf(out);
    }

    /** The names of the methods that may authenticate {@code client} ({@code list-clients}); enrolling ones marked. */
    public List<String> describe(ClientRecord client) {
        return grants(client).stream().map(g -> g.enrolling() ? g.name() + " (enrol on first use)" : g.name())
                .toList();
    }

    private void warnOnce(ClientRecord client, ServerAuthFactory m, String problem) {
        if (warned.size() < MAX_WARNED && warned.add(client.clientId() + ":" + m.name())) {
            LOG.warn("client {}: the {} method is off for this client: {}", client.clientId(), m.name(), problem);
        }
    }
}
