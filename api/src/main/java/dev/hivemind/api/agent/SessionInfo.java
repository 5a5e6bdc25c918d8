package dev.hivemind.api.agent;

import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.ProtocolVersion;
import dev.hivemind.api.wire.TextEncoding;
import java.time.Duration;

/**
 * What a completed handshake negotiated.
 *
 * @param authMethod      name of the auth method that produced the key ({@code password}, {@code rsa}, {@code psk})
 * @param protocolVersion the protocol version in use
 * @param cipher          the session cipher
 * @param encoding        the text encoding of encrypted JSON frames
 * @param binarize        whether application messages travel bit-packed in binary frames
 * @param handshakeTime   from connection open to established
 */
public record SessionInfo(String authMethod, ProtocolVersion protocolVersion, CipherSuite cipher, TextEncoding encoding,
        boolean binarize, Duration handshakeTime) {
}
