package dev.hivemind.transport.tcp;

import dev.hivemind.engine.tck.transport.RawPeer;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A TCP-framing peer written by hand on a plain socket, for cases a real client will not produce. */
final class RawTcpPeer implements RawPeer {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private int closeCode = Integer.MIN_VALUE;
    private String closeReason;

    private RawTcpPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens a socket and sends nothing. */
    static RawTcpPeer open(InetSocketAddress server, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.setTcpNoDelay(true);
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000);
        return new RawTcpPeer(socket);
    }

    /** Opens a socket and sends AUTH with the token. */
    static RawTcpPeer authenticated(InetSocketAddress server, String token) throws IOException {
        RawTcpPeer peer = open(server, 0);
        peer.sendFrame(0x03, token.getBytes(StandardCharsets.US_ASCII));
        return peer;
    }

    static byte[] frame(int kind, byte[] payload) {
        byte[] f = new byte[5 + payload.length];
        f[0] = (byte) kind;
        f[1] = (byte) (payload.length >>> 24);
        f[2] = (byte) (payload.length >>> 16);
        f[3] = (byte) (payload.length >>> 8);
        f[4] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 5, payload.length);
        return f;
    }

    void sendFrame(int kind, byte[] payload) throws IOException {
        sendRaw(frame(kind, payload));
    }

    /** Writes bytes as they are, flushed. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void sendText(String text) throws IOException {
        sendFrame(0x01, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendOversizedHeader(long length) throws IOException {
        sendRaw(new byte[] {0x02, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
    }

    /** One frame from the server. */
    record ServerFrame(int kind, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** The next frame, or {@code null} at the end of the stream. */
    ServerFrame readFrame() throws IOException {
        try {
            int kind = in.read();
            if (kind < 0) {
                return null;
            }
            long length = Integer.toUnsignedLong(in.readInt());
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return new ServerFrame(kind, payload);
        } catch (EOFException | SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new IOException("nothing from the server in time", e);
        }
    }

    @Override
    public boolean awaitPing(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        for (ServerFrame f = readFrame(); f != null; f = readFrame()) {
            if (f.kind() == 0x09) {
                return true;
            }
            if (f.kind() == 0x08) {
                remember(f);
                return false;
            }
        }
        return false;
    }

    @Override
    public int awaitClose(Duration timeout) throws IOException {
        if (closeCode != Integer.MIN_VALUE) {
            return closeCode;
        }
        socket.setSoTimeout((int) timeout.toMillis());
        for (ServerFrame f = readFrame(); f != null; f = readFrame()) {
            if (f.kind() == 0x08) {
                remember(f);
                return closeCode;
            }
        }
        return -1;
    }

    /** The reason of the close frame {@link #awaitClose} saw. */
    String closeReason() {
        return closeReason;
    }

    /** Whether the server closed the socket (reads the stream to its end). */
    boolean awaitEndOfStream(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        while (readFrame() != null) {
            // discard
        }
        return true;
    }

    private void remember(ServerFrame f) {
        closeCode = f.payload().length >= 2 ? ((f.payload()[0] & 0xff) << 8) | (f.payload()[1] & 0xff) : 1005;
        closeReason = f.payload().length > 2 ? new String(f.payload(), 2, f.payload().length - 2, StandardCharsets.UTF_8) : "";
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
