package dev.hivemind.engine.crypto;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Test seam: hands out the given nonces in order (the last one repeats), and claims none as its own. */
public final class FixedNonceSource implements NonceSource {
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private byte[] last;

    public FixedNonceSource(byte[]... nonces) {
        for (byte[] n : List.of(nonces)) {
            queue.add(n.clone());
        }
    }

    @Override
    public byte[] next() {
        if (!queue.isEmpty()) {
            last = queue.removeFirst();
        }
        if (last == null) {
            throw new IllegalStateException("no nonce configured");
        }
        return last.clone();
    }

    @Override
    public boolean isOwn(byte[] nonce) {
        return false;
    }
}
