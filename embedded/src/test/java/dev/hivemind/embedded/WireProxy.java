package dev.hivemind.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between satellites and a hub that can play what a different hub does on the wire: close with an empty
 * WebSocket close frame (what hivemind-core sends when it drops a satellite), drop the socket, or send garbage.
 */
final class WireProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int hubPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    WireProxy(int hubPort) throws IOException {
        this.hubPort = hubPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "wire-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops relaying the hub's bytes and writes {@code bytes} to every satellite, then ends its output. */
    void injectAndEnd(byte[] bytes) throws IOException {
        for (Link l : links) {
            l.inject(bytes, true);
        }
    }

    /** Stops relaying the hub's bytes and writes {@code bytes} to every satellite; the sockets stay open. */
    void inject(byte[] bytes) throws IOException {
        for (Link l : links) {
            l.inject(bytes, false);
        }
    }

    /** Closes every socket at once, without any close frame. */
    void drop() throws IOException {
        for (Link l : links) {
            l.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket satellite = server.accept();
                Socket hub = new Socket(InetAddress.getLoopbackAddress(), hubPort);
                Link link = new Link(satellite, hub);
                links.add(link);
                link.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
    }

    /** One relayed connection. */
    private static final class Link {
        private final Socket satellite;
        private final Socket hub;
        private final OutputStream toSatellite;
        private boolean cut;

        Link(Socket satellite, Socket hub) throws IOException {
            this.satellite = satellite;
            this.hub = hub;
            this.toSatellite = satellite.getOutputStream();
        }

        void start() {
            pump("hub-to-satellite", hub, true);
            pump("satellite-to-hub", satellite, false);
        }

        private void pump(String name, Socket from, boolean toTheSatellite) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream()) {
                    OutputStream hubOut = hub.getOutputStream();
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (toTheSatellite) {
                            synchronized (this) {
                                if (!cut) {
                                    toSatellite.write(buffer, 0, n);
                                }
                            }
                        } else {
                            hubOut.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the relay ends with either socket
                }
            }, name);
            t.setDaemon(true);
            t.start();
        }

        synchronized void inject(byte[] bytes, boolean end) throws IOException {
            cut = true;
            toSatellite.write(bytes);
            toSatellite.flush();
            if (end) {
                satellite.shutdownOutput();
            }
        }

        void close() throws IOException {
            satellite.close();
            hub.close();
        }
    }
}
