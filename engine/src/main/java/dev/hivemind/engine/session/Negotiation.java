package dev.hivemind.engine.session;

import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cipher and encoding negotiation by ordered intersection: the client's preference order, filtered by the server's
 * allow-list; the first survivor wins (what hivemind-core does). Unknown names in a peer's list are ignored; a
 * peer's <em>choice</em> must be a known name that was offered.
 */
public final class Negotiation {
    private Negotiation() {
    }

    /** The negotiated pair. */
    public record Choice(CipherSuite cipher, TextEncoding encoding) {
    }

    /** Server side: picks from the client's lists. Fails when an intersection is empty. */
    public static Choice choose(List<String> clientCiphers, List<String> clientEncodings, List<CipherSuite> allowedCiphers,
            List<TextEncoding> allowedEncodings) {
        CipherSuite cipher = first(clientCiphers, CipherSuite::fromWire, allowedCiphers).orElseThrow(() ->
                new NegotiationException("no common cipher", "client ciphers " + clientCiphers + " share none with "
                        + allowedCiphers.stream().map(CipherSuite::wireName).toList()));
        TextEncoding encoding = first(clientEncodings, TextEncoding::fromWire, allowedEncodings).orElseThrow(() ->
                new NegotiationException("no common encoding", "client encodings " + clientEncodings
                        + " share none with " + allowedEncodings.stream().map(TextEncoding::wireName).toList()));
        return new Choice(cipher, encoding);
    }

    /**
     * Client side: checks the server's choice. An absent name means the Python default (AES-GCM, JSON-HEX), which must
     * then also be one we offered; an unknown or unoffered name is a downgrade attempt.
     */
    public static Choice verifyChoice(String cipherName, String encodingName, List<CipherSuite> offeredCiphers,
            List<TextEncoding> offeredEncodings) {
        CipherSuite cipher = cipherName == null ? CipherSuite.AES_GCM : CipherSuite.fromWire(cipherName)
                .orElseThrow(() -> new NegotiationException("unknown cipher chosen", "server chose unknown cipher '"
                        + shorten(cipherName) + "'"));
        TextEncoding encoding = encodingName == null ? TextEncoding.JSON_HEX : TextEncoding.fromWire(encodingName)
                .orElseThrow(() -> new NegotiationException("unknown encoding chosen", "server chose unknown encoding '"
                        + shorten(encodingName) + "'"));
        if (!offeredCiphers.contains(cipher)) {
            throw new NegotiationException("cipher not offered", "server chose " + cipher.wireName()
                    + (cipherName == null ? " (by default)" : "") + ", which we did not offer");
        }
        if (!offeredEncodings.contains(encoding)) {
            throw new NegotiationException("encoding not offered", "server chose " + encoding.wireName()
                    + (encodingName == null ? " (by default)" : "") + ", which we did not offer");
        }
        return new Choice(cipher, encoding);
    }

    /** Wire names of known entries. */
    public static <T> List<T> known(List<String> names, Function<String, Optional<T>> lookup) {
        List<T> out = new ArrayList<>();
        for (String n : names) {
            lookup.apply(n).filter(v -> !out.contains(v)).ifPresent(out::add);
        }
        return out;
    }

    private static <T> Optional<T> first(List<String> preference, Function<String, Optional<T>> lookup, List<T> allowed) {
        for (String name : preference) {
            Optional<T> v = lookup.apply(name);
            if (v.isPresent() && allowed.contains(v.get())) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
