package dev.hivemind.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiationTest {
    private static final List<CipherSuite> SERVER_CIPHERS = List.of(CipherSuite.CHACHA20_POLY1305, CipherSuite.AES_GCM);
    private static final List<TextEncoding> SERVER_ENCODINGS = List.of(TextEncoding.JSON_B64, TextEncoding.JSON_HEX);

    @Test
    void clientPreferenceWinsWithinTheServerAllowList() {
        Negotiation.Choice c = Negotiation.choose(List.of("AES-GCM", "CHACHA20-POLY1305"),
                List.of("JSON-B91", "JSON-HEX", "JSON-B64"), SERVER_CIPHERS, SERVER_ENCODINGS);
        assertEquals(CipherSuite.AES_GCM, c.cipher());
        assertEquals(TextEncoding.JSON_HEX, c.encoding());
    }

    @Test
    void unknownNamesAreSkippedNeverMappedToADefault() {
        Negotiation.Choice c = Negotiation.choose(List.of("ROT13", "CHACHA20-POLY1305"), List.of("JSON-XYZ", "JSON-B64"),
                SERVER_CIPHERS, SERVER_ENCODINGS);
        assertEquals(CipherSuite.CHACHA20_POLY1305, c.cipher());
        assertEquals(TextEncoding.JSON_B64, c.encoding());
    }

    @Test
    void emptyIntersectionsFail() {
        assertThrows(NegotiationException.class, () -> Negotiation.choose(List.of(), List.of("JSON-HEX"),
                SERVER_CIPHERS, SERVER_ENCODINGS));
        assertThrows(NegotiationException.class, () -> Negotiation.choose(List.of("AES-GCM"), List.of("JSON-B32"),
                SERVER_CIPHERS, SERVER_ENCODINGS));
    }

    @Test
    void clientAcceptsOnlyWhatItOffered() {
        List<CipherSuite> offered = List.of(CipherSuite.AES_GCM);
        List<TextEncoding> encodings = List.of(TextEncoding.JSON_B64);
        assertEquals(CipherSuite.AES_GCM, Negotiation.verifyChoice("AES-GCM", "JSON-B64", offered, encodings).cipher());
        assertThrows(NegotiationException.class, () -> Negotiation.verifyChoice("CHACHA20-POLY1305", "JSON-B64",
                offered, encodings));
        assertThrows(NegotiationException.class, () -> Negotiation.verifyChoice("AES-GCM", "JSON-HEX", offered,
                encodings));
        assertThrows(NegotiationException.class, () -> Negotiation.verifyChoice("aes-gcm", "JSON-B64", offered,
                encodings));
    }

    @Test
    void absentChoicesMeanThePythonDefaultsWhichMustHaveBeenOffered() {
        Negotiation.Choice c = Negotiation.verifyChoice(null, null, List.of(CipherSuite.AES_GCM),
                List.of(TextEncoding.JSON_HEX));
        assertEquals(CipherSuite.AES_GCM, c.cipher());
        assertEquals(TextEncoding.JSON_HEX, c.encoding());
        assertThrows(NegotiationException.class, () -> Negotiation.verifyChoice(null, null,
                List.of(CipherSuite.CHACHA20_POLY1305), List.of(TextEncoding.JSON_HEX)));
    }
}
