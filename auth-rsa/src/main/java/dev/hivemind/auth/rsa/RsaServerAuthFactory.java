package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.plugin.PluginContext;
import java.util.Optional;

/**
 * The hub's half of the {@code rsa} auth method: HiveMind's public-key handshake (OAEP-SHA1 secret, PSS-SHA256
 * signature). Selected by the client HANDSHAKE field {@code pubkey}; it sets no offer flag of its own (it rides on the
 * offer's {@code handshake: true}). Its credential is the client's enrolled public key: the hub grants the method only
 * to a client whose record holds one (or, with {@code auth.rsa.enroll_on_first_use}, to a client that holds no
 * credential at all, and stores the first key it proves). The node identity is loaded (or generated) once in
 * {@link #initialize}; settings are described in {@link RsaSettings}.
 */
public final class RsaServerAuthFactory implements ServerAuthFactory, RsaMechanism {
    /** The method's name: config key, log label and the name of its credential in a client record. */
    public static final String NAME = "rsa";

    private final RsaEnvelope envelopes = new RsaEnvelope(RsaPrimitives.preferred());
    private volatile NodeIdentity identity;
    private volatile boolean initialized;

    /** For {@link java.util.ServiceLoader}. */
    public RsaServerAuthFactory() {
    }

    @Override
    public String description() {
        return "RSA public-key handshake (OAEP-SHA1 + PSS-SHA256) against the client's enrolled key";
    }

    /**
     * Validates the settings and loads the node identity, generating it first if it is missing and
     * {@value RsaSettings#GENERATE_IDENTITY} is on.
     *
     * @throws IllegalArgumentException for a bad setting
     * @throws IllegalStateException    for an unreadable or unacceptable identity file
     */
    @Override
    public void initialize(PluginContext context) {
        RsaSettings s = RsaSettings.from(context.settings(), context.dataDirectory());
        this.identity = NodeIdentity.loadOrGenerate(s.identityFile(), s.keyBits(), s.generateIdentity(), context.random());
        this.initialized = true;
    }

    /**
     * An enrolled key must pass the key policy (a pure check: it needs no identity, so tools can validate a key
     * before storing it). A node without an identity refuses every RSA handshake in the exchange.
     */
    @Override
    public Optional<String> credentialProblem(String credential) {
        try {
            RsaPublicKeyPolicy.check(credential);
            return Optional.empty();
        } catch (ProtocolViolationException e) {
            return Optional.of("the enrolled RSA public key is not acceptable: " + e.getMessage());
        }
    }

    /** A public key the client presents and proves: the hub may enrol the first one. */
    @Override
    public boolean enrollable() {
        return true;
    }

    /** OpenSSH-style {@code SHA256:} fingerprint of the key's DER SubjectPublicKeyInfo. */
    @Override
    public String fingerprint(String credential) {
        try {
            return RsaPublicKeyPolicy.check(credential).fingerprint();
        } catch (ProtocolViolationException e) {
            return ServerAuthFactory.super.fingerprint(credential);
        }
    }

    /** The node's SubjectPublicKeyInfo PEM, announced in the server HELLO. */
    @Override
    public Optional<String> nodePublicKeyPem() {
        NodeIdentity id = identity;
        return id == null ? Optional.empty() : Optional.of(id.publicKeyPem());
    }

    @Override
    public ServerAuthExchange newExchange(ServerAuthContext context) {
        if (!initialized) {
            throw new IllegalStateException("the rsa auth plugin was not initialized");
        }
        return new RsaServerExchange(context, identity, envelopes);
    }

    /** The node identity, or empty before {@link #initialize} or when there is none. */
    public Optional<NodeIdentity> identity() {
        return Optional.ofNullable(identity);
    }
}
