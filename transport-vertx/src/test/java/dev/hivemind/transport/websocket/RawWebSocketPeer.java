package dev.hivemind.transport.websocket;

import dev.hivemind.engine.tck.transport.RawPeer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/** A WebSocket client written by hand on a plain socket, for cases a real client will not produce. */
final class RawWebSocketPeer implements RawPeer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final int status;
    private final String responseHead;
    private int closeCode = Integer.MIN_VALUE;

    private RawWebSocketPeer(Socket socket, int status, String responseHead) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        this.status = status;
        this.responseHead = responseHead;
    }

    /** Sends an upgrade request with the given raw request target and reads the response head. */
    static RawWebSocketPeer upgrade(InetSocketAddress server, String requestTarget, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + requestTarget + " HTTP/1.1\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        String head = readHead(socket.getInputStream());
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new RawWebSocketPeer(socket, status, head);
    }

    /** Upgrades with {@code /?authorization=TOKEN} and insists on 101. */
    static RawWebSocketPeer connect(InetSocketAddress server, String token) throws IOException {
        return connect(server, token, 0);
    }

    /** Upgrades with {@code /?authorization=TOKEN} on a socket with a small receive buffer, and insists on 101. */
    static RawWebSocketPeer connect(InetSocketAddress server, String token, int receiveBufferBytes) throws IOException {
        RawWebSocketPeer peer = upgrade(server, "/?authorization=" + token, receiveBufferBytes);
        if (peer.status != 101) {
            peer.close();
            throw new IOException("upgrade refused: " + peer.responseHead);
        }
        return peer;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    int status() {
        return status;
    }

    String responseHead() {
        return responseHead;
    }

    /** Writes one masked frame. */
    void sendFrame(int opcode, boolean fin, byte[] payload) throws IOException {
        out.write(header(opcode, fin, payload.length));
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        out.write(mask);
        byte[] masked = payload.clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] ^= mask[i & 3];
        }
        out.write(masked);
        out.flush();
    }

    private static byte[] header(int opcode, boolean fin, long length) {
        int first = (fin ? 0x80 : 0) | opcode;
        if (length < 126) {
            return new byte[] {(byte) first, (byte) (0x80 | length)};
        }
        if (length < 65536) {
            return new byte[] {(byte) first, (byte) (0x80 | 126), (byte) (length >> 8), (byte) length};
        }
        byte[] h = new byte[10];
        h[0] = (byte) first;
        h[1] = (byte) (0x80 | 127);
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return h;
    }

    @Override
    public void sendText(String text) throws IOException {
        sendFrame(0x1, true, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendOversizedHeader(long length) throws IOException {
        out.write(header(0x2, true, length));
        out.write(new byte[] {1, 2, 3, 4});
        out.flush();
    }

    /** One frame from the server: opcode and payload. */
    record ServerFrame(int opcode, boolean fin, byte[] payload) {
    }

    /** Reads the next frame; {@code null} at the end of the stream. */
    ServerFrame readFrame() throws IOException {
        int b0;
        try {
            b0 = in.read();
        } catch (SocketException e) {
            return null;
        }
        if (b0 < 0) {
            return null;
        }
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new ServerFrame(b0 & 0x0f, (b0 & 0x80) != 0, payload);
    }

    @Override
    public boolean awaitPing(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        while (true) {
            ServerFrame f = readFrameOrNull();
            if (f == null) {
                return false;
            }
            if (f.opcode() == 0x9) {
                return true;
            }
            if (f.opcode() == 0x8) {
                closeCode = codeOf(f);
                return false;
            }
        }
    }

    @Override
    public int awaitClose(Duration timeout) throws IOException {
        if (closeCode != Integer.MIN_VALUE) {
            return closeCode;
        }
        socket.setSoTimeout((int) timeout.toMillis());
        while (true) {
            ServerFrame f = readFrameOrNull();
            if (f == null) {
                return -1;
            }
            if (f.opcode() == 0x8) {
                closeCode = codeOf(f);
                return closeCode;
            }
        }
    }

    private ServerFrame readFrameOrNull() throws IOException {
        try {
            return readFrame();
        } catch (EOFException | SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new IOException("nothing from the server in time", e);
        }
    }

    private static int codeOf(ServerFrame f) {
        return f.payload().length >= 2 ? ((f.payload()[0] & 0xff) << 8) | (f.payload()[1] & 0xff) : 1005;
    }

    @Override
    public void abort() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
