package dev.hivemind.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The hub's half of an auth method (MINA SSHD's server-side {@code UserAuthFactory}), discovered with
 * {@link java.util.ServiceLoader}: register it in {@code META-INF/services/dev.hivemind.api.auth.ServerAuthFactory}.
 * One jar may register a {@link ClientAuthFactory} of the same name too.
 *
 * <p><b>Mechanism apart from policy.</b> The hub, not the method, decides who may use it: it offers and runs this
 * method for a client only when the client's record holds this method's credential
 * ({@link dev.hivemind.api.registry.ClientRecord#credential(String) credential(name())}: a password for
 * {@code password}, a {@code crypto_key} for {@code psk}, an enrolled public key for {@code rsa}, the drop-in's own
 * credential otherwise) and {@link #credentialProblem} finds nothing wrong with it. The exchange reads that
 * credential from {@link ServerAuthContext#credential()} and only checks the peer's proof of it.
 */
public interface ServerAuthFactory extends AuthMechanism {
    /**
     * Why a stored credential cannot serve (for example a pre-shared key of the wrong length), or empty when it can.
     * The hub then does not offer the method to that client and logs the reason once per client. Never quote the
     * credential.
     */
    default Optional<String> credentialProblem(String credential) {
        return Optional.empty();
    }

    /**
     * Whether the credential is public and presented by the peer during the exchange (a public key), so that the hub
     * may store the first one a client presents when the operator turns on {@code auth.<name>.enroll_on_first_use}.
     * A method that says yes must serve a context whose {@link ServerAuthContext#credential()} is empty by accepting
     * any key its own policy allows, and report it through {@link ServerAuthExchange#presentedCredential()}.
     */
    default boolean enrollable() {
        return false;
    }

    /**
     * A short fingerprint of a (public) credential for logs and for comparison out of band. The default is
     * {@code SHA256:} and the unpadded Base64 of the SHA-256 of its UTF-8 text.
     */
    default String fingerprint(String credential) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The node's public key (PEM) announced in the server HELLO, if this method owns the node identity. */
    default Optional<String> nodePublicKeyPem() {
        return Optional.empty();
    }

    /** A fresh exchange for one connection of a client the hub granted this method to. */
    ServerAuthExchange newExchange(ServerAuthContext context);
}
