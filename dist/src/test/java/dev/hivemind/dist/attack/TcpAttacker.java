package dev.hivemind.dist.attack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hivemind.api.transport.AuthorizationToken;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A hand-driven TCP peer bound to a chosen loopback address (the attacker's): it speaks the framing of
 * docs/protocol/TCP-FRAMING.md byte by byte and reads the hub's frames, so each test says exactly what it sends.
 */
final class TcpAttacker implements AutoCloseable {
    static final int TEXT = 0x01;
    static final int AUTH = 0x03;
    static final int CLOSE = 0x08;
    static final int PING = 0x09;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** Connects from {@code localAddress} (e.g. 127.0.0.2) to the hub's TCP port on 127.0.0.1. */
    TcpAttacker(String localAddress, int port) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** One frame from the hub. */
    record Received(int kind, byte[] payload) {
        int closeCode() {
            return kind == CLOSE && payload.length >= 2 ? ByteBuffer.wrap(payload).getShort() & 0xffff : -1;
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    void send(int kind, byte[] payload) throws IOException {
        out.write(ByteBuffer.allocate(5 + payload.length).put((byte) kind).putInt(payload.length).put(payload).array());
        out.flush();
    }

    void auth(String accessKey) throws IOException {
        send(AUTH, new AuthorizationToken("attacker", accessKey).encode().getBytes(StandardCharsets.US_ASCII));
    }

    void sendJson(Map<String, Object> message) throws IOException {
        send(TEXT, JSON.writeValueAsBytes(message));
    }

    /** A client HANDSHAKE carrying a password envelope. */
    void sendEnvelope(String envelope) throws IOException {
        sendJson(Map.of("msg_type", "shake", "payload", Map.of("envelope", envelope,
                "ciphers", List.of("AES-GCM"), "encodings", List.of("JSON-HEX"), "binarize", false)));
    }

    Received read() throws IOException {
        int kind = in.readUnsignedByte();
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Received(kind, payload);
    }

    /** Reads until the hub's HELLO and HANDSHAKE offer arrived, or a CLOSE (returned). */
    Received readGreeting() throws IOException {
        Received first = read();
        if (first.kind() == CLOSE) {
            return first;
        }
        return read();
    }

    /** Reads until a CLOSE arrives and returns its code; -1 if the socket ended without one. */
    int awaitClose() throws IOException {
        try {
            while (true) {
                Received r = read();
                if (r.kind() == CLOSE) {
                    return r.closeCode();
                }
            }
        } catch (EOFException | SocketTimeoutException e) {
            return -1;
        }
    }

    /** Closes politely with 1000, as a peer that does not want to be counted would. */
    void closeNormally() throws IOException {
        send(CLOSE, ByteBuffer.allocate(2).putShort((short) 1000).array());
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    boolean isClosedByPeer() {
        try {
            socket.setSoTimeout(50);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // best effort
        }
    }
}
