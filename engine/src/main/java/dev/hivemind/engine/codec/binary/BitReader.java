package dev.hivemind.engine.codec.binary;

import dev.hivemind.api.error.InvalidPayloadException;

/** Reads bits MSB-first; running past the end is an {@link InvalidPayloadException}, never an index error. */
final class BitReader {
    private final byte[] buf;
    private final long size;
    private long pos;

    BitReader(byte[] buf) {
        this.buf = buf;
        this.size = 8L * buf.length;
    }

    long remaining() {
        return size - pos;
    }

    boolean bit() {
        need(1);
        boolean one = (buf[(int) (pos >>> 3)] & (0x80 >>> (pos & 7))) != 0;
        pos++;
        return one;
    }

    int bits(int count) {
        need(count);
        int v = 0;
        for (int i = 0; i < count; i++) {
            v = (v << 1) | (bit() ? 1 : 0);
        }
        return v;
    }

    byte[] bytes(int count) {
        need(8L * count);
        byte[] out = new byte[count];
        if ((pos & 7) == 0) {
            System.arraycopy(buf, (int) (pos >>> 3), out, 0, count);
            pos += 8L * count;
            return out;
        }
        for (int i = 0; i < count; i++) {
            out[i] = (byte) bits(8);
        }
        return out;
    }

    private void need(long bits) {
        if (bits > remaining()) {
            throw new InvalidPayloadException("malformed binary frame", "binary frame truncated");
        }
    }
}
