package dev.hivemind.auth.rsa;

import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientAuthExchange;
import dev.hivemind.api.auth.ClientStart;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.handshake.ServerHello;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The client side of the RSA handshake on one connection. It works where the Python client does not
 * (HIVEMIND-WIRE.md §3.3): it OAEP-decrypts the server's secret, after verifying the server's PSS signature with
 * the key from the server's HELLO — a key that must match the pin for this {@code host:port} (SECURITY.md W4,
 * T22). With no pin, the key is trusted on first use and pinned only after the handshake succeeded, unless
 * strict mode demands a pre-existing pin.
 */
final class RsaClientExchange implements ClientAuthExchange {
    private enum State { NEW, STARTED, DONE }

    private final ClientAuthContext context;
    private final NodeIdentity own;
    private final KnownHosts knownHosts;
    private final boolean strict;
    private final RsaEnvelope envelopes;
    private final RecentEnvelopes recent;
    private State state = State.NEW;
    private RsaPeerKey serverKey;
    private String address;
    private boolean pinAfterSuccess;

    RsaClientExchange(ClientAuthContext context, NodeIdentity own, KnownHosts knownHosts, boolean strict,
            RsaEnvelope envelopes, RecentEnvelopes recent) {
        this.context = context;
        this.own = own;
        this.knownHosts = knownHosts;
        this.strict = strict;
        this.envelopes = envelopes;
        this.recent = recent;
    }

    @Override
    public ClientStart start(HandshakeOffer offer) {
        if (state != State.NEW) {
            throw new ProtocolViolationException("duplicate handshake offer", "the RSA exchange was already started");
        }
        state = State.DONE; // until the checks below pass
        // The offer's "handshake" flag only says whether a key exchange is *required* (false when the hub holds a
        // pre-shared key for us); a hub still accepts the RSA handshake then. A client configured for RSA therefore
        // always runs it, and never falls back to anything weaker: an offer cannot talk it out of authenticating.
        ServerHello hello = context.serverHello();
        String pem = hello == null ? null : hello.pubkey();
        if (pem == null || pem.isEmpty()) {
            throw new AuthenticationException("the server's HELLO carries no public key; the RSA handshake cannot"
                    + " authenticate the server");
        }
        RsaPeerKey key = RsaPublicKeyPolicy.check(pem);
        address = context.serverAddress();
        List<KnownHosts.Pin> pins = pinsOf(address);
        if (!pins.isEmpty()) {
            requireMatch(pins, key);
        } else if (strict) {
            throw new AuthenticationException("no RSA key is pinned for " + address + " in " + knownHosts.file()
                    + " and strict host key checking is on. If " + key.fingerprint() + " is the server's key"
                    + " (check it out of band), add the line \"" + address + " " + key.fingerprint() + "\" to that file");
        } else {
            pinAfterSuccess = true;
        }
        serverKey = key;
        state = State.STARTED;
        return new ClientStart.SendHandshake(Map.of(ClientHandshake.PUBKEY, own.publicKeyPem()));
    }

    @Override
    public CompletionStage<AuthStep> onServerResponse(HandshakeResponse response) {
        if (state != State.STARTED) {
            return Outcomes.failed(new ProtocolViolationException("unexpected handshake response",
                    "an RSA handshake response without a started exchange"));
        }
        state = State.DONE;
        Object envelope = response.authFields().get(HandshakeResponse.ENVELOPE);
        CompletionStage<byte[]> opened;
        try {
            opened = context.compute(() -> openAndPin(envelope));
        } catch (RuntimeException e) {
            return Outcomes.failed(Outcomes.unwrap(e));
        }
        return opened.handle((secret, error) -> error != null
                ? new AuthStep.Failed(Outcomes.unwrap(error))
                : new AuthStep.Succeeded(SessionKey.wrap(secret), Map.of()));
    }

    /** Runs on the worker pool: verify and decrypt, refuse replays, then store a first-use pin. */
    private byte[] openAndPin(Object envelope) {
        if (envelope instanceof String text && recent.seenBefore(text)) {
            throw RsaEnvelope.failure();
        }
        byte[] secret = envelopes.open(serverKey, own, envelope);
        try {
            if (!recent.firstSight((String) envelope)) {
                throw RsaEnvelope.failure();
            }
            if (pinAfterSuccess) {
                requireMatch(pinIfAbsent(), serverKey);
            }
            return secret;
        } catch (RuntimeException e) {
            Arrays.fill(secret, (byte) 0);
            throw e;
        }
    }

    private List<KnownHosts.Pin> pinsOf(String host) {
        try {
            return knownHosts.lookup(host);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw new AuthenticationException("cannot check the pinned RSA key of " + host + ": " + e.getMessage());
        }
    }

    private List<KnownHosts.Pin> pinIfAbsent() {
        try {
            return knownHosts.pinIfAbsent(address, serverKey.fingerprint());
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw new InternalHiveMindException("cannot store the server key pin",
                    "cannot pin the RSA key of " + address + ": " + e.getMessage());
        }
    }

    private void requireMatch(List<KnownHosts.Pin> pins, RsaPeerKey key) {
        for (KnownHosts.Pin pin : pins) {
            if (pin.fingerprint().equals(key.fingerprint())) {
                return;
            }
        }
        String lines = pins.stream().map(p -> String.valueOf(p.line())).collect(Collectors.joining(", "));
        throw new AuthenticationException("the RSA key of " + address + " has CHANGED: it presents "
                + key.fingerprint() + " but " + knownHosts.file() + " pins "
                + pins.stream().map(KnownHosts.Pin::fingerprint).collect(Collectors.joining(", "))
                + ". Someone may be intercepting the connection. If the server's key was changed on purpose,"
                + " delete line " + lines + " of " + knownHosts.file() + " and connect again to pin the new key");
    }

    @Override
    public Optional<String> helloPublicKey() {
        return Optional.of(own.publicKeyPem());
    }

    @Override
    public void close() {
        state = State.DONE;
    }
}
